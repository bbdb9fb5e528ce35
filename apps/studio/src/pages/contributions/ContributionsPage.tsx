import { Anchor, Badge, EmptyState, Group, Pagination, Select, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONTRIBUTION_KINDS, type ContributionKind } from '@crieur/api/enums/contributions';
import type { ContributionRow } from '@crieur/api';
import { QueryView } from '../../components/QueryView';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useSession } from '../../session/session-context';
import { SectionHeader } from '../SectionPage';
import { dayText, KIND_COLORS, parisDateTime, parisDay } from './format';
import { QUEUE_TABS, useContributionQueue, type QueueTab } from './queries';

const ALL = 'all';
const isTab = (v: string): v is QueueTab => (QUEUE_TABS as readonly string[]).includes(v);
const isKind = (v: string): v is ContributionKind => (CONTRIBUTION_KINDS as readonly string[]).includes(v);

/** /studio/contributions: what the network proposed, one tab per status, oldest waiting first. */
export function ContributionsPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  // senders read what was accepted; the server refuses them the rest
  const moderator = user?.role !== 'sender';
  const tabs: readonly QueueTab[] = moderator ? QUEUE_TABS : ['accepted'];
  const filters = useUrlFilters(['status', 'kind', 'page'] as const);
  const status: QueueTab =
    isTab(filters.values.status) && tabs.includes(filters.values.status) ? filters.values.status : tabs[0]!;
  const kind = isKind(filters.values.kind) ? filters.values.kind : undefined;
  const page = Math.max(1, Number(filters.values.page) || 1);
  const queue = useContributionQueue({ status, kind, page });
  const counts = queue.data?.counts;

  return (
    <Stack gap="lg">
      <SectionHeader section="contributions" />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Tabs
          value={status}
          onChange={(value) => value && filters.setAll({ status: value === tabs[0] ? '' : value, page: '' })}
        >
          <Tabs.List aria-label={t('contributions.tabsLabel')}>
            {tabs.map((tab) => (
              <Tabs.Tab
                key={tab}
                value={tab}
                rightSection={
                  counts ? (
                    <Badge size="sm" variant={tab === 'pending' && counts.pending ? 'filled' : 'light'} circle={false}>
                      {counts[tab].toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR')}
                    </Badge>
                  ) : null
                }
              >
                {t(`contributions.tabs.${tab}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Select
          label={t('contributions.kindFilter')}
          data={[
            { value: ALL, label: t('contributions.allKinds') },
            ...CONTRIBUTION_KINDS.map((value) => ({ value, label: t(`contributions.kinds.${value}`) })),
          ]}
          value={kind ?? ALL}
          allowDeselect={false}
          onChange={(value) => filters.setAll({ kind: value && value !== ALL ? value : '', page: '' })}
          w={240}
        />
      </Group>

      <QueryView query={queue}>
        {(data) =>
          data.contributions.length === 0 ? (
            <EmptyState
              icon={<IconInbox aria-hidden />}
              title={t(`contributions.empty.${status}`)}
              description={kind ? t('contributions.emptyKind') : t(`contributions.emptyHint.${status}`)}
            />
          ) : (
            <>
              <QueueTable rows={data.contributions} status={status} busy={queue.isFetching} />
              <Group justify="space-between">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {t('contributions.shown', { count: data.total, n: data.total.toLocaleString('fr-FR') })}
                </Text>
                {data.total > data.pageSize && (
                  <Pagination
                    total={Math.ceil(data.total / data.pageSize)}
                    value={page}
                    onChange={(next) => filters.set('page', next > 1 ? String(next) : '')}
                    getControlProps={(control) => ({ 'aria-label': t(`contributions.pagination.${control}`) })}
                  />
                )}
              </Group>
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}

function QueueTable({ rows, status, busy }: { rows: ContributionRow[]; status: QueueTab; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const when = (r: ContributionRow) =>
    r.kind === 'event'
      ? parisDateTime(r.startsAt, lang)
      : r.kind === 'job' && r.closesOn
        ? t('contributions.closesOn', { date: dayText(r.closesOn, lang) })
        : null;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table
        striped
        highlightOnHover
        withTableBorder
        verticalSpacing="sm"
        aria-label={t(`contributions.tableLabel`, { tab: t(`contributions.tabs.${status}`) })}
        aria-busy={busy}
        style={{ opacity: busy ? 0.6 : 1 }}
        data-testid="contributions-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('contributions.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('contributions.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('contributions.columns.proposer')}</Table.Th>
            <Table.Th scope="col">{t('contributions.columns.received')}</Table.Th>
            <Table.Th scope="col">{t('contributions.columns.when')}</Table.Th>
            {status === 'accepted' && <Table.Th scope="col">{t('contributions.columns.publishAt')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td maw={380}>
                <Anchor component={Link} to={`/contributions/${r.id}`} size="sm" fw={500}>
                  {r.title}
                </Anchor>
                {r.organisation && (
                  <Text size="xs" c="dimmed">
                    {r.organisation}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge
                  color={KIND_COLORS[r.kind]}
                  variant="light"
                  size="sm"
                  tt="none"
                  style={{ minWidth: 'max-content' }}
                >
                  {t(`contributions.kindsShort.${r.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.proposerName || '—'}</Text>
                {r.proposerEmail && (
                  <Text size="xs" c="dimmed">
                    {r.proposerEmail}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{parisDay(r.confirmedAt ?? r.createdAt, lang)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{when(r) ?? '—'}</Text>
                {r.expiredAt && (
                  <Badge size="xs" color="gray" variant="outline" tt="none">
                    {t('contributions.expired')}
                  </Badge>
                )}
              </Table.Td>
              {status === 'accepted' && (
                <Table.Td>
                  <Text size="sm">{parisDateTime(r.publishAt, lang) ?? '—'}</Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

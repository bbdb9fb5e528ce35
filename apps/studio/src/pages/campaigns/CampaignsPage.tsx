import { Anchor, Button, EmptyState, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconFilterOff, IconMail, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CampaignListItem, CampaignSummary } from '@crieur/api';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '@crieur/api/enums/campaigns';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { SectionHeader } from '../SectionPage';
import { formatCount, formatParisShort } from './format';
import { StatusBadge } from './StatusBadge';

// Mantine's Select wants a non-empty value for "no filter"
const ALL = 'all';
// a draft has no ledger yet: asking for its progress would only say zero
const HAS_LEDGER: readonly CampaignStatus[] = ['sending', 'paused', 'sent', 'cancelled'];

const isStatus = (value: string): value is CampaignStatus => (CAMPAIGN_STATUSES as readonly string[]).includes(value);

// figures line up digit under digit
const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

type Row = CampaignListItem & { sent: number | null };

/** The sent count means something only for a campaign that has a ledger. */
const rowOf = (c: CampaignListItem): Row => ({ ...c, sent: HAS_LEDGER.includes(c.status) ? c.sentCount : null });

/** /studio/campaigns: every campaign with its status and figures, filterable by status. */
export function CampaignsPage() {
  const { t } = useTranslation();
  // the filter lives in the address: back from a campaign finds the same view
  const filters = useUrlFilters(['status']);
  const status = isStatus(filters.values.status) ? filters.values.status : undefined;
  const query = useApiQuery('GET /api/campaigns', { query: { status } }, { keepPrevious: true });
  const setStatus = (value: string | null) => filters.set('status', value && value !== ALL ? value : '');

  const options = [
    { value: ALL, label: t('campaignsPage.list.allStatuses') },
    ...CAMPAIGN_STATUSES.map((value) => ({ value, label: t(`campaignsPage.status.${value}`) })),
  ];

  return (
    <Stack gap="xl">
      <SectionHeader section="campaigns" />
      <Group align="flex-end">
        <Select
          label={t('campaignsPage.list.statusFilter')}
          data={options}
          value={status ?? ALL}
          onChange={setStatus}
          allowDeselect={false}
          w={240}
        />
      </Group>
      <QueryView query={query}>
        {(answer) => (
          <Rows rows={answer.campaigns.map(rowOf)} filtered={status !== undefined} onClear={() => setStatus(null)} />
        )}
      </QueryView>
    </Stack>
  );
}

function Rows({ rows, filtered, onClear }: { rows: Row[]; filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  if (rows.length > 0) return <CampaignTable rows={rows} />;
  return (
    <>
      {!filtered && (
        <EmptyState
          icon={<IconMail aria-hidden />}
          title={t('campaignsPage.list.emptyTitle')}
          description={t('campaignsPage.list.emptyBody')}
        >
          <EmptyState.Actions>
            <Button component={Link} to="/newsletters" leftSection={<IconSend size={18} aria-hidden />}>
              {t('campaignsPage.list.toNewsletters')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {filtered && (
        <EmptyState
          icon={<IconFilterOff aria-hidden />}
          title={t('campaignsPage.list.noMatchTitle')}
          description={t('campaignsPage.list.noMatchBody')}
        >
          <EmptyState.Actions>
            <Button variant="default" onClick={onClear}>
              {t('campaignsPage.list.clearFilter')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
    </>
  );
}

function CampaignTable({ rows }: { rows: Row[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('campaignsPage.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('campaignsPage.list.columns.subject')}</Table.Th>
            <Table.Th scope="col">{t('campaignsPage.list.columns.newsletter')}</Table.Th>
            <Table.Th scope="col">{t('campaignsPage.list.columns.lists')}</Table.Th>
            <Table.Th scope="col">{t('campaignsPage.list.columns.status')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaignsPage.list.columns.recipients')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaignsPage.list.columns.sent')}
            </Table.Th>
            <Table.Th scope="col">{t('campaignsPage.list.columns.date')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => {
            const date = when(c);
            return (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/campaigns/${encodeURIComponent(c.id)}`}
                    fw={500}
                    fs={c.subject ? undefined : 'italic'}
                  >
                    {c.subject || t('campaignsPage.list.noSubject')}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`newsletters.kinds.${c.kind}`)}</Table.Td>
                <Table.Td>{c.lists.map((l) => l.name).join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} serverWait={c.serverWait} />
                </Table.Td>
                <Table.Td ta="right" style={NUMERIC}>
                  {c.recipientCount > 0 ? formatCount(c.recipientCount, lang) : '—'}
                </Table.Td>
                <Table.Td ta="right" style={NUMERIC}>
                  {c.sent === null
                    ? '—'
                    : t('campaignsPage.list.sentOfTotal', {
                        sent: formatCount(c.sent, lang),
                        total: formatCount(c.recipientCount, lang),
                      })}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatParisShort(date.at, lang)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`campaignsPage.list.dates.${date.what}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The date that says most about a campaign in its state. */
function when(c: CampaignSummary): { at: string; what: 'finished' | 'started' | 'scheduled' | 'updated' } {
  if (c.finishedAt) return { at: c.finishedAt, what: 'finished' };
  if (c.startedAt) return { at: c.startedAt, what: 'started' };
  if (c.scheduledAt) return { at: c.scheduledAt, what: 'scheduled' };
  return { at: c.updatedAt, what: 'updated' };
}

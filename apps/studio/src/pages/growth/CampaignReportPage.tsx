import { Badge, Button, EmptyState, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { routePath } from '@crieur/api/client-path';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { SectionHeader } from '../SectionPage';
import { formatCount, formatDay, parisDay } from './format';
import { GrowthTabs } from './GrowthTabs';

const NUMBERS = ['recipients', 'sent', 'failed', 'bounced', 'complaints', 'uncertain', 'unsubscribes7d'] as const;

/** Croissance · Campagnes: every send with its ledger counts; no per-person opens or clicks. */
export function CampaignReportPage() {
  const { t, i18n } = useTranslation();
  const filters = useUrlFilters(['year']);
  const thisYear = Number(parisDay(new Date()).slice(0, 4));
  const year = /^\d{4}$/.test(filters.values.year) ? Number(filters.values.year) : undefined;
  const query = useApiQuery('GET /api/reports/campaigns', { query: { year } }, { keepPrevious: true });
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

  return (
    <Stack gap="lg">
      <SectionHeader section="growth" />
      <GrowthTabs />
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('growth.campaigns.year')}
          data={[{ value: '', label: t('growth.campaigns.allYears') }, ...years.map((y) => ({ value: y, label: y }))]}
          value={year ? String(year) : ''}
          onChange={(value) => filters.set('year', value ?? '')}
          allowDeselect={false}
          w={180}
        />
        <Button
          component="a"
          href={routePath('/api/reports/campaigns.csv', undefined, { year })}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('growth.campaigns.csv')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('growth.campaigns.hint')}
      </Text>
      <QueryView query={query}>
        {({ campaigns }) =>
          campaigns.length === 0 ? (
            <EmptyState
              icon={<IconSend aria-hidden />}
              title={t('growth.campaigns.emptyTitle')}
              description={t('growth.campaigns.emptyBody')}
            />
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover withTableBorder data-testid="campaign-report">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('growth.campaigns.date')}</Table.Th>
                    <Table.Th>{t('growth.campaigns.campaign')}</Table.Th>
                    <Table.Th>{t('growth.campaigns.lists')}</Table.Th>
                    {NUMBERS.map((k) => (
                      <Table.Th key={k} style={{ textAlign: 'right' }}>
                        {t(`growth.campaigns.${k}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {campaigns.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        {r.startedAt ? formatDay(i18n.language, parisDay(new Date(r.startedAt))) : '–'}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {r.subject || r.slug}
                        </Text>
                        {r.status !== 'sent' && (
                          <Badge size="xs" variant="light" color="yellow">
                            {t(`growth.campaigns.status.${r.status}`, { defaultValue: r.status })}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{r.lists.join(', ')}</Table.Td>
                      {NUMBERS.map((k) => (
                        <Table.Td key={k} style={{ textAlign: 'right' }}>
                          {formatCount(i18n.language, r[k])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Stack>
  );
}

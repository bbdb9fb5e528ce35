import { Anchor, Badge, EmptyState, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportView, MailingList } from '@crieur/api';
import { formatDateTime, formatNumber, IMPORT_STATUS_COLORS } from './format';
import { downloadUrl } from './lists';

/** The latest imports (GET /api/imports), newest first. */
export function ImportsTable({ imports, lists }: { imports: ImportView[]; lists: MailingList[] }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  if (imports.length === 0) {
    return (
      <EmptyState
        icon={<IconFileImport aria-hidden />}
        title={t('imports.emptyTitle')}
        description={t('imports.emptyDescription')}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={1120}>
      <Table striped withTableBorder verticalSpacing="xs" aria-labelledby="imports-recent" data-testid="imports-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('imports.columns.startedAt')}</Table.Th>
            <Table.Th scope="col">{t('imports.columns.list')}</Table.Th>
            <Table.Th scope="col">{t('imports.columns.file')}</Table.Th>
            <Table.Th scope="col">{t('imports.columns.status')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('imports.counts.rows')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('imports.counts.imported')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('imports.counts.alreadySubscribed')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('imports.counts.skipped')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('imports.counts.problems')}
            </Table.Th>
            <Table.Th scope="col">{t('imports.columns.report')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td miw={150}>
                <Text size="sm">{formatDateTime(item.startedAt, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{lists.find((list) => list.slug === item.list)?.name ?? item.list}</Text>
              </Table.Td>
              <Table.Td miw={170}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {item.fileName}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Stack gap={4} align="flex-start">
                  <Badge
                    color={IMPORT_STATUS_COLORS[item.status]}
                    variant="light"
                    size="sm"
                    tt="none"
                    miw="max-content"
                  >
                    {t(`imports.statusValues.${item.status}`)}
                  </Badge>
                  {item.dryRun && (
                    <Badge color="gray" variant="outline" size="sm" tt="none" miw="max-content">
                      {t('imports.dryRunBadge')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td ta="right">{n(item.rows)}</Table.Td>
              <Table.Td ta="right">{n(item.imported)}</Table.Td>
              <Table.Td ta="right">{n(item.alreadySubscribed)}</Table.Td>
              <Table.Td ta="right">{n(item.skipped)}</Table.Td>
              <Table.Td ta="right">{n(item.problems)}</Table.Td>
              <Table.Td>
                {item.status === 'done' && (
                  <Anchor
                    href={downloadUrl('GET /api/imports/:id/report.csv', { id: item.id })}
                    download
                    size="sm"
                    style={{ whiteSpace: 'nowrap' }}
                    aria-label={t('imports.reportFor', { file: item.fileName })}
                  >
                    {t('imports.report')}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

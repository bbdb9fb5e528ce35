import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListGrowth } from '@crieur/api';
import { formatCount, formatDay } from '../format';
import { lineFigureRows } from './line-figures';

/** The line chart's figures as a table, folded under the chart: for screen readers, print and checking. */
export function LineFigures({ lists, id }: { lists: ListGrowth[]; id: string }) {
  const { t, i18n } = useTranslation();
  const rows = lineFigureRows(lists);
  if (!rows.length) return null;
  return (
    <details>
      <summary>
        <Text component="span" size="sm">
          {t('growth.figures.summary')}
        </Text>
      </summary>
      <Table.ScrollContainer minWidth={420} mt="xs">
        <Table striped data-chart-table={id}>
          <Table.Caption>{t('growth.figures.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('growth.figures.list')}</Table.Th>
              <Table.Th scope="col">{t('growth.figures.day')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('growth.figures.count')}
              </Table.Th>
              <Table.Th scope="col">{t('growth.figures.kind')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.slug}-${r.day}-${r.kind}`} data-list={r.slug} data-kind={r.kind} data-day={r.day}>
                <Table.Td>{r.list}</Table.Td>
                <Table.Td>{formatDay(i18n.language, r.day)}</Table.Td>
                <Table.Td ta="right">{formatCount(i18n.language, r.confirmed)}</Table.Td>
                <Table.Td>{t(`growth.figures.kinds.${r.kind}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </details>
  );
}

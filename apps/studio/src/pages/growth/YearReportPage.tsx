import { Button, Group, List, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { YearReport } from '@crieur/api';
import { routePath } from '@crieur/api/client-path';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { SectionHeader } from '../SectionPage';
import { formatCount, formatDay, formatSigned, parisDay } from './format';
import { GrowthTabs } from './GrowthTabs';
import classes from './report.module.css';

function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const right = { textAlign: 'right' } as const;

/** Croissance · Rapport annuel: the figures of the activity report, printable, in Markdown or CSV. */
export function YearReportPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(['year']);
  const thisYear = Number(parisDay(new Date()).slice(0, 4));
  // January: last year's report is the one being written
  const year = /^\d{4}$/.test(filters.values.year) ? filters.values.year : String(thisYear - 1);
  const report = useApiQuery('GET /api/reports/year/:year', { params: { year } });
  // the same route answers Markdown or CSV when the year carries the suffix
  const download = (format: 'md' | 'csv') =>
    routePath('/api/reports/year/:year', { year: `${year}.${format}` }, undefined);

  return (
    <Stack gap="lg" className={classes.report}>
      <div className="growth-no-print">
        <SectionHeader section="growth" />
      </div>
      <GrowthTabs />
      <Group justify="space-between" align="flex-end" className="growth-no-print">
        <Select
          label={t('growth.report.year')}
          data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
          value={year}
          onChange={(v) => v && filters.set('year', v)}
          allowDeselect={false}
          w={140}
        />
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={() => window.print()}
            disabled={!report.isSuccess}
          >
            {t('growth.report.print')}
          </Button>
          <Button
            component="a"
            href={download('md')}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Markdown
          </Button>
          <Button
            component="a"
            href={download('csv')}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            CSV
          </Button>
        </Group>
      </Group>
      <QueryView query={report}>{(data) => <YearReportBody year={year} report={data} />}</QueryView>
    </Stack>
  );
}

/** The report itself: sends, subscribers and publications of the year. */
function YearReportBody({ year, report }: { year: string; report: YearReport }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | null) => (v === null ? '–' : formatCount(i18n.language, v));
  const lang = i18n.language;

  return (
    <>
      <div>
        <Title order={1} size="h2">
          {t('growth.report.title', { year })}
        </Title>
        <Text c="dimmed">
          {report.asOf === `${year}-12-31`
            ? t('growth.report.complete', { year })
            : t('growth.report.running', { day: formatDay(lang, report.asOf) })}
        </Text>
      </div>
      <Block id="report-sends" title={t('growth.report.sendsTitle')}>
        <Text mb="sm" data-figure="sends">
          {t('growth.report.sendsTotal', {
            count: report.campaigns.total,
            formatted: n(report.campaigns.total),
            year,
          })}
        </Text>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('growth.report.list')}</Table.Th>
              <Table.Th style={right}>{t('growth.report.sends')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.campaigns.perList.map((l) => (
              <Table.Tr key={l.slug}>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td style={right}>{n(l.sent)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {report.sends.length > 0 && (
          <Table withTableBorder mt="md" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('growth.campaigns.date')}</Table.Th>
                <Table.Th>{t('growth.campaigns.campaign')}</Table.Th>
                <Table.Th>{t('growth.campaigns.lists')}</Table.Th>
                <Table.Th style={right}>{t('growth.campaigns.recipients')}</Table.Th>
                <Table.Th style={right}>{t('growth.campaigns.sent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.sends.map((s) => (
                <Table.Tr key={s.slug}>
                  <Table.Td>{formatDay(lang, s.date)}</Table.Td>
                  <Table.Td>{s.subject || s.slug}</Table.Td>
                  <Table.Td>{s.lists.join(', ')}</Table.Td>
                  <Table.Td style={right}>{n(s.recipients)}</Table.Td>
                  <Table.Td style={right}>{n(s.sent)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Block>
      <Block id="report-subscribers" title={t('growth.report.subscribersTitle')}>
        <Table withTableBorder data-testid="report-lists">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('growth.report.list')}</Table.Th>
              <Table.Th style={right}>{t('growth.report.january')}</Table.Th>
              <Table.Th style={right}>
                {report.asOf === `${year}-12-31` ? t('growth.report.december') : formatDay(lang, report.asOf)}
              </Table.Th>
              <Table.Th style={right}>{t('growth.report.change')}</Table.Th>
              <Table.Th style={right}>{t('growth.report.subscribes')}</Table.Th>
              <Table.Th style={right}>{t('growth.report.unsubscribes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.lists.map((l) => (
              <Table.Tr key={l.slug}>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td style={right}>
                  {n(l.january)}
                  {l.januaryEntered && ` (${t('growth.charts.entered')})`}
                </Table.Td>
                <Table.Td style={right}>
                  {n(l.december)}
                  {l.decemberEntered && ` (${t('growth.charts.entered')})`}
                </Table.Td>
                <Table.Td style={right}>{l.change === null ? '–' : formatSigned(lang, l.change)}</Table.Td>
                <Table.Td style={right}>{n(l.subscribes)}</Table.Td>
                <Table.Td style={right}>{n(l.unsubscribes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed" mt="xs">
          {t('growth.report.enteredNote')}
        </Text>
      </Block>
      <Block id="report-publications" title={t('growth.report.publicationsTitle')}>
        <Text mb="sm">
          {t('growth.report.articlesTotal', {
            count: report.publications.articles,
            formatted: n(report.publications.articles),
            year,
          })}
        </Text>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('growth.report.rubrique')}</Table.Th>
              <Table.Th style={right}>{t('growth.report.articles')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.publications.rubriques.map((r) => (
              <Table.Tr key={r.slug}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td style={right}>{n(r.articles)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text mt="md">
          {t('growth.report.dossiersTotal', {
            count: report.publications.dossiers.length,
            formatted: n(report.publications.dossiers.length),
          })}
        </Text>
        {report.publications.dossiers.length > 0 && (
          <List mt={4}>
            {report.publications.dossiers.map((d) => (
              <List.Item key={d.slug}>
                {d.title} ({formatDay(lang, d.publishedAt)})
              </List.Item>
            ))}
          </List>
        )}
        <Text mt="md" data-testid="report-contributions">
          {t('contributionFill.report.sentence', {
            year,
            events: t('contributionFill.report.events', {
              count: report.publications.contributions.events,
              formatted: n(report.publications.contributions.events),
            }),
            jobs: t('contributionFill.report.jobs', {
              count: report.publications.contributions.jobs,
              formatted: n(report.publications.contributions.jobs),
            }),
            news: t('contributionFill.report.news', {
              count: report.publications.contributions.news,
              formatted: n(report.publications.contributions.news),
            }),
          })}
        </Text>
      </Block>
    </>
  );
}

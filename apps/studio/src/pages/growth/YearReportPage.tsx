import { Button, Group, List, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { LoadError } from '../../components/LoadError';
import { useApiData } from '../../hooks/use-api-data';
import { SectionHeader } from '../SectionPage';
import { formatCount, formatDay, formatSigned, parisDay } from './format';
import { GrowthTabs } from './GrowthTabs';
import classes from './report.module.css';
import type { YearReport } from './types';

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
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(parisDay(new Date()).slice(0, 4));
  // January: last year's report is the one being written
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? params.get('year')! : String(thisYear - 1);
  const report = useApiData(() => api<YearReport>('GET', `/api/reports/year/${year}`), year);
  const n = (v: number | null) => (v === null ? '–' : formatCount(i18n.language, v));
  const lang = i18n.language;

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
          onChange={(v) => v && setParams({ year: v }, { replace: true })}
          allowDeselect={false}
          w={140}
        />
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={() => window.print()}
            disabled={report.status !== 'ready'}
          >
            {t('growth.report.print')}
          </Button>
          <Button
            component="a"
            href={`/api/reports/year/${year}.md`}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Markdown
          </Button>
          <Button
            component="a"
            href={`/api/reports/year/${year}.csv`}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            CSV
          </Button>
        </Group>
      </Group>
      {report.status === 'loading' && <Loader aria-label={t('app.loading')} />}
      {report.status === 'failed' && <LoadError error={report.error} onRetry={report.reload} />}
      {report.status === 'ready' && (
        <>
          <div>
            <Title order={1} size="h2">
              {t('growth.report.title', { year })}
            </Title>
            <Text c="dimmed">
              {report.data.asOf === `${year}-12-31`
                ? t('growth.report.complete', { year })
                : t('growth.report.running', { day: formatDay(lang, report.data.asOf) })}
            </Text>
          </div>
          <Block id="report-sends" title={t('growth.report.sendsTitle')}>
            <Text mb="sm" data-figure="sends">
              {t('growth.report.sendsTotal', {
                count: report.data.campaigns.total,
                formatted: n(report.data.campaigns.total),
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
                {report.data.campaigns.perList.map((l) => (
                  <Table.Tr key={l.slug}>
                    <Table.Td>{l.name}</Table.Td>
                    <Table.Td style={right}>{n(l.sent)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {report.data.sends.length > 0 && (
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
                  {report.data.sends.map((s) => (
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
                    {report.data.asOf === `${year}-12-31`
                      ? t('growth.report.december')
                      : formatDay(lang, report.data.asOf)}
                  </Table.Th>
                  <Table.Th style={right}>{t('growth.report.change')}</Table.Th>
                  <Table.Th style={right}>{t('growth.report.subscribes')}</Table.Th>
                  <Table.Th style={right}>{t('growth.report.unsubscribes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.lists.map((l) => (
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
                count: report.data.publications.articles,
                formatted: n(report.data.publications.articles),
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
                {report.data.publications.rubriques.map((r) => (
                  <Table.Tr key={r.slug}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td style={right}>{n(r.articles)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text mt="md">
              {t('growth.report.dossiersTotal', {
                count: report.data.publications.dossiers.length,
                formatted: n(report.data.publications.dossiers.length),
              })}
            </Text>
            {report.data.publications.dossiers.length > 0 && (
              <List mt={4}>
                {report.data.publications.dossiers.map((d) => (
                  <List.Item key={d.slug}>
                    {d.title} ({formatDay(lang, d.publishedAt)})
                  </List.Item>
                ))}
              </List>
            )}
          </Block>
        </>
      )}
    </Stack>
  );
}

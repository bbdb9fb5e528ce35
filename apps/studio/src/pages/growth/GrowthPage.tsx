import { Alert, EmptyState, Loader, SimpleGrid, Stack } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { listLists } from '../../api/endpoints';
import { LoadError } from '../../components/LoadError';
import { useApiData } from '../../hooks/use-api-data';
import { useCurrentUser } from '../../session/session-context';
import { SectionHeader } from '../SectionPage';
import { ChartCard } from './charts/ChartCard';
import { movesOption, netGrowthOption, subscribersOption, type ChartLabels } from './charts/options';
import { addDays, formatDay, parisDay } from './format';
import { GrowthFilters, type GrowthRange } from './GrowthFilters';
import { GrowthTabs } from './GrowthTabs';
import { HeadlineCards } from './HeadlineCards';
import { HistoryPanel } from './HistoryPanel';
import type { GrowthAnswer } from './types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Croissance · Abonné·es: headline figures, the line of each list, net growth and movements per month. */
export function GrowthPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  // snapshots close a Paris day: yesterday is the last complete one
  const latest = addDays(parisDay(new Date()), -1);
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : latest;
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : addDays(to, -364);
  const lists = useApiData(() => listLists().then((a) => a.lists));
  const selected = (params.get('lists') ?? '').split(',').filter(Boolean);
  const query = new URLSearchParams({ from, to, ...(selected.length ? { lists: selected.join(',') } : {}) }).toString();
  const growth = useApiData(() => api<GrowthAnswer>('GET', `/api/growth?${query}`), query);

  const update = (changes: Record<string, string>) =>
    setParams((p) => ({ ...Object.fromEntries(p), ...changes }), { replace: true });
  const labels = (description: string): ChartLabels => ({
    entered: t('growth.charts.entered'),
    subscribes: t('growth.charts.subscribes'),
    unsubscribes: t('growth.charts.unsubscribes'),
    net: t('growth.charts.net'),
    description,
  });
  const data = growth.status === 'ready' ? growth.data : null;
  const options = useMemo(() => {
    if (!data) return null;
    const span = t('growth.charts.span', {
      from: formatDay(i18n.language, data.from),
      to: formatDay(i18n.language, data.to),
    });
    return {
      line: subscribersOption(data.lists, i18n.language, labels(`${t('growth.charts.line')} ${span}`)),
      net: netGrowthOption(data.lists, i18n.language, labels(`${t('growth.charts.netTitle')} ${span}`)),
      moves: movesOption(data.lists, i18n.language, labels(`${t('growth.charts.movesTitle')} ${span}`)),
    };
  }, [data, i18n.language]); // labels come from t, which follows the language

  const noData = data !== null && data.lists.every((l) => l.points.length === 0);
  const canEnter = user.role === 'admin' || user.role === 'sender';
  const fileStem = `croissance-${from}-${to}`;

  return (
    <Stack gap="lg">
      <SectionHeader section="growth" />
      <GrowthTabs />
      {lists.status === 'failed' && <LoadError error={lists.error} onRetry={lists.reload} />}
      {lists.status === 'ready' && (
        <GrowthFilters
          lists={lists.data}
          selected={selected.length ? selected : lists.data.map((l) => l.slug)}
          onLists={(slugs) => update({ lists: slugs.join(',') })}
          range={{ from, to }}
          latest={latest}
          onRange={(r: GrowthRange) => update({ from: r.from, to: r.to })}
        />
      )}
      {growth.status === 'loading' && <Loader aria-label={t('app.loading')} />}
      {growth.status === 'failed' && <LoadError error={growth.error} onRetry={growth.reload} />}
      {data && <HeadlineCards lists={data.lists} />}
      {noData && (
        <EmptyState
          icon={<IconChartLine aria-hidden />}
          title={t('growth.empty.title')}
          description={canEnter ? t('growth.empty.bodyStaff') : t('growth.empty.body')}
        />
      )}
      {data && options && !noData && (
        <>
          {data.lists.some((l) => l.points.some((p) => p.entered)) && (
            <Alert variant="light" color="gray" className="growth-no-print">
              {t('growth.charts.enteredNote')}
            </Alert>
          )}
          <ChartCard
            id="growth-line"
            title={t('growth.charts.line')}
            hint={t('growth.charts.lineHint')}
            option={options.line}
            filename={`${fileStem}-abonnes`}
          />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ChartCard
              id="growth-net"
              title={t('growth.charts.netTitle')}
              hint={t('growth.charts.netHint')}
              option={options.net}
              filename={`${fileStem}-croissance-nette`}
            />
            <ChartCard
              id="growth-moves"
              title={t('growth.charts.movesTitle')}
              hint={t('growth.charts.movesHint')}
              option={options.moves}
              filename={`${fileStem}-inscriptions`}
            />
          </SimpleGrid>
        </>
      )}
      {canEnter && lists.status === 'ready' && (
        <HistoryPanel lists={lists.data} latestMonth={latest.slice(0, 7)} onChanged={growth.reload} />
      )}
    </Stack>
  );
}

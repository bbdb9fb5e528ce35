import { Alert, EmptyState, SimpleGrid, Stack } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Growth } from '@crieur/api';
import { useApiQuery } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { QueryView } from '../../components/QueryView';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCurrentUser } from '../../session/session-context';
import { SectionHeader } from '../SectionPage';
import { ChartCard } from './charts/ChartCard';
import { LineFigures } from './charts/LineFigures';
import {
  hasMoves,
  hasNetGrowth,
  movesOption,
  netGrowthOption,
  subscribersOption,
  type ChartLabels,
} from './charts/options';
import { addDays, formatCount, formatDay, parisDay } from './format';
import { GrowthFilters, type GrowthRange } from './GrowthFilters';
import { GrowthTabs } from './GrowthTabs';
import { HeadlineCards } from './HeadlineCards';
import { HistoryPanel } from './HistoryPanel';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FILTERS = ['lists', 'from', 'to'] as const;

/** Croissance · Abonné·es: headline figures, the line of each list, net growth and movements per month. */
export function GrowthPage() {
  const user = useCurrentUser();
  const filters = useUrlFilters(FILTERS);
  // today is included: its figures are live, provisional until the day closes
  const latest = parisDay(new Date());
  const to = DAY.test(filters.values.to) ? filters.values.to : latest;
  const from = DAY.test(filters.values.from) ? filters.values.from : addDays(to, -364);
  const selected = filters.values.lists.split(',').filter(Boolean);
  const lists = useApiQuery('GET /api/lists');
  const growth = useApiQuery(
    'GET /api/growth',
    { query: { from, to, ...(selected.length ? { lists: selected.join(',') } : {}) } },
    { keepPrevious: true },
  );
  const canEnter = user.role === 'admin' || user.role === 'sender';

  return (
    <Stack gap="lg">
      <SectionHeader section="growth" />
      <GrowthTabs />
      {lists.isError && <LoadError error={lists.error} onRetry={() => void lists.refetch()} />}
      {lists.data && (
        <GrowthFilters
          lists={lists.data.lists}
          selected={selected.length ? selected : lists.data.lists.map((l) => l.slug)}
          onLists={(slugs) => filters.set('lists', slugs.join(','))}
          range={{ from, to }}
          latest={latest}
          onRange={(r: GrowthRange) => filters.setAll({ from: r.from, to: r.to })}
        />
      )}
      <QueryView query={growth}>
        {(data) => <GrowthCharts data={data} canEnter={canEnter} fileStem={`croissance-${from}-${to}`} />}
      </QueryView>
      {canEnter && lists.data && <HistoryPanel lists={lists.data.lists} latestMonth={latest.slice(0, 7)} />}
    </Stack>
  );
}

/** The headline cards and the three charts of one answer (or why there is nothing to draw). */
function GrowthCharts({ data, canEnter, fileStem }: { data: Growth; canEnter: boolean; fileStem: string }) {
  const { t, i18n } = useTranslation();
  const labels = (description: string): ChartLabels => ({
    entered: t('growth.charts.entered'),
    today: t('growth.charts.today'),
    partial: t('growth.charts.partial'),
    subscribes: t('growth.charts.subscribes'),
    unsubscribes: t('growth.charts.unsubscribes'),
    net: t('growth.charts.net'),
    description,
  });
  const options = useMemo(() => {
    const span = t('growth.charts.span', {
      from: formatDay(i18n.language, data.from),
      to: formatDay(i18n.language, data.to),
    });
    // what the hollow points say, for screen readers
    const today = data.lists.flatMap((l) =>
      l.points
        .filter((p) => p.provisional)
        .map((p) => `${l.name} : ${formatCount(i18n.language, p.confirmed)} ${t('growth.charts.today')}.`),
    );
    return {
      line: subscribersOption(
        data.lists,
        i18n.language,
        labels([`${t('growth.charts.line')} ${span}`, ...today].join(' ')),
        { from: data.from, to: data.to },
      ),
      net: netGrowthOption(data.lists, i18n.language, labels(`${t('growth.charts.netTitle')} ${span}`)),
      moves: movesOption(data.lists, i18n.language, labels(`${t('growth.charts.movesTitle')} ${span}`)),
    };
  }, [data, i18n.language]); // labels come from t, which follows the language
  const noData = data.lists.every((l) => l.points.length === 0);

  return (
    <>
      <HeadlineCards lists={data.lists} today={data.today} />
      {noData ? (
        <EmptyState
          icon={<IconChartLine aria-hidden />}
          title={t('growth.empty.title')}
          description={canEnter ? t('growth.empty.bodyStaff') : t('growth.empty.body')}
        />
      ) : (
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
          >
            <LineFigures lists={data.lists} id="growth-line" />
          </ChartCard>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ChartCard
              id="growth-net"
              title={t('growth.charts.netTitle')}
              hint={t('growth.charts.netHint')}
              option={options.net}
              filename={`${fileStem}-croissance-nette`}
              empty={hasNetGrowth(data.lists) ? null : t('growth.charts.netEmpty')}
            />
            <ChartCard
              id="growth-moves"
              title={t('growth.charts.movesTitle')}
              hint={t('growth.charts.movesHint')}
              option={options.moves}
              filename={`${fileStem}-inscriptions`}
              empty={hasMoves(data.lists) ? null : t('growth.charts.movesEmpty')}
            />
          </SimpleGrid>
        </>
      )}
    </>
  );
}

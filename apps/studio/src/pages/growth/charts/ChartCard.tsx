import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chartLocale, echarts, exportChart, type ChartOption } from './echarts';

const HEIGHT = 320;

function download(url: string, filename: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * A titled chart (drawn in SVG) with PNG and SVG downloads for the activity report; `empty` says why
 * there is nothing to draw instead of an empty frame; `children` (a table of the figures) follow it.
 */
export function ChartCard({
  id,
  title,
  hint,
  option,
  filename,
  empty,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  option: ChartOption;
  filename: string;
  empty?: string | null;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const save = (type: 'png' | 'svg') => {
    const width = Math.max(640, holder.current?.clientWidth ?? 960);
    download(exportChart(option, type, { width, height: HEIGHT }, chartLocale(i18n.language)), `${filename}.${type}`);
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${id}-title`}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <div>
          <Title order={2} size="h4" id={`${id}-title`}>
            {title}
          </Title>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {!empty && (
          <Group gap="xs" className="growth-no-print">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => save('png')}
              aria-label={t('growth.download.pngLabel', { title })}
            >
              PNG
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => save('svg')}
              aria-label={t('growth.download.svgLabel', { title })}
            >
              SVG
            </Button>
          </Group>
        )}
      </Group>
      {empty ? (
        <Text c="dimmed" py="xl" ta="center" data-chart-empty={id}>
          {empty}
        </Text>
      ) : (
        <div ref={holder} data-chart={id}>
          <EChartsReactCore
            key={i18n.language}
            echarts={echarts}
            option={option}
            notMerge
            opts={{ renderer: 'svg', locale: chartLocale(i18n.language) }}
            style={{ height: HEIGHT, width: '100%' }}
          />
        </div>
      )}
      {children}
    </Paper>
  );
}

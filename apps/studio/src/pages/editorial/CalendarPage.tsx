import { ActionIcon, Anchor, Button, Group, Paper, Stack, Text, Title, useMatches } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarItem } from '@crieur/api';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { intlLocale } from '../../i18n';
import { SectionHeader } from '../SectionPage';
import { EditorialTabs } from './EditorialTabs';
import { ARTICLE_STATUS_COLORS, formatTime } from './format';
import classes from './calendar.module.css';

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** "2026-03" in the address, so a month can be shared or come back to. */
function parseMonth(value: string | null): Date {
  const match = value ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  if (match) return new Date(Number(match[1]), Number(match[2]) - 1, 1);
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), 1);
}

/** The weeks shown for a month: Monday first, full weeks. */
function gridDays(month: Date): Date[] {
  const first = new Date(month.getFullYear(), month.getMonth(), 1);
  const start = new Date(first);
  start.setDate(first.getDate() - ((first.getDay() + 6) % 7));
  const last = new Date(month.getFullYear(), month.getMonth() + 1, 0);
  const end = new Date(last);
  end.setDate(last.getDate() + (6 - ((last.getDay() + 6) % 7)));
  const days: Date[] = [];
  for (let day = new Date(start); day <= end; day.setDate(day.getDate() + 1)) days.push(new Date(day));
  return days;
}

const itemDate = (item: CalendarItem) => item.publishedAt ?? item.scheduledAt;

/** "novembre 2026" → "Novembre 2026" (CSS capitalize would also do "Mardi 3 Novembre"). */
const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** /studio/editorial/calendar: what is programmed and published, day by day. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const compact = useMatches({ base: true, sm: false });
  const address = useUrlFilters(['month']);
  const month = parseMonth(address.values.month || null);
  const monthKey = `${month.getFullYear()}-${pad(month.getMonth() + 1)}`;
  const days = useMemo(() => gridDays(month), [monthKey]); // recomputed when the month changes, not on every render

  const range = useMemo(() => {
    const to = new Date(days[days.length - 1] ?? month);
    to.setDate(to.getDate() + 1);
    return { from: (days[0] ?? month).toISOString(), to: to.toISOString() };
  }, [days]);
  const calendar = useApiQuery('GET /api/calendar', { query: range });
  const items = calendar.data?.items;

  const byDay = useMemo(() => {
    const map = new Map<string, CalendarItem[]>();
    for (const item of items ?? []) {
      const iso = itemDate(item);
      if (!iso) continue;
      const key = dayKey(new Date(iso));
      map.set(key, [...(map.get(key) ?? []), item]);
    }
    for (const list of map.values()) list.sort((a, b) => (itemDate(a) ?? '').localeCompare(itemDate(b) ?? ''));
    return map;
  }, [items]);

  const go = (offset: number) => {
    const next = new Date(month.getFullYear(), month.getMonth() + offset, 1);
    address.set('month', `${next.getFullYear()}-${pad(next.getMonth() + 1)}`);
  };
  const monthLabel = upperFirst(new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(month));
  const weekdays = days
    .slice(0, 7)
    .map((day) => new Intl.DateTimeFormat(locale, { weekday: compact ? 'narrow' : 'short' }).format(day));
  const todayKey = dayKey(new Date());

  const itemLink = (item: CalendarItem) => (
    <Anchor
      key={item.id}
      component={Link}
      to={`/editorial/articles/${encodeURIComponent(item.id)}`}
      className={classes.item}
      data-status={item.status}
      style={{ borderLeftColor: `var(--mantine-color-${ARTICLE_STATUS_COLORS[item.status]}-6)` }}
      title={`${item.title} — ${t(`editorial.statusValues.${item.status}`)}`}
    >
      <Text span size="xs" c="dimmed">
        {formatTime(itemDate(item), i18n.language)}
      </Text>{' '}
      <Text span size="xs" fw={500}>
        {item.title}
      </Text>
      <span className={classes.srOnly}>
        {' '}
        ({t(`editorial.statusValues.${item.status}`)}, {item.rubrique.name})
      </span>
    </Anchor>
  );

  const inMonth = days.filter((day) => day.getMonth() === month.getMonth());
  const dayLabel = (day: Date) =>
    upperFirst(new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(day));

  return (
    <Stack gap="lg">
      <SectionHeader section="editorial" />
      <EditorialTabs />
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={2} size="h3" aria-live="polite">
          {monthLabel}
        </Title>
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" aria-label={t('editorial.calendar.previous')} onClick={() => go(-1)}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
          <Button variant="default" onClick={address.clear}>
            {t('editorial.calendar.today')}
          </Button>
          <ActionIcon variant="default" size="lg" aria-label={t('editorial.calendar.next')} onClick={() => go(1)}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('editorial.calendar.legend')}
      </Text>

      <QueryView query={calendar}>
        {() =>
          compact ? (
            // phones: the days that have something, as a list
            <Stack gap="sm">
              {inMonth.filter((day) => byDay.has(dayKey(day))).length === 0 ? (
                <Text c="dimmed">{t('editorial.calendar.empty')}</Text>
              ) : (
                inMonth
                  .filter((day) => byDay.has(dayKey(day)))
                  .map((day) => (
                    <Paper key={dayKey(day)} withBorder p="sm" radius="md">
                      <Text fw={600} size="sm" mb={4}>
                        {dayLabel(day)}
                      </Text>
                      <Stack gap={4}>{byDay.get(dayKey(day))?.map(itemLink)}</Stack>
                    </Paper>
                  ))
              )}
            </Stack>
          ) : (
            <>
              <div
                className={classes.grid}
                role="table"
                aria-label={t('editorial.calendar.gridLabel', { month: monthLabel })}
              >
                <div role="row" className={classes.week}>
                  {weekdays.map((name) => (
                    <div role="columnheader" key={name} className={classes.weekday}>
                      {name}
                    </div>
                  ))}
                </div>
                {Array.from({ length: days.length / 7 }, (_, week) => (
                  <div role="row" className={classes.week} key={week}>
                    {days.slice(week * 7, week * 7 + 7).map((day) => {
                      const key = dayKey(day);
                      const list = byDay.get(key) ?? [];
                      return (
                        <div
                          role="cell"
                          key={key}
                          className={classes.day}
                          data-outside={day.getMonth() !== month.getMonth() || undefined}
                          data-today={key === todayKey || undefined}
                        >
                          <span className={classes.srOnly}>{dayLabel(day)}</span>
                          <span className={classes.dayNumber} aria-hidden>
                            {day.getDate()}
                          </span>
                          <div className={classes.items}>{list.map(itemLink)}</div>
                        </div>
                      );
                    })}
                  </div>
                ))}
              </div>
              {inMonth.every((day) => !byDay.has(dayKey(day))) && (
                <Text c="dimmed">{t('editorial.calendar.empty')}</Text>
              )}
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}

import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconClock } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n';
import { parisToday } from './paris-time';
import { frenchTime } from './parse-time';
import {
  resolveSchedule,
  shortcutDraft,
  SHORTCUTS,
  type ScheduleDraft,
  type ScheduleProblem,
} from './resolve-schedule';

type Props = {
  /** The instant understood (ISO with its Paris offset), or null while the date or time is missing or wrong. */
  onChange: (iso: string | null) => void;
  /** The dialog's refusal (confirm pressed too soon): also reveals the field's own messages. */
  error?: string | null;
  /** Focus the date on opening (the first field of a dialog). */
  autoFocus?: boolean;
};

function problemText(t: TFunction, problem: ScheduleProblem): string {
  if (problem.code === 'gap')
    return t('schedule.problems.gap', {
      time: frenchTime(problem.hours, problem.minutes),
      suggestion: frenchTime(3, problem.minutes),
    });
  return t(`schedule.problems.${problem.code}`, {
    hours: 'hours' in problem ? problem.hours : undefined,
    minutes: 'minutes' in problem ? String(problem.minutes ?? '').padStart(2, '0') : undefined,
  });
}

/**
 * A day and a 24-hour time, read in Paris. The time stays exactly as typed (« 21 h 02 », « 21:02 », « 2102 »):
 * the field says what it understood under it, and what it cannot read, instead of changing it.
 */
export function ScheduleField({ onChange, error, autoFocus }: Props) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<ScheduleDraft>({ date: null, time: '' });
  const [touched, setTouched] = useState(false);
  const resolved = resolveSchedule(draft, new Date());
  const iso = resolved.ok ? resolved.iso : null;
  // told only when the understood instant changes (a parent's inline callback must not re-run it)
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => onChangeRef.current(iso), [iso]);

  const revealed = touched || Boolean(error);
  const problems = resolved.ok || !revealed ? [] : resolved.problems;
  const dateProblem = problems.find((p) => p.field === 'date');
  const timeProblem = problems.find((p) => p.field === 'time');
  const timeError = timeProblem ? problemText(t, timeProblem) : dateProblem ? null : (error ?? null);

  const dayFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(intlLocale(i18n.language), {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    [i18n.language],
  );
  let understood: string | null = null;
  if (resolved.ok) {
    const when = t('schedule.when', {
      date: dayFormat.format(new Date(`${resolved.date}T12:00:00Z`)),
      time: frenchTime(resolved.hours, resolved.minutes),
    });
    understood = t(resolved.repeated ? 'schedule.understoodRepeated' : 'schedule.understood', {
      when,
      time: frenchTime(resolved.hours, resolved.minutes),
    });
  }

  const change = (next: Partial<ScheduleDraft>) => setDraft((current) => ({ ...current, ...next }));

  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
      <Stack gap="sm">
        <Group gap="xs" role="group" aria-label={t('schedule.shortcutsLabel')}>
          {SHORTCUTS.map((shortcut) => (
            <Button
              key={shortcut}
              size="xs"
              variant="light"
              onClick={() => {
                setDraft(shortcutDraft(shortcut, new Date()));
                setTouched(true);
              }}
            >
              {t(`schedule.shortcuts.${shortcut}`)}
            </Button>
          ))}
        </Group>
        <DatePickerInput
          label={t('schedule.date')}
          value={draft.date}
          onChange={(value) => change({ date: value ? value.slice(0, 10) : null })}
          minDate={parisToday()}
          valueFormat="dddd D MMMM YYYY"
          ariaLabels={{
            nextMonth: t('schedule.calendar.nextMonth'),
            previousMonth: t('schedule.calendar.previousMonth'),
            nextYear: t('schedule.calendar.nextYear'),
            previousYear: t('schedule.calendar.previousYear'),
            nextDecade: t('schedule.calendar.nextDecade'),
            previousDecade: t('schedule.calendar.previousDecade'),
            monthLevelControl: t('schedule.calendar.monthLevelControl'),
            yearLevelControl: t('schedule.calendar.yearLevelControl'),
          }}
          popoverProps={{ withinPortal: true, zIndex: 1000 }}
          error={dateProblem ? problemText(t, dateProblem) : null}
          withAsterisk
          data-autofocus={autoFocus || undefined}
        />
        <TextInput
          label={t('schedule.time')}
          description={t('schedule.timeHint')}
          value={draft.time}
          onChange={(event) => change({ time: event.currentTarget.value })}
          onBlur={() => setTouched(true)}
          error={timeError}
          leftSection={<IconClock size={16} aria-hidden />}
          autoComplete="off"
          spellCheck={false}
          withAsterisk
        />
        <Text size="sm" aria-live="polite" c={understood ? 'teal.9' : 'dimmed'}>
          {understood ?? t('schedule.zone')}
        </Text>
      </Stack>
    </DatesProvider>
  );
}

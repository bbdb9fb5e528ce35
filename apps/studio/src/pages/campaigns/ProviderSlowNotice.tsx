import { Alert, List, Text } from '@mantine/core';
import { IconHourglassLow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SlowedProvider } from '@crieur/api';
import { intlLocale } from '../../i18n';
import { PARIS } from '../../components/schedule/paris-time';
import { formatRate } from './format';

/** "14 h 32" in French, "14:32" in English, Paris time: when a slowed provider's messages go again. */
export function formatHourMinute(iso: string, language: string): string {
  const text = new Intl.DateTimeFormat(intlLocale(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: PARIS,
  }).format(new Date(iso));
  return language === 'en' ? text : text.replace(/^0?(\d+):(\d\d)$/, '$1 h $2');
}

type Props = { providers: SlowedProvider[] };

/** Providers that answered "too fast": their messages wait and go again gradually, the others go on. */
export function ProviderSlowNotice({ providers }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (providers.length === 0) return null;
  const name = (provider: string) => t(`pacing.providers.${provider}`, { defaultValue: provider });
  return (
    <Alert
      color="blue"
      variant="light"
      role="status"
      icon={<IconHourglassLow aria-hidden />}
      title={t('pacing.title')}
      data-testid="slowed-providers"
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <List size="sm" spacing={4} mb="xs">
        {providers.map((p) => (
          <List.Item key={p.provider}>
            <Text size="sm" fw={500} span>
              {p.resumesAt
                ? t('pacing.waiting', { provider: name(p.provider), time: formatHourMinute(p.resumesAt, lang) })
                : t('pacing.recovering', {
                    provider: name(p.provider),
                    rate: t('campaignsPage.progress.rateValue', { rate: formatRate(p.ratePerSecond, lang) }),
                    time: formatHourMinute(p.fullPaceAt, lang),
                  })}
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="sm">{t('pacing.explain')}</Text>
    </Alert>
  );
}

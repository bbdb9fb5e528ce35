import { Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTime, newsletterError } from './format';
import type { DraftSaveState } from './use-campaign-draft';

/** "Enregistré à 14:32", "Enregistrement…", or why the last save failed with a retry button. */
export function SaveStatus({ state, onRetry }: { state: DraftSaveState; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  let content = null;
  if (state.kind === 'saving')
    content = (
      <Group gap={6}>
        <Loader size={12} aria-hidden />
        <Text size="sm">{t('newsletters.save.saving')}</Text>
      </Group>
    );
  else if (state.kind === 'saved')
    content = (
      <Text size="sm" c="teal.8">
        {t('newsletters.save.savedAt', { time: formatTime(state.at, i18n.language) })}
      </Text>
    );
  else if (state.kind === 'dirty')
    content = (
      <Text size="sm" c="dimmed">
        {t('newsletters.save.unsaved')}
      </Text>
    );
  else if (state.kind === 'conflict')
    content = (
      <Text size="sm" c="orange.8">
        {t('newsletters.save.conflict')}
      </Text>
    );
  else if (state.kind === 'error')
    content = (
      <Group gap={6}>
        <Text size="sm" c="red.8" role="alert">
          {t('newsletters.save.failed', { message: newsletterError(t, state.error) })}
        </Text>
        <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Group>
    );
  return (
    <div aria-live="polite" data-testid="save-status" style={{ maxWidth: 520 }}>
      {content}
    </div>
  );
}

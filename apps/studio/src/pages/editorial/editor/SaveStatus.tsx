import { Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { errorMessage } from '../../../i18n/error-message';
import { formatTime } from '../format';
import type { SaveState } from './use-autosave';

/** Where the autosave stands: saving, saved at…, unsaved, or failed with a retry. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  let content;
  switch (state.kind) {
    case 'saving':
      content = (
        <Group gap={6}>
          <Loader size={12} aria-hidden />
          <Text size="sm">{t('editorial.editor.saving')}</Text>
        </Group>
      );
      break;
    case 'saved':
      content = (
        <Text size="sm" c="teal.8">
          {t('editorial.editor.savedAt', { time: formatTime(state.at, i18n.language) })}
        </Text>
      );
      break;
    case 'dirty':
      content = (
        <Text size="sm" c="dimmed">
          {t('editorial.editor.unsaved')}
        </Text>
      );
      break;
    case 'error':
      content = (
        <Group gap={6}>
          <Text size="sm" c="red.8" role="alert">
            {t('editorial.editor.saveFailed', { message: errorMessage(t, state.error) })}
            {/* the message names the first wrong field; the others follow */}
            {state.error instanceof ApiError &&
              state.error.issues.length > 1 &&
              ` ${state.error.issues
                .slice(1)
                .map((issue) => issue.message)
                .join(' ')}`}
          </Text>
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
            {t('editorial.editor.saveRetry')}
          </Button>
        </Group>
      );
      break;
    default:
      content = null;
  }
  return (
    <div aria-live="polite" data-testid="save-status" style={{ maxWidth: 520 }}>
      {content}
    </div>
  );
}

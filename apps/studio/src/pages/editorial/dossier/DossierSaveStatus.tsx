import { Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditConflict } from '@crieur/api';
import type { AutosaveState } from '../../../hooks/use-versioned-autosave';
import { errorMessage } from '../../../i18n/error-message';
import { formatTime } from '../format';

/** Where the autosave is: saving, saved at…, not saved yet, or why it failed (with a retry). */
export function DossierSaveStatus({ state, onRetry }: { state: AutosaveState<EditConflict>; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  let content = null;
  if (state.kind === 'saving')
    content = (
      <Group gap={6}>
        <Loader size={12} aria-hidden />
        <Text size="sm">{t('dossierEditor.save.saving')}</Text>
      </Group>
    );
  else if (state.kind === 'saved')
    content = (
      <Text size="sm" c="teal.9">
        {t('dossierEditor.save.savedAt', { time: formatTime(state.at, i18n.language) })}
      </Text>
    );
  else if (state.kind === 'dirty')
    content = (
      <Text size="sm" c="dimmed">
        {t('dossierEditor.save.unsaved')}
      </Text>
    );
  else if (state.kind === 'error')
    content = (
      <Group gap={6}>
        <Text size="sm" c="red.8" role="alert">
          {t('dossierEditor.save.failed', { message: errorMessage(t, state.error) })}
        </Text>
        <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
          {t('dossierEditor.save.retry')}
        </Button>
      </Group>
    );
  return (
    <div aria-live="polite" data-testid="save-status" style={{ maxWidth: 520 }}>
      {content}
    </div>
  );
}

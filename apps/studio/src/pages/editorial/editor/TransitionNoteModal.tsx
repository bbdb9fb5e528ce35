import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleAction } from '@crieur/api';

/** The steps that take a note for the team (kept as a comment of its kind, sent in the review email). */
export const NOTE_ACTIONS = new Set<ArticleAction>(['submit', 'submit_update', 'request_changes', 'withdraw']);
export const NOTE_MAX = 2000;

type Props = {
  action: ArticleAction | null;
  /** the article is live: the texts say what happens to the working version */
  live: boolean;
  busy: boolean;
  failure: ReactNode;
  onClose: () => void;
  onConfirm: (note: string) => void;
};

/** A small dialog before a step: what it does, and a note (required to ask for changes, optional otherwise). */
export function TransitionNoteModal({ action, live, busy, failure, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      title={action ? t(`articleWorkflow.actions.${action}`) : ''}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {action && (
        <NoteForm key={action} action={action} live={live} busy={busy} failure={failure} onConfirm={onConfirm} />
      )}
    </Modal>
  );
}

function NoteForm({
  action,
  live,
  busy,
  failure,
  onConfirm,
}: Omit<Props, 'action' | 'onClose'> & { action: ArticleAction }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const required = action === 'request_changes';
  const intro =
    live && (action === 'withdraw' || action === 'request_changes')
      ? t(`articleWorkflow.note.${action}_live`)
      : t(`articleWorkflow.note.${action as 'submit' | 'submit_update' | 'request_changes' | 'withdraw'}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (required && !note.trim()) {
      setError(t('articleWorkflow.note.required'));
      return;
    }
    onConfirm(note.trim());
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{intro}</Text>
        <Textarea
          label={required ? t('articleWorkflow.note.requiredLabel') : t('articleWorkflow.note.label')}
          placeholder={required ? t('articleWorkflow.note.requiredPlaceholder') : t('articleWorkflow.note.placeholder')}
          description={t('articleWorkflow.note.count', { count: note.length })}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setError(null);
          }}
          maxLength={NOTE_MAX}
          required={required}
          error={error}
          autosize
          minRows={3}
          maxRows={10}
          data-autofocus
        />
        {failure}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} color={action === 'withdraw' ? 'orange' : undefined}>
            {t(`articleWorkflow.actions.${action}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

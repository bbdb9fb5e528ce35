import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ScheduleField } from '../../../components/schedule/ScheduleField';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleAction, ArticleDetail } from '@crieur/api';
import { call } from '../../../api/client';
import { errorMessage } from '../../../i18n/error-message';
import { formatDateTime } from '../format';
import { NOTE_ACTIONS, TransitionNoteModal } from './TransitionNoteModal';

// the order buttons appear in, the main step last
const ORDER: readonly ArticleAction[] = [
  'unpublish',
  'unschedule',
  'withdraw',
  'request_changes',
  'submit',
  'submit_update',
  'approve',
  'schedule',
  'publish',
  'update',
];
const CONFIRM = new Set<ArticleAction>(['publish', 'unpublish', 'unschedule', 'update']);
const PRIMARY = new Set<ArticleAction>(['submit', 'submit_update', 'approve', 'publish', 'update']);
const DANGER = new Set<ArticleAction>(['unpublish']);

type Props = {
  article: ArticleDetail;
  /** Saves pending edits first; false: do not go on (conflict, error). */
  beforeTransition: () => Promise<boolean>;
  onDone: (article: ArticleDetail) => void;
};

/**
 * The workflow buttons the server allows (allowedTransitions): a note with a submission, a withdrawal or a request
 * for changes (required there), a confirmation where it matters, a date to schedule.
 */
export function WorkflowActions({ article, beforeTransition, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<ArticleAction | null>(null);
  const [noting, setNoting] = useState<ArticleAction | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [when, setWhen] = useState<string | null>(null);
  const [whenError, setWhenError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ArticleAction | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const actions = ORDER.filter((action) => article.allowedTransitions.includes(action));
  if (actions.length === 0) return null;

  const run = async (action: ArticleAction, extra: { scheduledAt?: string; note?: string } = {}) => {
    setBusy(action);
    setFailure(null);
    try {
      if (!(await beforeTransition())) return;
      const answer = await call('POST /api/articles/:id/transition', {
        params: { id: article.id },
        body: {
          action,
          ...(extra.scheduledAt ? { scheduledAt: extra.scheduledAt } : {}),
          ...(extra.note ? { note: extra.note } : {}),
        },
      });
      onDone(answer.article);
      setConfirming(null);
      setNoting(null);
      setScheduling(false);
      notifications.show({
        color: 'teal',
        message: t(`articleWorkflow.done.${action}`, {
          date: formatDateTime(answer.article.scheduledAt, i18n.language),
        }),
      });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(null);
    }
  };

  const click = (action: ArticleAction) => {
    setFailure(null);
    if (action === 'schedule') {
      setWhen(null);
      setWhenError(null);
      setScheduling(true);
    } else if (NOTE_ACTIONS.has(action)) setNoting(action);
    else if (CONFIRM.has(action)) setConfirming(action);
    else void run(action);
  };

  const schedule = () => {
    const date = when ? new Date(when.replace(' ', 'T')) : null;
    if (!date || Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) {
      setWhenError(t('editorial.editor.workflow.scheduleRequired'));
      return;
    }
    void run('schedule', { scheduledAt: date.toISOString() });
  };

  const failureAlert = failure !== null && (
    <Alert color="red" role="alert" title={t('articleWorkflow.failed')}>
      {errorMessage(t, failure)}
    </Alert>
  );
  const dialogOpen = confirming !== null || noting !== null || scheduling;

  return (
    <>
      <Group gap="xs" role="group" aria-label={t('articleWorkflow.label')} wrap="wrap">
        {actions.map((action) => (
          <Button
            key={action}
            size="sm"
            variant={PRIMARY.has(action) ? 'filled' : 'default'}
            color={DANGER.has(action) ? 'red' : undefined}
            loading={busy === action && !dialogOpen}
            onClick={() => click(action)}
          >
            {t(`articleWorkflow.actions.${action}`)}
          </Button>
        ))}
      </Group>
      {!dialogOpen && failureAlert}

      <TransitionNoteModal
        action={noting}
        live={article.status === 'published'}
        busy={noting !== null && busy === noting}
        failure={failureAlert}
        onClose={() => setNoting(null)}
        onConfirm={(note) => noting && void run(noting, { note })}
      />

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? t(`articleWorkflow.actions.${confirming}`) : ''}
        closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      >
        {confirming && (
          <Stack gap="md">
            <Text>
              {t(`articleWorkflow.confirm.${confirming as 'publish' | 'unpublish' | 'unschedule' | 'update'}`)}
            </Text>
            {failureAlert}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color={DANGER.has(confirming) ? 'red' : undefined}
                loading={busy === confirming}
                onClick={() => void run(confirming)}
                data-autofocus
              >
                {t(`articleWorkflow.actions.${confirming}`)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={scheduling}
        onClose={() => setScheduling(false)}
        title={t('editorial.editor.workflow.scheduleTitle')}
        closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      >
        <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
          <Stack gap="md">
            <ScheduleField
              onChange={(iso) => {
                setWhen(iso);
                setWhenError(null);
              }}
              error={whenError}
              autoFocus
            />
            {failureAlert}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setScheduling(false)}>
                {t('common.cancel')}
              </Button>
              <Button loading={busy === 'schedule'} onClick={schedule}>
                {t('editorial.editor.workflow.scheduleSubmit')}
              </Button>
            </Group>
          </Stack>
        </DatesProvider>
      </Modal>
    </>
  );
}

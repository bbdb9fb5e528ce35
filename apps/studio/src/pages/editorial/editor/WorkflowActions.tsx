import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleAction, ArticleDetail } from '@crieur/api';
import { call } from '../../../api/client';
import { errorMessage } from '../../../i18n/error-message';
import { formatDateTime } from '../format';

// the order buttons appear in, the main step last
const ORDER: readonly ArticleAction[] = [
  'unpublish',
  'unschedule',
  'request_changes',
  'submit',
  'approve',
  'schedule',
  'publish',
];
const CONFIRM = new Set<ArticleAction>(['request_changes', 'publish', 'unpublish', 'unschedule']);
const PRIMARY = new Set<ArticleAction>(['submit', 'approve', 'publish']);
const DANGER = new Set<ArticleAction>(['unpublish']);

type Props = {
  article: ArticleDetail;
  /** Saves pending edits first; false: do not go on (conflict, error). */
  beforeTransition: () => Promise<boolean>;
  onDone: (article: ArticleDetail) => void;
};

/** The workflow buttons the server allows (allowedTransitions), with a confirmation where it matters. */
export function WorkflowActions({ article, beforeTransition, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<ArticleAction | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [when, setWhen] = useState<string | null>(null);
  const [whenError, setWhenError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ArticleAction | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const actions = ORDER.filter((action) => article.allowedTransitions.includes(action));
  if (actions.length === 0) return null;

  const run = async (action: ArticleAction, scheduledAt?: string) => {
    setBusy(action);
    setFailure(null);
    try {
      if (!(await beforeTransition())) return;
      const answer = await call('POST /api/articles/:id/transition', {
        params: { id: article.id },
        body: scheduledAt ? { action, scheduledAt } : { action },
      });
      onDone(answer.article);
      setConfirming(null);
      setScheduling(false);
      notifications.show({
        color: 'teal',
        message: t(`editorial.editor.workflow.done.${action}`, {
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
    } else if (CONFIRM.has(action)) setConfirming(action);
    else void run(action);
  };

  const schedule = () => {
    const date = when ? new Date(when.replace(' ', 'T')) : null;
    if (!date || Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) {
      setWhenError(t('editorial.editor.workflow.scheduleRequired'));
      return;
    }
    void run('schedule', date.toISOString());
  };

  const failureAlert = failure !== null && (
    <Alert color="red" role="alert" title={t('editorial.editor.workflow.failed')}>
      {errorMessage(t, failure)}
    </Alert>
  );

  return (
    <>
      <Group gap="xs" role="group" aria-label={t('editorial.editor.workflow.label')} wrap="wrap">
        {actions.map((action) => (
          <Button
            key={action}
            size="sm"
            variant={PRIMARY.has(action) ? 'filled' : 'default'}
            color={DANGER.has(action) ? 'red' : undefined}
            loading={busy === action && !confirming && !scheduling}
            onClick={() => click(action)}
          >
            {t(`editorial.editor.workflow.${action}`)}
          </Button>
        ))}
      </Group>
      {!confirming && !scheduling && failureAlert}

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? t(`editorial.editor.workflow.${confirming}`) : ''}
        closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      >
        {confirming && confirming !== 'schedule' && confirming !== 'submit' && confirming !== 'approve' && (
          <Stack gap="md">
            <Text>{t(`editorial.editor.workflow.confirm.${confirming}`)}</Text>
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
                {t(`editorial.editor.workflow.${confirming}`)}
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
            <DateTimePicker
              label={t('editorial.editor.workflow.scheduleAt')}
              description={t('editorial.editor.workflow.scheduleHint')}
              value={when}
              onChange={(value) => {
                setWhen(value);
                setWhenError(null);
              }}
              minDate={new Date()}
              valueFormat="DD MMMM YYYY HH:mm"
              error={whenError}
              popoverProps={{ withinPortal: true, zIndex: 1000 }}
              clearable
              data-autofocus
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

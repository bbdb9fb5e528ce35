import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionDetail } from '@crieur/api';
import { useSingleFlight } from '../../api/queries';
import { ScheduleField } from '../../components/schedule/ScheduleField';
import { moderationError, useAcceptContribution, useRefuseContribution, useRequestChanges } from './queries';

export type MessageAction = 'request_changes' | 'refuse';
const MESSAGE_MAX = 2000;

/** « Accepter »: public now, or from a day and time in Paris; the proposer is told by email. */
export function AcceptModal({ c, opened, onClose }: { c: ContributionDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('contributions.accept.title')}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {opened && <AcceptForm c={c} onClose={onClose} />}
    </Modal>
  );
}

function AcceptForm({ c, onClose }: { c: ContributionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [iso, setIso] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const accept = useAcceptContribution();
  const run = useSingleFlight(accept.mutate);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (when === 'later' && !iso) return setRefused(t('schedule.incomplete'));
    run({
      params: { id: c.id },
      body: when === 'later' && iso ? { publishAt: new Date(iso).toISOString() } : {},
    });
  };
  useEffect(() => {
    if (!accept.isSuccess) return;
    onClose();
    notifications.show({ color: 'teal', message: t('contributions.accept.done') });
  }, [accept.isSuccess]);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group
          label={t('contributions.accept.when')}
          value={when}
          onChange={(value) => setWhen(value === 'later' ? 'later' : 'now')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="now" label={t('contributions.accept.now')} data-autofocus />
            <Radio value="later" label={t('contributions.accept.later')} />
          </Stack>
        </Radio.Group>
        {when === 'later' && (
          <ScheduleField
            onChange={(next) => {
              setIso(next);
              setRefused(null);
            }}
            error={refused}
          />
        )}
        <Text size="sm" c="dimmed">
          {t('contributions.accept.mail')}
        </Text>
        {accept.error !== null && (
          <Alert color="red" role="alert">
            {moderationError(t, accept.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="green" loading={accept.isPending}>
            {when === 'later' ? t('contributions.accept.submitLater') : t('contributions.accept.submitNow')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** « Demander des modifications » and « Refuser »: a required message, emailed to the proposer as written. */
export function MessageModal({
  c,
  action,
  onClose,
}: {
  c: ContributionDetail;
  action: MessageAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const key = action === 'refuse' && c.status === 'accepted' ? 'takeDown' : action === 'refuse' ? 'refuse' : 'changes';
  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      title={action ? t(`contributions.message.${key}.title`) : ''}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {action && <MessageForm key={action} c={c} action={action} textKey={key} onClose={onClose} />}
    </Modal>
  );
}

function MessageForm({
  c,
  action,
  textKey,
  onClose,
}: {
  c: ContributionDetail;
  action: MessageAction;
  textKey: 'takeDown' | 'refuse' | 'changes';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const changes = useRequestChanges();
  const refuse = useRefuseContribution();
  const mutation = action === 'refuse' ? refuse : changes;
  const run = useSingleFlight(mutation.mutate as typeof refuse.mutate);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) return setError(t('contributions.message.required'));
    run({ params: { id: c.id }, body: { message: message.trim() } });
  };
  useEffect(() => {
    if (!mutation.isSuccess) return;
    onClose();
    notifications.show({ color: 'teal', message: t(`contributions.message.${textKey}.done`) });
  }, [mutation.isSuccess]);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t(`contributions.message.${textKey}.intro`)}</Text>
        <Textarea
          label={t('contributions.message.label')}
          description={t('contributions.message.hint', { count: message.length, max: MESSAGE_MAX })}
          value={message}
          onChange={(event) => {
            setMessage(event.currentTarget.value);
            setError(null);
          }}
          maxLength={MESSAGE_MAX}
          required
          error={error}
          autosize
          minRows={4}
          maxRows={12}
          data-autofocus
        />
        {mutation.error !== null && (
          <Alert color="red" role="alert">
            {moderationError(t, mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={action === 'refuse' ? 'red' : 'orange'} loading={mutation.isPending}>
            {t(`contributions.message.${textKey}.submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

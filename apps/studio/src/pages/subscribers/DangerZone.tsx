import { Button, Card, Divider, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SubscriberDetail } from '@crieur/api';
import { queryKeyOf, useApiMutation } from '../../api/queries';
import { errorMessage } from '../../i18n/error-message';
import { useCurrentUser } from '../../session/session-context';
import { formatDateTime } from './format';

// full width on phones, and long labels wrap instead of being cut
const WRAP = {
  w: { base: '100%', sm: 'auto' },
  h: 'auto',
  mih: 36,
  py: 6,
  styles: { label: { whiteSpace: 'normal' as const, textAlign: 'center' as const } },
};

type Props = { detail: SubscriberDetail; onChanged: (detail: SubscriberDetail) => void };
type Pending = 'unsubscribeAll' | 'suppress' | 'erase' | null;

// each of these changes the lists' counts and the subscribers' table
const FOLLOWERS = ['GET /api/lists', 'GET /api/subscribers'] as const;

/** Unsubscribe from everything, suppression list, and (admins) erasure: each asks first. */
export function DangerZone({ detail, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { subscriber } = detail;
  const [asking, setAsking] = useState<Pending>(null);
  // the confirm modal keeps its text while it fades out after `asking` went back to null
  const [kind, setKind] = useState<'unsubscribeAll' | 'suppress'>('unsubscribeAll');
  const ask = (action: Exclude<Pending, null>) => {
    if (action !== 'erase') setKind(action);
    setAsking(action);
  };
  const unsubscribeAll = useApiMutation('POST /api/subscribers/:id/unsubscribe', { invalidates: FOLLOWERS });
  const suppress = useApiMutation('POST /api/subscribers/:id/suppress', { invalidates: FOLLOWERS });
  const erase = useApiMutation('POST /api/subscribers/:id/erase', { invalidates: FOLLOWERS });
  const busy = unsubscribeAll.isPending || suppress.isPending || erase.isPending;
  const hasActive = detail.subscriptions.some((item) => item.status !== 'unsubscribed');

  const run = async (action: Exclude<Pending, null>) => {
    const params = { id: subscriber.id };
    try {
      if (action === 'erase') {
        await erase.mutateAsync({ params });
        notifications.show({ color: 'teal', message: t('subscriber.danger.erased') });
        setAsking(null);
        await navigate('/subscribers', { replace: true });
        // nothing of the person stays in the studio's memory either
        client.removeQueries({ queryKey: queryKeyOf('GET /api/subscribers/:id', { params }) });
        return;
      }
      // without `lists`, the person leaves every list
      onChanged(
        action === 'suppress'
          ? await suppress.mutateAsync({ params })
          : await unsubscribeAll.mutateAsync({ params, body: {} }),
      );
      notifications.show({
        color: 'teal',
        message: t(action === 'suppress' ? 'subscriber.danger.suppressedDone' : 'subscriber.danger.unsubscribedAll'),
      });
      setAsking(null);
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    }
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="subscriber-danger"
      style={{ borderColor: 'var(--mantine-color-red-4)' }}
    >
      <Title order={2} size="h4" id="subscriber-danger" c="red.8" mb="sm">
        {t('subscriber.danger.title')}
      </Title>
      <Stack gap="md">
        <DangerRow description={t('subscriber.danger.unsubscribeAllHelp')}>
          <Button {...WRAP} color="red" variant="outline" disabled={!hasActive} onClick={() => ask('unsubscribeAll')}>
            {t('subscriber.danger.unsubscribeAll')}
          </Button>
        </DangerRow>
        <Divider />
        <DangerRow
          description={
            subscriber.suppression
              ? t('subscriber.danger.alreadySuppressed', {
                  date: formatDateTime(subscriber.suppression.at, i18n.language) ?? '',
                })
              : t('subscriber.danger.suppressHelp')
          }
        >
          <Button
            {...WRAP}
            color="red"
            variant="outline"
            disabled={subscriber.suppression !== null}
            onClick={() => ask('suppress')}
          >
            {t('subscriber.danger.suppress')}
          </Button>
        </DangerRow>
        {user.role === 'admin' && (
          <>
            <Divider />
            <DangerRow description={t('subscriber.danger.eraseHelp')}>
              <Button {...WRAP} color="red" onClick={() => ask('erase')}>
                {t('subscriber.danger.erase')}
              </Button>
            </DangerRow>
          </>
        )}
      </Stack>

      <ConfirmModal
        opened={asking === 'unsubscribeAll' || asking === 'suppress'}
        title={kind === 'suppress' ? t('subscriber.danger.suppressTitle') : t('subscriber.danger.unsubscribeAllTitle')}
        body={
          kind === 'suppress'
            ? t('subscriber.danger.suppressBody', { email: subscriber.email })
            : t('subscriber.danger.unsubscribeAllBody', { email: subscriber.email })
        }
        confirmLabel={kind === 'suppress' ? t('subscriber.danger.suppress') : t('subscriber.danger.unsubscribeAll')}
        busy={busy}
        onClose={() => setAsking(null)}
        onConfirm={() => void run(kind)}
      />
      <EraseModal
        opened={asking === 'erase'}
        email={subscriber.email}
        busy={busy}
        onClose={() => setAsking(null)}
        onConfirm={() => void run('erase')}
      />
    </Card>
  );
}

function DangerRow({ description, children }: { description: string; children: ReactNode }) {
  return (
    <Group justify="space-between" align="center" wrap="wrap" gap="sm">
      <Text size="sm" style={{ flex: '1 1 320px' }}>
        {description}
      </Text>
      {children}
    </Group>
  );
}

type ConfirmProps = {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  busy: boolean;
  onClose: () => void;
  onConfirm: () => void;
};

function ConfirmModal({ opened, title, body, confirmLabel, busy, onClose, onConfirm }: ConfirmProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <Text size="sm">{body}</Text>
      <Group justify="flex-end" mt="lg">
        {/* focus starts on Annuler: Enter alone must not change anything */}
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}

type EraseProps = { opened: boolean; email: string; busy: boolean; onClose: () => void; onConfirm: () => void };

/** Erasure cannot be undone: the address must be typed again. */
function EraseModal({ opened, email, busy, onClose, onConfirm }: EraseProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (matches) onConfirm();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => setTyped('')}
      title={t('subscriber.danger.eraseTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <Text size="sm">{t('subscriber.danger.eraseBody')}</Text>
          <TextInput
            label={t('subscriber.danger.eraseConfirmLabel', { email })}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
          />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy} disabled={!matches}>
              {t('subscriber.danger.eraseSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

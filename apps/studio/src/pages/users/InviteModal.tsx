import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconMailForward, IconUserSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { call } from '../../api/client';
import type { ExistingAccount, InvitationSent, Role } from '@crieur/api';
import { errorMessage, fieldErrors } from '../../i18n/error-message';
import { displayName } from '../../session/display-name';
import { RoleSelect } from './RoleSelect';

type Props = {
  opened: boolean;
  onClose: () => void;
  onInvited: () => void;
  /** the address belongs to someone already: close and show them in the team list */
  onShowUser: (userId: string) => void;
};

/** The account a 409 DUPLICATE_EMAIL names, when the server sent it. */
export function existingAccount(error: unknown): ExistingAccount | null {
  if (!(error instanceof ApiError) || error.code !== 'DUPLICATE_EMAIL') return null;
  const existing = error.details.existing as ExistingAccount | undefined;
  return existing && typeof existing.id === 'string' ? existing : null;
}

export function InviteModal({ opened, onClose, onInvited, onShowUser }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<InvitationSent | null>(null);

  const reset = () => {
    setEmail('');
    setName('');
    setRole('editor');
    setError(null);
    setSent(null);
  };

  const run = async (request: () => Promise<InvitationSent>) => {
    setSubmitting(true);
    setError(null);
    try {
      setSent(await request());
      onInvited();
    } catch (caught) {
      setError(caught);
    } finally {
      setSubmitting(false);
    }
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(() => call('POST /api/users/invitations', { body: { email: email.trim(), name: name.trim(), role } }));
  };

  const fields = fieldErrors(error);
  // an address already in the team: say whose, and offer what fits instead of a bare "already used"
  const existing = existingAccount(error);
  const other = error !== null && !existing;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={reset}
      title={t('inviteModal.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {sent ? (
        <Stack gap="md">
          <Alert
            color="teal"
            title={t('team.sentTitle', { email: sent.user.email })}
            icon={<IconCheck aria-hidden />}
            role="status"
          >
            <Stack gap={4}>
              <Text size="sm">{t('team.sentBody')}</Text>
              {sent.outbox && <Text size="sm">{t('team.sentOutbox')}</Text>}
              {!sent.emailQueued && <Text size="sm">{t('team.sentDelayed')}</Text>}
            </Stack>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit}>
          <Stack gap="sm">
            {other && (
              <Alert color="red" title={t('inviteModal.failed')} role="alert">
                {errorMessage(t, error)}
              </Alert>
            )}
            {existing && (
              <Alert color="orange" title={t('team.takenTitle')} role="alert">
                <Text size="sm" mb="sm">
                  {(error as ApiError).message}
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconUserSearch size={16} aria-hidden />}
                    onClick={() => onShowUser(existing.id)}
                  >
                    {t('team.showPerson', { name: displayName(existing) })}
                  </Button>
                  {existing.status === 'invited' && (
                    <Button
                      size="xs"
                      leftSection={<IconMailForward size={16} aria-hidden />}
                      loading={submitting}
                      onClick={() =>
                        void run(() => call('POST /api/users/:id/invitation', { params: { id: existing.id } }))
                      }
                    >
                      {t('team.resendInstead', { name: displayName(existing) })}
                    </Button>
                  )}
                </Group>
              </Alert>
            )}
            <TextInput
              label={t('inviteModal.email')}
              type="email"
              required
              data-autofocus
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fields.email}
            />
            <TextInput
              label={t('inviteModal.name')}
              description={t('team.nameOptional')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fields.name}
            />
            <RoleSelect
              label={t('inviteModal.role')}
              required
              value={role}
              onChange={setRole}
              describeChoice
              error={fields.role}
            />
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={submitting}>
                {t('inviteModal.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { call } from '../../api/client';
import type { Role } from '@crieur/api';
import { ROLES } from '@crieur/api/enums/users';
import { errorMessage, fieldErrors } from '../../i18n/error-message';

export type InviteDraft = { email: string; name: string; role: Role };
type Props = { opened: boolean; onClose: () => void; onInvited: () => void; initial?: InviteDraft | null };
type Done = { email: string; inviteUrl: string };

export function InviteModal({ opened, onClose, onInvited, initial }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Done | null>(null);

  // resending to someone invited before: the form opens filled in
  useEffect(() => {
    if (opened && initial) {
      setEmail(initial.email);
      setName(initial.name);
      setRole(initial.role);
    }
  }, [opened, initial]);

  const reset = () => {
    setEmail('');
    setName('');
    setRole('editor');
    setError(null);
    setDone(null);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const answer = await call('POST /api/users/invitations', {
        body: { email: email.trim(), name: name.trim(), role },
      });
      setDone({ email: answer.user.email, inviteUrl: answer.inviteUrl });
      onInvited();
    } catch (caught) {
      setError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  const fields = fieldErrors(error);
  // a duplicate address is the email field's problem: show it there, not in the banner
  const isDuplicate = error instanceof ApiError && error.code === 'DUPLICATE_EMAIL';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={reset}
      title={initial ? t('inviteModal.resendTitle') : t('inviteModal.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {done ? (
        <Stack gap="md">
          <Alert
            color="teal"
            title={t('inviteModal.doneTitle', { email: done.email })}
            icon={<IconCheck aria-hidden />}
          >
            {t('inviteModal.doneBody')}
          </Alert>
          <div>
            <Text size="sm" fw={500} mb={4} id="invite-link-label">
              {t('inviteModal.linkLabel')}
            </Text>
            <Code
              block
              data-testid="invite-link"
              aria-labelledby="invite-link-label"
              style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
            >
              {done.inviteUrl}
            </Code>
          </div>
          <Group justify="space-between">
            <CopyButton value={done.inviteUrl}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? t('inviteModal.copied') : t('inviteModal.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)}>
          <Stack gap="sm">
            {error !== null && !isDuplicate && (
              <Alert color="red" title={t('inviteModal.failed')} role="alert">
                {errorMessage(t, error)}
              </Alert>
            )}
            <TextInput
              label={t('inviteModal.email')}
              type="email"
              required
              data-autofocus
              readOnly={Boolean(initial)}
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={isDuplicate ? t('errors.DUPLICATE_EMAIL') : fields.email}
            />
            <TextInput
              label={t('inviteModal.name')}
              required
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fields.name}
            />
            <Select
              label={t('inviteModal.role')}
              required
              data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
              value={role}
              allowDeselect={false}
              onChange={(value) => value && setRole(value as Role)}
              error={fields.role}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={submitting}>
                {initial ? t('inviteModal.resendSubmit') : t('inviteModal.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

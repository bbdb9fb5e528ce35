import { Alert, Button, Center, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { call } from '../api/client';
import { useApiQuery } from '../api/queries';
import type { Invitation } from '@crieur/api';
import { PasswordStrengthHint } from '../components/PasswordStrengthHint';
import { loadPasswordStrength, usePasswordStrength } from '../hooks/use-password-strength';
import { useOrganisationName } from '../hooks/use-organisation-name';
import { usePageTitle } from '../hooks/use-page-title';
import { frenchOf } from '@crieur/content';
import { errorMessage, fieldErrors } from '../i18n/error-message';
import { useSession } from '../session/session-context';
import { AuthLayout } from './AuthLayout';

export const MIN_PASSWORD_LENGTH = 12;

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useApiQuery('GET /api/invitations/:token', { params: { token } });
  usePageTitle(t('invitation.title'));

  if (invitation.isPending) {
    return (
      <AuthLayout title={t('invitation.title')}>
        <Center py="lg">
          <Loader aria-label={t('app.loading')} />
        </Center>
      </AuthLayout>
    );
  }
  if (invitation.isError) {
    const invalid =
      invitation.error instanceof ApiError && ['INVITATION_INVALID', 'NOT_FOUND'].includes(invitation.error.code);
    return (
      <AuthLayout title={t('invitation.invalidTitle')}>
        <Alert color="red" role="alert">
          {invalid ? t('errors.INVITATION_INVALID') : errorMessage(t, invitation.error)}
        </Alert>
        {invalid && <Text size="sm">{t('invitation.invalidHelp')}</Text>}
        <Button component={Link} to="/login" variant="light">
          {t('invitation.toLogin')}
        </Button>
      </AuthLayout>
    );
  }
  return <AcceptForm token={token} invitation={invitation.data} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [weak, setWeak] = useState<string | null>(null);
  const personal = [name, invitation.name, invitation.email];
  const strength = usePasswordStrength(password, personal);
  const organisation = useOrganisationName();
  const intro = organisation
    ? t('invitation.intro', { organisation, deOrganisation: frenchOf(organisation) })
    : t('invitation.introNoName');

  const local = {
    name: name.trim() === '' ? t('validation.required') : undefined,
    password:
      password.length < MIN_PASSWORD_LENGTH ? t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH }) : undefined,
    confirm: confirm !== password ? t('validation.passwordMismatch') : undefined,
  };
  const weakError = weak === password ? t('invitation.passwordWeak') : undefined;
  const server = fieldErrors(error);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (local.name || local.password || local.confirm) return;
    setSubmitting(true);
    setError(null);
    // the same rule as the server's, checked here to answer at once (if it loads: the server decides anyway)
    const estimate = await loadPasswordStrength().then(
      (m) => m.passwordStrength(password, personal),
      () => undefined,
    );
    if (estimate && !estimate.acceptable) {
      setWeak(password);
      setSubmitting(false);
      return;
    }
    try {
      await call('POST /api/invitations/:token/accept', {
        params: { token },
        body: { name: name.trim(), password },
      });
      await refresh(); // the server set the session cookie
      await navigate('/', { replace: true });
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  };

  return (
    <AuthLayout title={t('invitation.title')} intro={intro}>
      {error !== null && (
        <Alert color="red" title={t('invitation.failed')} role="alert">
          {errorMessage(t, error)}
        </Alert>
      )}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('invitation.email')}
            value={invitation.email}
            readOnly
            variant="filled"
            autoComplete="username"
          />
          <TextInput
            label={t('invitation.name')}
            required
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={(checked && local.name) || server.name}
          />
          <PasswordInput
            label={t('invitation.password')}
            description={t('invitation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            onFocus={() => void loadPasswordStrength().catch(() => undefined)}
            error={(checked && local.password) || weakError || server.password}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <PasswordStrengthHint state={strength} minLength={MIN_PASSWORD_LENGTH} />
          <PasswordInput
            label={t('invitation.passwordConfirm')}
            required
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={checked && local.confirm}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <Button type="submit" mt="sm" fullWidth loading={submitting}>
            {t('invitation.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

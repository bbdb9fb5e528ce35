import { Alert, Anchor, Button, Center, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PasswordResetLink } from '@crieur/api';
import { ApiError } from '../api/api-error';
import { call } from '../api/client';
import { useApiQuery } from '../api/queries';
import { PasswordStrengthHint } from '../components/PasswordStrengthHint';
import { loadPasswordStrength, usePasswordStrength } from '../hooks/use-password-strength';
import { usePageTitle } from '../hooks/use-page-title';
import { errorMessage, fieldErrors } from '../i18n/error-message';
import { useSession } from '../session/session-context';
import { AuthLayout } from './AuthLayout';

// the server's rule (@crieur/auth); not imported from there, which would bring zxcvbn into the first load
const MIN_PASSWORD_LENGTH = 12;

/** What the login page shows after a reset. */
export type PasswordChangedState = { passwordChanged: true; email?: string };

const isInvalidLink = (error: unknown) =>
  error instanceof ApiError && ['RESET_INVALID', 'NOT_FOUND'].includes(error.code);

/** The link from the reset email: a new password, once, then the login page. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const link = useApiQuery('GET /api/password-reset/:token', { params: { token } });
  usePageTitle(t('passwordReset.resetTitle'));

  if (link.isPending) {
    return (
      <AuthLayout title={t('passwordReset.resetTitle')}>
        <Center py="lg">
          <Loader aria-label={t('app.loading')} />
        </Center>
      </AuthLayout>
    );
  }
  if (link.isError) {
    if (isInvalidLink(link.error)) return <InvalidLink />;
    return (
      <AuthLayout title={t('passwordReset.resetTitle')}>
        <Alert color="red" role="alert">
          {errorMessage(t, link.error)}
        </Alert>
        <Button variant="light" onClick={() => void link.refetch()}>
          {t('common.retry')}
        </Button>
      </AuthLayout>
    );
  }
  return <ResetForm token={token} link={link.data} />;
}

function InvalidLink() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('passwordReset.invalidTitle')}>
      <Alert color="red" role="alert">
        {t('errors.RESET_INVALID')}
      </Alert>
      <Text size="sm">{t('passwordReset.invalidHelp')}</Text>
      <Button component={Link} to="/forgot-password">
        {t('passwordReset.askAgain')}
      </Button>
      <Anchor component={Link} to="/login" size="sm" ta="center">
        {t('passwordReset.backToLogin')}
      </Anchor>
    </AuthLayout>
  );
}

function ResetForm({ token, link }: { token: string; link: PasswordResetLink }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [weak, setWeak] = useState<string | null>(null);
  const personal = [link.name, link.email];
  const strength = usePasswordStrength(password, personal);

  if (isInvalidLink(error)) return <InvalidLink />; // used or expired while the form was open

  const local = {
    password:
      password.length < MIN_PASSWORD_LENGTH ? t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH }) : undefined,
    confirm: confirm !== password ? t('validation.passwordMismatch') : undefined,
  };
  const weakError = weak === password ? t('invitation.passwordWeak') : undefined;
  const server = fieldErrors(error);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (local.password || local.confirm) return;
    setSubmitting(true);
    setError(null);
    // the server's rule, checked here to answer at once (if it loads: the server decides anyway)
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
      await call('POST /api/password-reset/:token', { params: { token }, body: { password } });
      await refresh(); // every session of the account ended, this browser's too if it had one
      const state: PasswordChangedState = { passwordChanged: true, email: link.email };
      await navigate('/login', { replace: true, state });
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  };

  return (
    <AuthLayout title={t('passwordReset.resetTitle')} intro={t('passwordReset.resetIntro')}>
      {error !== null && !server.password && (
        <Alert color="red" title={t('passwordReset.resetFailed')} role="alert">
          {errorMessage(t, error)}
        </Alert>
      )}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="sm">
          {/* the account's address, so password managers store the new password under it */}
          <TextInput
            label={t('passwordReset.email')}
            value={link.email}
            readOnly
            variant="filled"
            autoComplete="username"
          />
          <PasswordInput
            label={t('passwordReset.password')}
            description={t('invitation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            required
            autoFocus
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            onFocus={() => void loadPasswordStrength().catch(() => undefined)}
            error={(checked && local.password) || weakError || server.password}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <PasswordStrengthHint state={strength} minLength={MIN_PASSWORD_LENGTH} />
          <PasswordInput
            label={t('passwordReset.passwordConfirm')}
            required
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={checked && local.confirm}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <Button type="submit" mt="sm" fullWidth loading={submitting}>
            {t('passwordReset.resetSubmit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

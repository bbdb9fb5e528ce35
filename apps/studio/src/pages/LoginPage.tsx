import { Alert, Anchor, Button, Group, PasswordInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { call } from '../api/client';
import { useOrganisationName } from '../hooks/use-organisation-name';
import { usePageTitle } from '../hooks/use-page-title';
import { frenchOf } from '@crieur/content';
import { errorMessage, fieldErrors } from '../i18n/error-message';
import type { LoginRedirectState } from '../session/RequireAuth';
import { useSession } from '../session/session-context';
import { AuthLayout } from './AuthLayout';
import type { ForgotPasswordState } from './ForgotPasswordPage';
import type { PasswordChangedState } from './ResetPasswordPage';

/** Where to go after login: the page the user wanted, never outside the studio. */
function targetFrom(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user, refresh } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // after a reset, the address of the account comes along and the password field takes the focus
  const resetEmail = (location.state as PasswordChangedState | null)?.email;
  const [email, setEmail] = useState(resetEmail ?? '');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(t('login.title'));
  const organisation = useOrganisationName();
  const intro = organisation
    ? t('login.intro', { organisation, deOrganisation: frenchOf(organisation) })
    : t('login.introNoName');

  const target = targetFrom(location.state);
  const passwordChanged = (location.state as PasswordChangedState | null)?.passwordChanged === true;
  if (user && !submitting) return <Navigate to={target} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await call('POST /api/login', { body: { email: email.trim(), password } });
      await refresh(); // the session cookie and CSRF token changed
      await navigate(target, { replace: true });
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  };

  const fields = fieldErrors(error);
  return (
    <AuthLayout title={t('login.title')} intro={intro}>
      {passwordChanged && error === null && (
        <Alert color="teal" role="status">
          {t('passwordReset.changed')}
        </Alert>
      )}
      {error !== null && (
        <Alert color="red" title={t('login.failed')} role="alert">
          {errorMessage(t, error)}
        </Alert>
      )}
      <form onSubmit={(event) => void onSubmit(event)}>
        <TextInput
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          autoFocus={!resetEmail}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fields.email}
          mb="sm"
        />
        <PasswordInput
          label={t('login.password')}
          name="password"
          autoComplete="current-password"
          required
          autoFocus={Boolean(resetEmail)}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fields.password}
          visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          mb={4}
        />
        <Group justify="flex-end" mb="lg">
          <Anchor
            component={Link}
            to="/forgot-password"
            state={{ email: email.trim() } satisfies ForgotPasswordState}
            size="sm"
          >
            {t('passwordReset.forgotLink')}
          </Anchor>
        </Group>
        <Button type="submit" fullWidth loading={submitting}>
          {t('login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}

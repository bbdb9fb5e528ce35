import { Alert, Button, PasswordInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { call } from '../api/client';
import { usePageTitle } from '../hooks/use-page-title';
import { errorMessage, fieldErrors } from '../i18n/error-message';
import type { LoginRedirectState } from '../session/RequireAuth';
import { useSession } from '../session/session-context';
import { AuthLayout } from './AuthLayout';

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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(t('login.title'));

  const target = targetFrom(location.state);
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
    <AuthLayout title={t('login.title')} intro={t('login.intro')}>
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
          autoFocus
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
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fields.password}
          visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          mb="lg"
        />
        <Button type="submit" fullWidth loading={submitting}>
          {t('login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}

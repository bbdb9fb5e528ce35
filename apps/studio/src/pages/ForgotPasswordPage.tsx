import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { call } from '../api/client';
import { usePageTitle } from '../hooks/use-page-title';
import { errorMessage, fieldErrors } from '../i18n/error-message';
import { AuthLayout } from './AuthLayout';

/** What the login page hands over: the address already typed there. */
export type ForgotPasswordState = { email?: string };

/** « Mot de passe oublié ? »: the same confirmation whatever the address, as the server answers. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [email, setEmail] = useState((location.state as ForgotPasswordState | null)?.email ?? '');
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(t('passwordReset.requestTitle'));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await call('POST /api/password-reset', { body: { email: email.trim() } });
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  if (sent) {
    return (
      <AuthLayout title={t('passwordReset.sentTitle')}>
        <Alert color="teal" role="status">
          {t('passwordReset.sent')}
        </Alert>
        <Text size="sm">{t('passwordReset.sentHelp')}</Text>
        <Button component={Link} to="/login" variant="light">
          {t('passwordReset.backToLogin')}
        </Button>
      </AuthLayout>
    );
  }

  const fields = fieldErrors(error);
  return (
    <AuthLayout title={t('passwordReset.requestTitle')} intro={t('passwordReset.requestIntro')}>
      {error !== null && !fields.email && (
        <Alert color="red" title={t('passwordReset.failed')} role="alert">
          {errorMessage(t, error)}
        </Alert>
      )}
      <form onSubmit={(event) => void onSubmit(event)}>
        <Stack gap="md">
          <TextInput
            label={t('passwordReset.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fields.email}
          />
          <Button type="submit" fullWidth loading={submitting}>
            {t('passwordReset.submit')}
          </Button>
          <Anchor component={Link} to="/login" size="sm" ta="center">
            {t('passwordReset.backToLogin')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}

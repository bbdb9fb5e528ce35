import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchSession, setUnauthenticatedHandler } from '../api/client';
import { call } from '../api/client';
import type { SessionUser } from '@crieur/api';
import { errorMessage } from '../i18n/error-message';
import { SessionContext, type SessionState } from './session-context';

type Loaded =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; user: SessionUser | null };

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<Loaded>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const session = await fetchSession();
    setState({ status: 'ready', user: session.user });
    return session.user;
  }, []);

  const load = useCallback(() => {
    setState({ status: 'loading' });
    refresh().catch((error: unknown) => setState({ status: 'failed', error }));
  }, [refresh]);

  useEffect(() => {
    load();
    // a 401 anywhere means the cookie is gone: forget the user, RequireAuth sends to login
    setUnauthenticatedHandler(() => setState({ status: 'ready', user: null }));
    return () => setUnauthenticatedHandler(null);
  }, [load]);

  const logout = useCallback(async () => {
    await call('POST /api/logout');
    await refresh(); // new anonymous session, new CSRF token
  }, [refresh]);

  const user = state.status === 'ready' ? state.user : null;
  const value = useMemo<SessionState>(() => ({ user, refresh, logout }), [user, refresh, logout]);

  if (state.status === 'loading') {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (state.status === 'failed') {
    return (
      <Center h="100vh" p="md">
        <Stack maw={420}>
          <Alert color="red" title={t('loadFailed')} role="alert">
            {errorMessage(t, state.error)}
          </Alert>
          <Button onClick={load}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

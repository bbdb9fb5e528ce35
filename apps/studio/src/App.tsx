import { BrowserRouter, Route, Routes } from 'react-router';
import { HomePage } from './pages/HomePage';
import { InvitationPage } from './pages/InvitationPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SectionPage } from './pages/SectionPage';
import { SettingsPage } from './pages/SettingsPage';
import { ImportPage } from './pages/subscribers/ImportPage';
import { SubscriberPage } from './pages/subscribers/SubscriberPage';
import { SubscribersPage } from './pages/subscribers/SubscribersPage';
import { UsersPage } from './pages/users/UsersPage';
import { RequireAuth, RequireRole } from './session/RequireAuth';
import { useSession } from './session/session-context';
import { Shell } from './shell/Shell';
import type { SectionKey } from './shell/sections';

// sections that later issues build; until then each shows its title and "Bientôt"
const UPCOMING: readonly SectionKey[] = ['editorial', 'newsletters', 'campaigns', 'growth'];

/** Roles that may manage subscribers (the server answers 403 to the others). */
const SUBSCRIBER_ROLES = ['sender', 'admin'] as const;

export function App() {
  return (
    <BrowserRouter basename="/studio">
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/invitation/:token" element={<InvitationPage />} />
        <Route
          element={
            <RequireAuth>
              <Shell />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          {UPCOMING.map((key) => (
            <Route key={key} path={`/${key}`} element={<SectionPage section={key} />} />
          ))}
          <Route path="/subscribers">
            <Route
              index
              element={
                <RequireRole roles={SUBSCRIBER_ROLES}>
                  <SubscribersPage />
                </RequireRole>
              }
            />
            <Route
              path="import"
              element={
                <RequireRole roles={SUBSCRIBER_ROLES}>
                  <ImportPage />
                </RequireRole>
              }
            />
            <Route
              path=":id"
              element={
                <RequireRole roles={SUBSCRIBER_ROLES}>
                  <SubscriberPage />
                </RequireRole>
              }
            />
          </Route>
          <Route path="/settings" element={<SettingsPage />} />
          <Route
            path="/users"
            element={
              <RequireRole roles={['admin']}>
                <UsersPage />
              </RequireRole>
            }
          />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Routes>
    </BrowserRouter>
  );
}

/** Unknown addresses: inside the shell for logged-in users, alone otherwise. */
function NotFound() {
  const { user } = useSession();
  return user ? (
    <Shell>
      <NotFoundPage />
    </Shell>
  ) : (
    <NotFoundPage />
  );
}

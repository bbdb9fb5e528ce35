import { Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { HomePage } from './pages/HomePage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { InvitationPage } from './pages/InvitationPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { SectionPage } from './pages/SectionPage';
import { SettingsPage } from './pages/SettingsPage';
import { IdentityPage } from './pages/settings/IdentityPage';
import { ImportPage } from './pages/subscribers/ImportPage';
import { SubscriberPage } from './pages/subscribers/SubscriberPage';
import { SubscribersPage } from './pages/subscribers/SubscribersPage';
import { UsersPage } from './pages/users/UsersPage';
import { RequireAuth, RequireRole } from './session/RequireAuth';
import { useSession } from './session/session-context';
import { Shell } from './shell/Shell';
import type { SectionKey } from './shell/sections';
import i18n from './i18n';

// sections that later issues build; until then each shows its title and "Bientôt"
const UPCOMING: readonly SectionKey[] = [];

/** Roles that see the editorial section (senders read the articles; the server decides the rest). */
const EDITORIAL_ROLES = ['author', 'editor', 'admin', 'sender'] as const;

// the editorial pages load on demand: the editor (Tiptap, ProseMirror) and the date pickers
// would otherwise double the first load of every page of the studio
const ArticlesPage = lazy(() => import('./pages/editorial/ArticlesPage').then((m) => ({ default: m.ArticlesPage })));
const ArticleEditorPage = lazy(() =>
  import('./pages/editorial/editor/ArticleEditorPage').then((m) => ({ default: m.ArticleEditorPage })),
);
const DossiersPage = lazy(() => import('./pages/editorial/DossiersPage').then((m) => ({ default: m.DossiersPage })));
const DossierPage = lazy(() => import('./pages/editorial/DossierPage').then((m) => ({ default: m.DossierPage })));
const CalendarPage = lazy(() => import('./pages/editorial/CalendarPage').then((m) => ({ default: m.CalendarPage })));
// the composer brings Tiptap and dnd-kit too: on demand as well
const NewslettersPage = lazy(() =>
  import('./pages/newsletters/NewslettersPage').then((m) => ({ default: m.NewslettersPage })),
);
const ComposerPage = lazy(() => import('./pages/newsletters/ComposerPage').then((m) => ({ default: m.ComposerPage })));
// sending and following campaigns: the date pickers load with them
const CampaignsPage = lazy(() => import('./pages/campaigns/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('./pages/campaigns/CampaignPage').then((m) => ({ default: m.CampaignPage })));

// the growth pages bring ECharts and the date pickers: on demand
// the legal pages' editor brings Tiptap: fetched on first visit, like the other editors
const LegalPagesPage = lazy(() =>
  import('./pages/settings/LegalPagesPage').then((m) => ({ default: m.LegalPagesPage })),
);
const EmbedFormPage = lazy(() => import('./pages/settings/EmbedFormPage').then((m) => ({ default: m.EmbedFormPage })));
// the moderation pages bring the shared field schemas (zod) and the date pickers: on demand
const ContributionsPage = lazy(() =>
  import('./pages/contributions/ContributionsPage').then((m) => ({ default: m.ContributionsPage })),
);
const ContributionPage = lazy(() =>
  import('./pages/contributions/ContributionPage').then((m) => ({ default: m.ContributionPage })),
);
const GrowthPage = lazy(() => import('./pages/growth/GrowthPage').then((m) => ({ default: m.GrowthPage })));
const CampaignReportPage = lazy(() =>
  import('./pages/growth/CampaignReportPage').then((m) => ({ default: m.CampaignReportPage })),
);
const YearReportPage = lazy(() => import('./pages/growth/YearReportPage').then((m) => ({ default: m.YearReportPage })));

/** Roles that see contributions (the server lets senders read accepted ones only). */
const CONTRIBUTION_ROLES = ['editor', 'admin', 'sender'] as const;

/** Roles that may manage subscribers (the server answers 403 to the others). */
const SUBSCRIBER_ROLES = ['sender', 'admin'] as const;

export function App() {
  return (
    <BrowserRouter basename="/studio">
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/invitation/:token" element={<InvitationPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/password-reset/:token" element={<ResetPasswordPage />} />
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
          <Route path="/editorial">
            <Route index element={<Editorial page={<ArticlesPage />} />} />
            <Route path="articles/:id" element={<Editorial page={<ArticleEditorPage />} />} />
            <Route path="dossiers" element={<Editorial page={<DossiersPage />} />} />
            <Route path="dossiers/:id" element={<Editorial page={<DossierPage />} />} />
            <Route path="calendar" element={<Editorial page={<CalendarPage />} />} />
          </Route>
          <Route path="/newsletters">
            <Route index element={<Newsletters page={<NewslettersPage />} />} />
            <Route path=":id" element={<Newsletters page={<ComposerPage />} />} />
          </Route>
          <Route path="/campaigns">
            <Route index element={<Newsletters page={<CampaignsPage />} />} />
            <Route path=":id" element={<Newsletters page={<CampaignPage />} />} />
          </Route>
          <Route path="/contributions">
            <Route index element={<Contributions page={<ContributionsPage />} />} />
            <Route path=":id" element={<Contributions page={<ContributionPage />} />} />
          </Route>
          <Route path="/growth">
            <Route index element={<Lazy page={<GrowthPage />} />} />
            <Route path="campaigns" element={<Lazy page={<CampaignReportPage />} />} />
            <Route path="report" element={<Lazy page={<YearReportPage />} />} />
          </Route>
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
            path="/settings/identity"
            element={
              <RequireRole roles={['admin']}>
                <IdentityPage />
              </RequireRole>
            }
          />
          <Route
            path="/settings/legal"
            element={
              <RequireRole roles={['admin']}>
                <Lazy page={<LegalPagesPage />} />
              </RequireRole>
            }
          />
          <Route
            path="/settings/embed-form"
            element={
              <RequireRole roles={['admin']}>
                <Lazy page={<EmbedFormPage />} />
              </RequireRole>
            }
          />
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

/** An editorial page, fetched on first visit. */
function Editorial({ page }: { page: ReactNode }) {
  return (
    <RequireRole roles={EDITORIAL_ROLES}>
      <Suspense fallback={<Loader aria-label={i18n.t('app.loading')} />}>{page}</Suspense>
    </RequireRole>
  );
}

/** A newsletters page (senders and admins), fetched on first visit. */
function Newsletters({ page }: { page: ReactNode }) {
  return (
    <RequireRole roles={SUBSCRIBER_ROLES}>
      <Suspense fallback={<Loader aria-label={i18n.t('app.loading')} />}>{page}</Suspense>
    </RequireRole>
  );
}

/** A contributions page (editors and admins moderate, senders read), fetched on first visit. */
function Contributions({ page }: { page: ReactNode }) {
  return (
    <RequireRole roles={CONTRIBUTION_ROLES}>
      <Suspense fallback={<Loader aria-label={i18n.t('app.loading')} />}>{page}</Suspense>
    </RequireRole>
  );
}

/** A page every staff role may see (growth: the board reads it), fetched on first visit. */
function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<Loader aria-label={i18n.t('app.loading')} />}>{page}</Suspense>;
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

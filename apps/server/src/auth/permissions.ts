import type { RouteKey } from '@crieur/api';
import type { Role } from '@crieur/auth';

export type Access = 'public' | readonly Role[];

const STAFF: readonly Role[] = ['admin', 'editor', 'author', 'sender'];
const ADMIN: readonly Role[] = ['admin'];
const SENDERS: readonly Role[] = ['admin', 'sender'];
const EDITORS: readonly Role[] = ['admin', 'editor'];
const WRITERS: readonly Role[] = ['admin', 'editor', 'author'];
const MODERATORS_AND_SENDERS: readonly Role[] = ['admin', 'editor', 'sender'];

/**
 * The role × route table: every /api route must appear here, or the server refuses to start.
 * Checked on the server for each request; the studio only hides what this forbids.
 */
export const ROUTE_ACCESS = {
  'GET /api/session': 'public',
  'POST /api/login': 'public',
  'POST /api/logout': 'public',
  'GET /api/invitations/:token': 'public',
  'POST /api/invitations/:token/accept': 'public',
  'POST /api/password-reset': 'public',
  'GET /api/password-reset/:token': 'public',
  'POST /api/password-reset/:token': 'public',
  'GET /api/lists': STAFF,
  'GET /api/users': ADMIN,
  'POST /api/users/invitations': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  'POST /api/users/:id/invitation': ADMIN,
  'GET /api/session/preferences': STAFF,
  'PATCH /api/session/preferences': STAFF,
  'GET /api/organisation': STAFF,
  'PUT /api/organisation': ADMIN,
  'GET /api/embed-form': ADMIN,
  'PUT /api/embed-form': ADMIN,
  'GET /api/organisation/public': 'public',
  'GET /api/newsletters/branding': STAFF,
  'PUT /api/newsletters/:kind/branding': ADMIN,
  'GET /api/legal-pages': ADMIN,
  'PUT /api/legal-pages/:slug': ADMIN,
  'GET /api/onboarding': ADMIN,
  'GET /api/audit': ADMIN,
  'GET /api/docs': ADMIN,
  'GET /api/outbox': SENDERS,
  'GET /api/rubriques': STAFF,
  'GET /api/articles': STAFF,
  'POST /api/articles': WRITERS,
  'GET /api/articles/:id': STAFF,
  'PUT /api/articles/:id': WRITERS,
  'POST /api/articles/:id/transition': WRITERS,
  'GET /api/articles/:id/comments': WRITERS,
  'POST /api/articles/:id/comments': WRITERS,
  'POST /api/articles/:id/comments/:commentId/resolve': WRITERS,
  'POST /api/articles/:id/comments/:commentId/reopen': WRITERS,
  'GET /api/articles/review-queue': EDITORS,
  'GET /api/articles/mine': WRITERS,
  'GET /api/articles/:id/revisions': WRITERS,
  'GET /api/articles/:id/revisions/:revisionId': WRITERS,
  'POST /api/articles/:id/revisions/:revisionId/restore': WRITERS,
  'GET /api/articles/:id/preview': STAFF,
  'GET /api/calendar': STAFF,
  'GET /api/dossiers': STAFF,
  'POST /api/dossiers': EDITORS,
  'GET /api/dossiers/:id': STAFF,
  'PUT /api/dossiers/:id': EDITORS,
  'POST /api/dossiers/:id/transition': EDITORS,
  'PUT /api/dossiers/:id/order': EDITORS,
  'GET /api/dossiers/:id/candidates': EDITORS,
  'POST /api/dossiers/:id/articles': EDITORS,
  'DELETE /api/dossiers/:id/articles/:articleId': EDITORS,
  'GET /api/dossiers/:id/preview': STAFF,
  'GET /api/media': STAFF,
  'POST /api/media': WRITERS,
  'PATCH /api/media/:id': WRITERS,
  'GET /api/subscribers': SENDERS,
  'POST /api/subscribers': SENDERS,
  'GET /api/subscribers/:id': SENDERS,
  'PATCH /api/subscribers/:id': SENDERS,
  'POST /api/subscribers/:id/subscriptions': SENDERS,
  'POST /api/subscribers/:id/unsubscribe': SENDERS,
  'POST /api/subscribers/:id/suppress': SENDERS,
  'POST /api/subscribers/:id/erase': ADMIN,
  'POST /api/imports': SENDERS,
  'GET /api/imports': SENDERS,
  'GET /api/imports/:id': SENDERS,
  'GET /api/imports/:id/report.csv': SENDERS,
  'GET /api/lists/:slug/export': SENDERS,
  'GET /api/campaigns': SENDERS,
  'POST /api/campaigns': SENDERS,
  'GET /api/campaigns/:id': SENDERS,
  'PUT /api/campaigns/:id': SENDERS,
  'DELETE /api/campaigns/:id': SENDERS,
  'POST /api/campaigns/:id/duplicate': SENDERS,
  'POST /api/campaigns/preview': SENDERS,
  'POST /api/campaigns/:id/test': SENDERS,
  'GET /api/campaigns/articles': SENDERS,
  'GET /api/campaigns/dossiers': SENDERS,
  'POST /api/campaigns/:id/send': SENDERS,
  'POST /api/campaigns/:id/preflight': SENDERS,
  'POST /api/campaigns/:id/schedule': SENDERS,
  'POST /api/campaigns/:id/unschedule': SENDERS,
  'POST /api/campaigns/:id/pause': SENDERS,
  'POST /api/campaigns/:id/resume': SENDERS,
  'POST /api/campaigns/:id/cancel': SENDERS,
  'POST /api/campaigns/:id/resend': SENDERS,
  'GET /api/campaigns/:id/progress': SENDERS,
  'GET /api/campaigns/:id/recipients': SENDERS,
  'GET /api/growth': STAFF,
  'GET /api/growth/history': STAFF,
  'PUT /api/growth/history': SENDERS,
  'DELETE /api/growth/history/:list/:month': SENDERS,
  'GET /api/reports/campaigns': STAFF,
  'GET /api/reports/campaigns.csv': STAFF,
  'GET /api/reports/year/:year': STAFF,
  // whoever composes letters fills their agenda, offers and members' news from the accepted contributions
  'GET /api/contributions/fill': SENDERS,
  // contributions (issue 17): editors and admins moderate; senders read what was accepted (the handler narrows)
  'GET /api/contributions': MODERATORS_AND_SENDERS,
  'GET /api/contributions/:id': MODERATORS_AND_SENDERS,
  'PUT /api/contributions/:id': EDITORS,
  'POST /api/contributions/:id/accept': EDITORS,
  'POST /api/contributions/:id/request-changes': EDITORS,
  'POST /api/contributions/:id/refuse': EDITORS,
} as const satisfies Record<RouteKey, Access>; // every contract route, and no other

export function accessFor(method: string, url: string): Access | undefined {
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  return (ROUTE_ACCESS as Record<string, Access>)[key];
}

export function isAllowed(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  return role !== undefined && access.includes(role);
}

import { z } from 'zod';
import { Timestamp, Uuid } from './common';
import { ROLES, USER_STATUSES } from './enums/users';
import { defineRoutes } from './route';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const UserStatus = z.enum(USER_STATUSES);
export type UserStatus = z.infer<typeof UserStatus>;

export const SessionUser = z.object({ id: Uuid, email: z.string(), name: z.string(), role: Role });
export type SessionUser = z.infer<typeof SessionUser>;

export const Session = z.object({ user: SessionUser.nullable(), csrfToken: z.string() });
export type Session = z.infer<typeof Session>;

/** An invited account's newest invitation: the link works until `expiresAt` (7 days from its email). */
export const PendingInvitation = z.object({
  createdAt: Timestamp,
  expiresAt: Timestamp,
  /** null: the email has not gone out yet (the mail worker sends it within moments) */
  emailSentAt: Timestamp.nullable(),
});
export type PendingInvitation = z.infer<typeof PendingInvitation>;

export const StaffUser = SessionUser.extend({
  status: UserStatus,
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
  invitation: PendingInvitation.nullable(),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const LoginBody = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const InviteBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().max(120).default(''),
  role: Role,
});
export type InviteBody = z.input<typeof InviteBody>;

export const UserParams = z.object({ id: Uuid });

/** An invitation email written to the outbox of staff mail; the mail worker sends it. */
export const InvitationSent = z.object({
  user: StaffUser,
  /** false: Redis did not take the job now; the mail reconcile sends it within a minute or two */
  emailQueued: z.boolean(),
  /** true: no SMTP server is set, the email is written to the outbox folder (listed in the settings) */
  outbox: z.boolean(),
  /** resend only: the last invitation had expired or was used, a new one was made */
  renewed: z.boolean(),
});
export type InvitationSent = z.infer<typeof InvitationSent>;

/** The account an address already belongs to, sent with a 409 DUPLICATE_EMAIL so the studio can offer what fits. */
export const ExistingAccount = z.object({
  id: Uuid,
  name: z.string(),
  email: z.string(),
  role: Role,
  status: UserStatus,
});
export type ExistingAccount = z.infer<typeof ExistingAccount>;

/** The signed-in person's own settings. */
export const StaffPreferences = z.object({ notifyReview: z.boolean() });
export type StaffPreferences = z.infer<typeof StaffPreferences>;
export const PatchPreferencesBody = z.object({ notifyReview: z.boolean() });
export type PatchPreferencesBody = z.infer<typeof PatchPreferencesBody>;

export const PatchUserBody = z
  .object({ role: Role.optional(), status: z.enum(['active', 'deactivated']).optional() })
  .refine((b) => b.role !== undefined || b.status !== undefined, 'Rien à modifier : choisissez un rôle ou un statut.');
export type PatchUserBody = z.infer<typeof PatchUserBody>;

/** Invitation links carry a 43-character token; anything else is answered "invalid link", not "bad field". */
export const TokenParams = z.object({ token: z.string() });

export const Invitation = z.object({ email: z.string(), name: z.string() });
export type Invitation = z.infer<typeof Invitation>;

// the length and strength rules (with the person's name as weak words) are the server's: @crieur/auth
export const AcceptInvitationBody = z.object({
  name: z.string().trim().min(1).max(120),
  password: z.string().max(256),
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: Timestamp,
  actorId: Uuid.nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  /** the entry in words, names resolved (« Camille Martin a invité Léa Dubois (auteur·rice) ») */
  sentence: z.string(),
  /** who did it, by name (else address); null for the system or a stranger */
  actorName: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const OutboxMessage = z.object({
  file: z.string(),
  at: Timestamp,
  to: z.string(),
  subject: z.string(),
  size: z.number(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const Outbox = z.object({ mode: z.enum(['smtp', 'outbox']), messages: z.array(OutboxMessage) });
export type Outbox = z.infer<typeof Outbox>;

const UserAnswer = z.object({ user: SessionUser });

export const userRoutes = defineRoutes({
  'GET /api/session': { summary: 'The signed-in staff member (or null) and the CSRF token', response: Session },
  'POST /api/login': { summary: 'Sign in with email and password', body: LoginBody, response: UserAnswer },
  'POST /api/logout': { summary: 'Sign out', status: 204, response: null },
  'GET /api/invitations/:token': {
    summary: 'Who an invitation link is for',
    params: TokenParams,
    response: Invitation,
  },
  'POST /api/invitations/:token/accept': {
    summary: 'Accept an invitation: choose a name and a password',
    params: TokenParams,
    body: AcceptInvitationBody,
    response: UserAnswer,
  },
  'GET /api/users': { summary: 'Staff accounts', response: z.object({ users: z.array(StaffUser) }) },
  'GET /api/session/preferences': {
    summary: 'The signed-in person’s own settings (review emails on or off)',
    response: z.object({ preferences: StaffPreferences }),
  },
  'PATCH /api/session/preferences': {
    summary: 'Change the signed-in person’s own settings',
    body: PatchPreferencesBody,
    response: z.object({ preferences: StaffPreferences }),
  },
  'POST /api/users/invitations': {
    summary: 'Invite a staff member by email (409 DUPLICATE_EMAIL, with the account, if the address has one)',
    body: InviteBody,
    status: 201,
    response: InvitationSent,
  },
  'POST /api/users/:id/invitation': {
    summary: 'Send the invitation email again (a new invitation if the last one expired)',
    params: UserParams,
    status: 202,
    response: InvitationSent,
  },
  'PATCH /api/users/:id': {
    summary: 'Change a staff member’s role or status',
    params: UserParams,
    body: PatchUserBody,
    response: z.object({ user: StaffUser }),
  },
  'GET /api/audit': {
    summary: 'The audit log, newest first',
    query: AuditQuery,
    response: z.object({ entries: z.array(AuditEntry) }),
  },
  'GET /api/outbox': { summary: 'Emails written to the outbox folder (no SMTP server set)', response: Outbox },
  'GET /api/docs': {
    summary: 'This document: the staff API in OpenAPI 3.1, generated from the contract',
    response: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
  },
});

import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['admin', 'editor', 'author', 'sender']);
export const userStatusEnum = pgEnum('user_status', ['invited', 'active', 'deactivated']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    role: roleEnum('role').notNull(),
    status: userStatusEnum('status').notNull().default('invited'),
    passwordHash: text('password_hash'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    // review emails (submitted, comments, decisions); invitations and password resets always go
    notifyReview: boolean('notify_review').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha256 of the cookie's token: a leaked table opens no session
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // set by the mail worker when it sends the email (the raw token exists only there); resend replaces it
    tokenHash: text('token_hash').unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('invitations_user_idx').on(t.userId)],
);

// "Mot de passe oublié ?": one row per request; the mail worker makes the token and starts the hour
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

export const staffMailKindEnum = pgEnum('staff_mail_kind', [
  'invitation',
  'password_reset',
  'review',
  // a send stopped without anyone watching: a schedule held by the preflight, a send paused by its bounces
  'campaign_held',
  'campaign_paused',
]);
export const reviewEventEnum = pgEnum('review_event', [
  'submitted',
  'update_submitted',
  'withdrawn',
  'commented',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
]);

// Email owed to a member of the team: the mail worker sends each row once and stamps it; a lost job is
// rebuilt from the unsent rows. Ids only: the text is read when the email is rendered.
export const staffMail = pgTable(
  'staff_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: staffMailKindEnum('kind').notNull(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitationId: uuid('invitation_id').references(() => invitations.id, { onDelete: 'cascade' }),
    resetId: uuid('reset_id').references(() => passwordResets.id, { onDelete: 'cascade' }),
    event: reviewEventEnum('event'),
    // review emails: what happened to which article (or dossier), by whom, with which note
    articleId: uuid('article_id'),
    dossierId: uuid('dossier_id'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    commentId: integer('comment_id'),
    // campaign emails: which letter stopped (its reason is read from the campaign when the email is rendered)
    campaignId: uuid('campaign_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('staff_mail_unsent_idx')
      .on(t.createdAt)
      .where(sql`${t.sentAt} is null`),
  ],
);

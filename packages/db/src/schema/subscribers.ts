import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { legalBasisEnum, lists } from './lists';
import { users } from './users';

export const localeEnum = pgEnum('locale', ['fr', 'en']);
export const subscriptionStatusEnum = pgEnum('subscription_status', ['pending', 'confirmed', 'unsubscribed']);
export const consentSourceEnum = pgEnum('consent_source', ['form', 'import', 'staff']);
export const eventTypeEnum = pgEnum('subscription_event_type', [
  'subscribed',
  'confirmed',
  'unsubscribed',
  'bounced',
  'complained',
  'imported',
  'erased',
  'suppressed',
  'updated',
]);
export const eventSourceEnum = pgEnum('subscription_event_source', ['form', 'import', 'staff', 'email', 'system']);
export const suppressionReasonEnum = pgEnum('suppression_reason', ['hard_bounce', 'complaint', 'manual', 'erased']);

export const subscribers = pgTable(
  'subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    locale: localeEnum('locale').notNull().default('fr'),
    // stable for the links of old emails; random, never derived from the address
    // links sent before signed tokens: only the sha256 of each old token, so those emails keep working
    legacyPreferencesHash: text('legacy_preferences_hash').unique(),
    // when a confirmation email was last handed to the mail server (not when it was asked for)
    lastConfirmationSentAt: timestamp('last_confirmation_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('subscribers_email_lower_idx').on(sql`lower(${t.email})`)],
);

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    listId: integer('list_id')
      .notNull()
      .references(() => lists.id),
    status: subscriptionStatusEnum('status').notNull(),
    legalBasis: legalBasisEnum('legal_basis').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentSource: consentSourceEnum('consent_source'),
    consentFormId: text('consent_form_id'),
    consentTextVersion: text('consent_text_version'),
    consentIp: text('consent_ip'),
    consentNote: text('consent_note'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    // the one-click unsubscribe link of this list's emails
    // links sent before signed tokens: only the sha256 of each old token, so those emails keep working
    legacyUnsubscribeHash: text('legacy_unsubscribe_hash').unique(),
    // set only when a form confirmation confirms the list: imports and staff never owe a welcome
    welcomeDueAt: timestamp('welcome_due_at', { withTimezone: true }),
    // stamped once the mail server took the welcome email
    welcomeSentAt: timestamp('welcome_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('subscriptions_subscriber_list_key').on(t.subscriberId, t.listId),
    index('subscriptions_list_status_idx').on(t.listId, t.status),
    // the mail rebuild looks for owed welcomes every minute
    index('subscriptions_welcome_owed_idx')
      .on(t.welcomeDueAt)
      .where(sql`${t.welcomeSentAt} is null and ${t.welcomeDueAt} is not null`),
  ],
);

/** A double opt-in request: which lists, under which consent text, from where. */
export const confirmations = pgTable(
  'confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    listIds: integer('list_ids').array().notNull(),
    // set by the mail worker when it writes the email: the raw token exists only there
    tokenHash: text('token_hash').unique(),
    formId: text('form_id').notNull(),
    textVersion: text('text_version').notNull(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    // stamped once the mail server took the email: the 24 h rule counts from here, not from the request
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('confirmations_subscriber_idx').on(t.subscriberId),
    // the mail rebuild looks for open confirmations whose email never went out, every minute
    index('confirmations_unsent_idx')
      .on(t.expiresAt)
      .where(sql`${t.sentAt} is null and ${t.usedAt} is null`),
  ],
);

// Append-only, and free of personal data: it outlives erasure, for growth counts.
export const subscriptionEvents = pgTable(
  'subscription_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    type: eventTypeEnum('type').notNull(),
    subscriberId: uuid('subscriber_id').notNull(),
    listId: integer('list_id'),
    source: eventSourceEnum('source').notNull(),
    actorId: uuid('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('subscription_events_subscriber_idx').on(t.subscriberId),
    index('subscription_events_list_at_idx').on(t.listId, t.at),
    // campaign reports count a campaign's bounces without reading the whole ledger
    index('subscription_events_bounced_campaign_idx')
      .on(sql`(${t.data}->>'campaignId')`)
      .where(sql`${t.type} = 'bounced'`),
    // and its complaints and unsubscribes (mailto requests, feedback-loop reports, one-click)
    index('subscription_events_left_campaign_idx')
      .on(sql`(${t.data}->>'campaignId')`)
      .where(sql`${t.type} in ('complained', 'unsubscribed')`),
  ],
);

/** Addresses that must never be mailed again, kept only as sha256(lower(email)). */
export const suppressions = pgTable('suppressions', {
  emailHash: text('email_hash').primaryKey(),
  reason: suppressionReasonEnum('reason').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The public form's requests as typed, until processed: one constant insert answers every address alike
 * (no timing tells known from unknown). Rows live milliseconds; the mail rebuild takes any left by a crash.
 */
export const subscribeRequests = pgTable(
  'subscribe_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    listSlugs: text('list_slugs').array().notNull(),
    formId: text('form_id').notNull(),
    textVersion: text('text_version').notNull(),
    ip: text('ip'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('subscribe_requests_received_idx').on(t.receivedAt)],
);

export const importStatusEnum = pgEnum('import_status', ['running', 'done', 'failed']);

export const imports = pgTable('imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  listId: integer('list_id')
    .notNull()
    .references(() => lists.id),
  actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
  status: importStatusEnum('status').notNull().default('running'),
  dryRun: boolean('dry_run').notNull().default(false),
  fileName: text('file_name').notNull().default(''),
  consentSource: text('consent_source'),
  totalBytes: integer('total_bytes').notNull().default(0),
  processedBytes: integer('processed_bytes').notNull().default(0),
  rows: integer('rows').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  alreadySubscribed: integer('already_subscribed').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  problems: integer('problems').notNull().default(0),
  error: text('error'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const importProblems = pgTable(
  'import_problems',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
    value: text('value').notNull().default(''),
  },
  (t) => [index('import_problems_import_idx').on(t.importId, t.line)],
);

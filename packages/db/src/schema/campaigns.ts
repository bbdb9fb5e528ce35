import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { lists, newsletterKindEnum } from './lists';
import { users } from './users';

// held: a scheduled campaign whose time passed while the system was down, waiting for a human
export const campaignStatusEnum = pgEnum('campaign_status', [
  'draft',
  'scheduled',
  'held',
  'sending',
  'paused',
  'sent',
  'cancelled',
]);
export const recipientStatusEnum = pgEnum('recipient_status', [
  'queued',
  'sending',
  'sent',
  'failed',
  'skipped',
  'uncertain',
]);

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // the web archive's address, e.g. "2026-03-lettre-des-membres"
    slug: text('slug').notNull().unique(),
    kind: newsletterKindEnum('kind').notNull(),
    subject: text('subject').notNull().default(''),
    preheader: text('preheader').notNull().default(''),
    fromName: text('from_name').notNull().default(''),
    replyTo: text('reply_to').notNull().default(''),
    blocks: jsonb('blocks').$type<unknown[]>().notNull().default([]),
    status: campaignStatusEnum('status').notNull().default('draft'),
    // optimistic locking for autosave, as for articles
    version: integer('version').notNull().default(1),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    // why sending stopped without a human (mail server down, late schedule), shown in the studio
    pauseReason: text('pause_reason'),
    // the mail server refuses or does not answer: sending waits (status stays `sending`) and probes it
    waitReason: text('wait_reason'),
    waitSince: timestamp('wait_since', { withTimezone: true }),
    // next probe of the mail server; claims wait until it answers
    waitUntil: timestamp('wait_until', { withTimezone: true }),
    // frozen at start: what every recipient gets, placeholders in; the archive shows it without them
    renderedHtml: text('rendered_html'),
    renderedText: text('rendered_text'),
    recipientCount: integer('recipient_count').notNull().default(0),
    // the "voir en ligne" link of an issue sent to a private list carries it (a public list's issue is in the archive)
    webToken: text('web_token'),
    duplicatedFrom: uuid('duplicated_from'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaigns_status_idx').on(t.status, t.scheduledAt)],
);

export const campaignLists = pgTable(
  'campaign_lists',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    listId: integer('list_id')
      .notNull()
      .references(() => lists.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.listId] })],
);

// The send ledger: one row per (campaign, subscriber). No foreign key to subscribers, on purpose:
// an erased subscriber leaves a row without any address, so campaign figures stay true.
export const campaignRecipients = pgTable(
  'campaign_recipients',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id').notNull(),
    // the list whose unsubscribe link this recipient's message carries
    listId: integer('list_id').notNull(),
    // recipients are cut into batches at freeze time: one BullMQ job per batch, jobId from it
    batch: integer('batch').notNull(),
    status: recipientStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    messageId: text('message_id').notNull(),
    // the destination's provider group (gmail, microsoft, orange…), set at freeze time: each is paced on its own
    provider: text('provider').notNull().default('autres'),
    response: text('response'),
    error: text('error'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    // the sending process: while it lives (a Redis key), its `sending` rows are in flight, not uncertain
    claimedBy: text('claimed_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.subscriberId] }),
    index('campaign_recipients_batch_idx').on(t.campaignId, t.batch, t.status),
    index('campaign_recipients_status_idx').on(t.campaignId, t.status),
    index('campaign_recipients_sent_at_idx')
      .on(t.campaignId, t.sentAt)
      .where(sql`${t.sentAt} is not null`),
    // the reconcile looks for in-flight rows every few seconds: without it, a scan of every ledger row
    index('campaign_recipients_in_flight_idx')
      .on(t.claimedBy)
      .where(sql`${t.status} = 'sending'`),
  ],
);

// One row per list and Paris day, written by the growth worker; rewritten identically if run twice.
export const listSnapshots = pgTable(
  'list_snapshots',
  {
    listId: integer('list_id')
      .notNull()
      .references(() => lists.id),
    // the Europe/Paris calendar day the figures close
    day: text('day').notNull(),
    confirmed: integer('confirmed').notNull(),
    pending: integer('pending').notNull(),
    unsubscribed: integer('unsubscribed').notNull(),
    subscribes: integer('subscribes').notNull(),
    confirmations: integer('confirmations').notNull(),
    unsubscribes: integer('unsubscribes').notNull(),
    bounces: integer('bounces').notNull(),
    erasures: integer('erasures').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.day] })],
);

// Counts entered by staff for months before Crieur (e.g. 1,459 in January 2025), marked as such in charts.
export const listHistory = pgTable(
  'list_history',
  {
    listId: integer('list_id')
      .notNull()
      .references(() => lists.id),
    // "YYYY-MM"
    month: text('month').notNull(),
    confirmed: integer('confirmed').notNull(),
    note: text('note').notNull().default(''),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.month] })],
);

// Contributions from the network (issue 17): events, job offers and members' news proposed on the public
// « Proposer » page, confirmed by their proposer's email, moderated in the studio, published on the site.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tsvector } from './columns';
import { media } from './editorial';
import { users } from './users';

export const contributionKindEnum = pgEnum('contribution_kind', ['event', 'job', 'news']);
// unconfirmed: waiting for the proposer's click; pending: in the moderation queue; accepted: public from publish_at
export const contributionStatusEnum = pgEnum('contribution_status', [
  'unconfirmed',
  'pending',
  'changes_requested',
  'accepted',
  'refused',
  'withdrawn',
]);
export const contributionEventTypeEnum = pgEnum('contribution_event_type', [
  'proposed',
  'confirmed',
  'edited',
  'resubmitted',
  'accepted',
  'changes_requested',
  'refused',
  'withdrawn',
  'expired',
  'not_adherent',
]);
export const contributionMailKindEnum = pgEnum('contribution_mail_kind', [
  'confirm',
  'accepted',
  'changes_requested',
  'refused',
]);

/** One row per address that ever proposed something: the per-day email rule and the links hang on it. */
export const proposers = pgTable(
  'proposers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    // when a confirmation email was last handed to the mail server: one per address per day
    lastConfirmationSentAt: timestamp('last_confirmation_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('proposers_email_lower_idx').on(sql`lower(${t.email})`)],
);

/** The links of a proposer's emails (« voir ou retirer ma proposition »): only the sha256 of each token. */
export const proposerLinks = pgTable(
  'proposer_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    proposerId: uuid('proposer_id')
      .notNull()
      .references(() => proposers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('proposer_links_proposer_idx').on(t.proposerId)],
);

export const contributions = pgTable(
  'contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: contributionKindEnum('kind').notNull(),
    status: contributionStatusEnum('status').notNull().default('unconfirmed'),
    proposerId: uuid('proposer_id').references(() => proposers.id, { onDelete: 'set null' }),
    proposerName: text('proposer_name').notNull().default(''),
    // consent to be contacted about this proposal, as the form worded it (RGPD proof)
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    consentTextVersion: text('consent_text_version').notNull(),
    consentIp: text('consent_ip'),
    // set at acceptance, unique among contributions: /agenda/:slug, /offres/:slug, /actualites-adherents/:slug
    slug: text('slug').unique(),
    title: text('title').notNull(),
    // plain text, paragraphs split on blank lines; escaped wherever shown
    description: text('description').notNull().default(''),
    url: text('url'),
    imageMediaId: uuid('image_media_id').references(() => media.id, { onDelete: 'set null' }),
    imageAlt: text('image_alt').notNull().default(''),
    // events: instants (the form speaks Europe/Paris), online or a place, an organiser
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    online: boolean('online'),
    place: text('place').notNull().default(''),
    organiser: text('organiser').notNull().default(''),
    // job offers (and the members' organisation for news): contract, remote, closing day in Paris
    organisation: text('organisation').notNull().default(''),
    contractType: text('contract_type'),
    remote: boolean('remote'),
    closesOn: date('closes_on', { mode: 'string' }),
    // moderation: the last message to the proposer, who decided and when; public from publish_at
    staffMessage: text('staff_message').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    // stamped by the expiry job once an event has ended or an offer has closed
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    // refused or withdrawn: erased 90 days after this
    closedAt: timestamp('closed_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('public.fr_unaccent'::regconfig, title), 'A') || setweight(to_tsvector('public.fr_unaccent'::regconfig, organisation || ' ' || organiser || ' ' || place), 'B') || setweight(to_tsvector('public.fr_unaccent'::regconfig, description), 'D')`,
    ),
  },
  (t) => [
    index('contributions_status_kind_idx').on(t.status, t.kind),
    index('contributions_proposer_idx').on(t.proposerId),
    index('contributions_public_events_idx')
      .on(t.startsAt)
      .where(sql`${t.status} = 'accepted' and ${t.kind} = 'event'`),
    index('contributions_public_jobs_idx')
      .on(t.closesOn)
      .where(sql`${t.status} = 'accepted' and ${t.kind} = 'job'`),
    index('contributions_search_idx')
      .using('gin', t.search)
      .where(sql`${t.status} = 'accepted'`),
  ],
);

/** The proposal's history, shown to moderators: who did what, with which message. */
export const contributionEvents = pgTable(
  'contribution_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contributionId: uuid('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    type: contributionEventTypeEnum('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    message: text('message').notNull().default(''),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('contribution_events_contribution_idx').on(t.contributionId, t.at)],
);

// Email owed to a proposer: the mail worker sends each row once and stamps it; a lost job is rebuilt from the
// unsent rows. Ids only: no text the proposer typed goes into the confirmation email.
export const contributionMail = pgTable(
  'contribution_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: contributionMailKindEnum('kind').notNull(),
    proposerId: uuid('proposer_id')
      .notNull()
      .references(() => proposers.id, { onDelete: 'cascade' }),
    contributionId: uuid('contribution_id').references(() => contributions.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('contribution_mail_unsent_idx')
      .on(t.createdAt)
      .where(sql`${t.sentAt} is null`),
  ],
);

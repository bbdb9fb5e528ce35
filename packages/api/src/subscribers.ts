import { z } from 'zod';
import { Timestamp, Uuid } from './common';
import {
  CONSENT_SOURCES,
  SUBSCRIBER_EVENT_SOURCES,
  SUBSCRIBER_EVENT_TYPES,
  SUBSCRIBER_LOCALES,
  SUBSCRIPTION_STATUSES,
  SUPPRESSION_REASONS,
} from './enums/subscribers';
import { LegalBasis } from './lists';
import { defineRoutes } from './route';

export const SubscriptionStatus = z.enum(SUBSCRIPTION_STATUSES);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;
export const SubscriberLocale = z.enum(SUBSCRIBER_LOCALES);
export type SubscriberLocale = z.infer<typeof SubscriberLocale>;
export const ConsentSource = z.enum(CONSENT_SOURCES);
export type ConsentSource = z.infer<typeof ConsentSource>;
export const SubscriberEventSource = z.enum(SUBSCRIBER_EVENT_SOURCES);
export type SubscriberEventSource = z.infer<typeof SubscriberEventSource>;
export const SubscriberEventType = z.enum(SUBSCRIBER_EVENT_TYPES);
export type SubscriberEventType = z.infer<typeof SubscriberEventType>;
export const SuppressionReason = z.enum(SUPPRESSION_REASONS);
export type SuppressionReason = z.infer<typeof SuppressionReason>;

/** A mailing list named by its slug ("membres"). */
export const ListSlug = z.string().max(60);
const Name = z.string().trim().max(200);
const ConsentNote = z.string().trim().max(500);

/** A row of the subscriber search: each subscription as its list's slug and status. */
export const SubscriberSummary = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  locale: SubscriberLocale,
  createdAt: Timestamp,
  suppressed: z.boolean(),
  subscriptions: z.array(z.object({ list: z.string(), status: SubscriptionStatus })),
});
export type SubscriberSummary = z.infer<typeof SubscriberSummary>;

/** One page of the search, newest first; `nextCursor` asks for the next one (null: this was the last). */
export const SubscriberSearch = z.object({
  subscribers: z.array(SubscriberSummary),
  nextCursor: z.string().nullable(),
});
export type SubscriberSearch = z.infer<typeof SubscriberSearch>;

export const SubscriberQuery = z.object({
  q: z.string().trim().max(200).optional(),
  list: ListSlug.optional(),
  status: SubscriptionStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SubscriberQuery = z.input<typeof SubscriberQuery>;

/** The proof of a consent: when, how, under which form and text, from where, and staff's note. */
export const SubscriptionConsent = z.object({
  at: Timestamp,
  source: ConsentSource.nullable(),
  formId: z.string().nullable(),
  textVersion: z.string().nullable(),
  ip: z.string().nullable(),
  note: z.string().nullable(),
});
export type SubscriptionConsent = z.infer<typeof SubscriptionConsent>;

/** One list a subscriber is (or was) on; `consent` is null under legitimate interest. */
export const Subscription = z.object({
  list: z.object({ slug: z.string(), name: z.string() }),
  status: SubscriptionStatus,
  legalBasis: LegalBasis,
  consent: SubscriptionConsent.nullable(),
  confirmedAt: Timestamp.nullable(),
  unsubscribedAt: Timestamp.nullable(),
});
export type Subscription = z.infer<typeof Subscription>;

/** An entry of a subscriber's history: `list` is a slug, `actor` the staff member's address. */
export const SubscriberEvent = z.object({
  id: z.number().int(),
  at: Timestamp,
  type: SubscriberEventType,
  list: z.string().nullable(),
  source: SubscriberEventSource,
  actor: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type SubscriberEvent = z.infer<typeof SubscriberEvent>;

/** One subscriber with their subscriptions and history (newest first): the answer of every write on them too. */
export const SubscriberDetail = z.object({
  subscriber: z.object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    locale: SubscriberLocale,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    suppression: z.object({ reason: SuppressionReason, at: Timestamp }).nullable(),
  }),
  subscriptions: z.array(Subscription),
  events: z.array(SubscriberEvent),
});
export type SubscriberDetail = z.infer<typeof SubscriberDetail>;

export const SubscriberParams = z.object({ id: Uuid });

// a list under consent needs its source (checked by the server, which knows each list's legal basis)
export const CreateSubscriberBody = z.object({
  email: z.email().max(320),
  name: Name.default(''),
  locale: SubscriberLocale.default('fr'),
  lists: z.array(ListSlug).min(1, 'Choisissez au moins une liste.').max(10),
  consentSource: ConsentNote.default(''),
});
export type CreateSubscriberBody = z.input<typeof CreateSubscriberBody>;

export const PatchSubscriberBody = z.object({ name: Name.optional(), locale: SubscriberLocale.optional() });
export type PatchSubscriberBody = z.infer<typeof PatchSubscriberBody>;

export const SubscribeToListBody = z.object({ list: ListSlug, consentSource: ConsentNote.default('') });
export type SubscribeToListBody = z.input<typeof SubscribeToListBody>;

/** Without `lists`, every list. */
export const UnsubscribeBody = z.object({ lists: z.array(ListSlug).max(10).optional() });
export type UnsubscribeBody = z.infer<typeof UnsubscribeBody>;

export const subscribersRoutes = defineRoutes({
  'GET /api/subscribers': {
    summary: 'Search subscribers by address or name, list and status; 50 at a time, newest first',
    query: SubscriberQuery,
    response: SubscriberSearch,
  },
  'POST /api/subscribers': {
    summary: 'Add a subscriber on staff’s word, with where their consent was given (lists under consent)',
    body: CreateSubscriberBody,
    status: 201,
    response: SubscriberDetail,
  },
  'GET /api/subscribers/:id': {
    summary: 'A subscriber with their subscriptions, consent proofs and history',
    params: SubscriberParams,
    response: SubscriberDetail,
  },
  'PATCH /api/subscribers/:id': {
    summary: 'Change a subscriber’s name or language',
    params: SubscriberParams,
    body: PatchSubscriberBody,
    response: SubscriberDetail,
  },
  'POST /api/subscribers/:id/subscriptions': {
    summary: 'Subscribe them to one more list (confirmed at once, on staff’s word)',
    params: SubscriberParams,
    body: SubscribeToListBody,
    response: SubscriberDetail,
  },
  'POST /api/subscribers/:id/unsubscribe': {
    summary: 'Unsubscribe them from some lists, or from every list',
    params: SubscriberParams,
    body: UnsubscribeBody,
    response: SubscriberDetail,
  },
  'POST /api/subscribers/:id/suppress': {
    summary: 'Put their address on the suppression list: never mailed again',
    params: SubscriberParams,
    response: SubscriberDetail,
  },
  'POST /api/subscribers/:id/erase': {
    summary: 'Erase a subscriber everywhere (admins): profile, subscriptions, history and queued emails',
    params: SubscriberParams,
    status: 204,
    response: null,
  },
});

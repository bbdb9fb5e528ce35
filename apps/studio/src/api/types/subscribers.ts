import type { LegalBasis } from '@crieur/api';

export const SUBSCRIPTION_STATUSES = ['confirmed', 'pending', 'unsubscribed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const SUBSCRIBER_LOCALES = ['fr', 'en'] as const;
export type SubscriberLocale = (typeof SUBSCRIBER_LOCALES)[number];

/** A row of GET /api/subscribers. */
export type SubscriberSummary = {
  id: string;
  email: string;
  name: string;
  locale: SubscriberLocale;
  createdAt: string;
  suppressed: boolean;
  subscriptions: { list: string; status: SubscriptionStatus }[];
};

export type SubscriberSearch = { subscribers: SubscriberSummary[]; nextCursor: string | null };

export type ConsentSource = 'form' | 'import' | 'staff';
export type EventSource = ConsentSource | 'email' | 'system';
export const SUPPRESSION_REASONS = ['hard_bounce', 'complaint', 'manual'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export type Consent = {
  at: string;
  source: ConsentSource;
  formId: string | null;
  textVersion: string | null;
  ip: string | null;
  note: string | null;
};

export type Subscription = {
  list: { slug: string; name: string };
  status: SubscriptionStatus;
  legalBasis: LegalBasis;
  consent: Consent | null;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
};

export const SUBSCRIBER_EVENT_TYPES = [
  'subscribed',
  'confirmed',
  'unsubscribed',
  'bounced',
  'complained',
  'imported',
  'erased',
  'suppressed',
  'updated',
] as const;
export type SubscriberEventType = (typeof SUBSCRIBER_EVENT_TYPES)[number];

export type SubscriberEvent = {
  id: string;
  at: string;
  type: SubscriberEventType;
  list: string | null;
  source: EventSource;
  actor: string | null;
  data: Record<string, unknown>;
};

/** GET /api/subscribers/:id and the answer of every write on one subscriber; events newest first. */
export type SubscriberDetail = {
  subscriber: {
    id: string;
    email: string;
    name: string;
    locale: SubscriberLocale;
    createdAt: string;
    updatedAt: string;
    suppression: null | { reason: SuppressionReason; at: string };
  };
  subscriptions: Subscription[];
  events: SubscriberEvent[];
};

export type ImportStatus = 'running' | 'done' | 'failed';

export type ImportView = {
  id: string;
  list: string;
  status: ImportStatus;
  dryRun: boolean;
  fileName: string;
  totalBytes: number;
  processedBytes: number;
  rows: number;
  imported: number;
  alreadySubscribed: number;
  skipped: number;
  problems: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
};

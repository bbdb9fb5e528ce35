// No zod here: the studio imports these lists at run time (filters, selects, badges, the history's icons).

/** A subscription's state, in the order the studio's filter shows them. */
export const SUBSCRIPTION_STATUSES = ['confirmed', 'pending', 'unsubscribed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** The language a subscriber's emails are written in. */
export const SUBSCRIBER_LOCALES = ['fr', 'en'] as const;
export type SubscriberLocale = (typeof SUBSCRIBER_LOCALES)[number];

/** Where a consent was given: the public form, an imported file, or staff on the person's word. */
export const CONSENT_SOURCES = ['form', 'import', 'staff'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** Who or what wrote an event of a subscriber's history. */
export const SUBSCRIBER_EVENT_SOURCES = [...CONSENT_SOURCES, 'email', 'system'] as const;
export type SubscriberEventSource = (typeof SUBSCRIBER_EVENT_SOURCES)[number];

/** The events of a subscriber's history, as the database's subscription_event_type enum lists them. */
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

/** Why an address is never mailed again ("erased": the person asked to be forgotten, then came back). */
export const SUPPRESSION_REASONS = ['hard_bounce', 'complaint', 'manual', 'erased'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** An import of a file into a list: running until every line is read. */
export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What a spreadsheet upload may be sent as (browsers and systems label .csv files differently). */
export const IMPORT_MEDIA_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
] as const;

/**
 * Retention (RGPD; the privacy page states both): someone who never confirmed any list is erased this many days
 * after their last request (longer than the confirmation link lives), without keeping anything of them…
 */
export const UNCONFIRMED_SUBSCRIBER_ERASE_DAYS = 30;
/** …and someone with no list left, this many years after their last action (CNIL's guidance for prospects). */
export const DEPARTED_SUBSCRIBER_ERASE_YEARS = 3;

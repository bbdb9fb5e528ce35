/** Shapes of the staff API (/api), as the server sends them. */

export const ROLES = ['admin', 'editor', 'author', 'sender'] as const;
export type Role = (typeof ROLES)[number];

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
};

export type Session = {
  user: SessionUser | null;
  csrfToken: string;
};

export type UserStatus = 'invited' | 'active' | 'deactivated';

export type StaffUser = SessionUser & {
  status: UserStatus;
  lastLoginAt: string | null;
  createdAt: string;
};

export type Invitation = { email: string; name: string };

export type ListVisibility = 'public' | 'private';
export type LegalBasis = 'consent' | 'legitimate_interest';

export type ListCounts = { confirmed: number; pending: number; unsubscribed: number };

export type MailingList = {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: ListVisibility;
  legalBasis: LegalBasis;
  counts: ListCounts;
};

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

// ——— editorial ———

export type Rubrique = { id: string; slug: string; name: string; description: string };

export const DOSSIER_STATUSES = ['draft', 'published'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** A row of GET /api/dossiers. */
export type DossierSummary = {
  id: string;
  slug: string;
  title: string;
  lede: string;
  status: DossierStatus;
  articleCount: number;
  publishedAt: string | null;
};

export type DossierDetail = {
  id: string;
  slug: string;
  title: string;
  lede: string;
  editorialNote: string;
  coverMediaId: string | null;
  status: DossierStatus;
  publishedAt: string | null;
  articles: { id: string; title: string; status: ArticleStatus; position: number }[];
};

export const ARTICLE_STATUSES = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_ACTIONS = [
  'submit',
  'request_changes',
  'approve',
  'schedule',
  'unschedule',
  'publish',
  'unpublish',
] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

/** A row of GET /api/articles. */
export type ArticleSummary = {
  id: string;
  slug: string;
  title: string;
  status: ArticleStatus;
  rubrique: { slug: string; name: string };
  dossier: { id: string; title: string } | null;
  authors: string[];
  updatedAt: string;
  scheduledAt: string | null;
  publishedAt: string | null;
  version: number;
};

/** Tiptap JSON, as @crieur/content's ArticleDoc; kept loose here so the initial chunk needs no editor code. */
export type ArticleBody = { type: 'doc'; content?: unknown[] };

export type ArticleComment = { id: string; author: string; body: string; at: string };

export type ArticleDetail = ArticleSummary & {
  lede: string;
  body: ArticleBody;
  tags: string[];
  coverMediaId: string | null;
  wordCount: number;
  canEdit: boolean;
  allowedTransitions: ArticleAction[];
  updatedBy: string | null;
  comments: ArticleComment[];
};

/** The body of PUT /api/articles/:id: the whole article and the version it was based on. */
export type ArticleInput = {
  version: number;
  title: string;
  slug: string;
  lede: string;
  body: ArticleBody;
  rubrique: string;
  dossierId: string | null;
  tags: string[];
  authors: string[];
  coverMediaId: string | null;
};

/** `current` of a 409 EDIT_CONFLICT: the version someone else saved. */
export type EditConflict = { version: number; updatedAt: string; updatedBy: string | null };

export type RevisionSummary = { id: string; version: number; savedAt: string; savedBy: string | null; title: string };
export type Revision = {
  id: string;
  version: number;
  title: string;
  lede: string;
  body: ArticleBody;
  savedAt: string;
  savedBy: string | null;
};

export type CalendarItem = {
  id: string;
  title: string;
  status: ArticleStatus;
  scheduledAt: string | null;
  publishedAt: string | null;
  rubrique: { slug: string; name: string };
};

export type Media = {
  id: string;
  url: string;
  thumbUrl: string;
  alt: string;
  caption: string | null;
  width: number | null;
  height: number | null;
  mime: string;
  createdAt: string;
};

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_INVALID',
  'VALIDATION',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'NOT_FOUND',
  'DUPLICATE_EMAIL',
  'INVITATION_INVALID',
  'CANNOT_CHANGE_SELF',
  'DUPLICATE_SUBSCRIBER',
  'SUPPRESSED',
  'CONSENT_SOURCE_REQUIRED',
  'IMPORT_FILE_INVALID',
  'EDIT_CONFLICT',
  'TRANSITION_NOT_ALLOWED',
  'SLUG_TAKEN',
  'MEDIA_INVALID',
  'REDIS_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ValidationIssue = { path: string; message: string };

// ——— newsletters (campaigns) ———

export const NEWSLETTER_KINDS = ['membres', 'adherents', 'democraties'] as const;
export type NewsletterKind = (typeof NEWSLETTER_KINDS)[number];

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'held', 'sending', 'paused', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A row of GET /api/campaigns. */
export type CampaignSummary = {
  id: string;
  slug: string;
  kind: NewsletterKind;
  subject: string;
  status: CampaignStatus;
  lists: { slug: string; name: string }[];
  recipientCount: number;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** the mail server refuses or does not answer: sending waits for it (null when all is well) */
  serverWait: ServerWait | null;
  updatedAt: string;
  createdAt: string;
};

/** Sending waits for the mail server and probes it; it resumes on its own once the server answers. */
export type ServerWait = {
  /** in French, written by the sender (the server's own reply inside) */
  reason: string;
  since: string;
  /** when the server is tried next; no try happens while staff keep the campaign paused */
  nextProbeAt: string | null;
};

/** A line of GET /api/campaigns: the summary and how many messages went out. */
export type CampaignListItem = CampaignSummary & { sentCount: number };

/** GET /api/campaigns/:id; `blocks` as stored (a draft may hold incomplete blocks). */
export type Campaign = CampaignSummary & {
  preheader: string;
  fromName: string;
  replyTo: string;
  blocks: unknown[];
  version: number;
  pauseReason: string | null;
  duplicatedFrom: string | null;
};

/** The body of PUT /api/campaigns/:id: the whole draft and the version it was based on. */
export type CampaignInput = {
  version: number;
  kind: NewsletterKind;
  subject: string;
  preheader: string;
  fromName: string;
  replyTo: string;
  lists: string[];
  blocks: unknown[];
};

export type CampaignPreviewInput = {
  kind: NewsletterKind;
  subject: string;
  preheader: string;
  lists: string[];
  blocks: unknown[];
};

export type MjmlError = { line: number; message: string; tagName: string };
export type BlockError = { index: number; path: string; message: string };
/** Subject, preheader, reply-to or "no block at all": errors outside the blocks. */
export type CampaignFieldError = { path: string; message: string };

export type CampaignPreview = {
  html: string;
  text: string;
  bytes: number;
  clipped: boolean;
  clipBytes: number;
  mjmlErrors: MjmlError[];
  blockErrors: BlockError[];
  fieldErrors: CampaignFieldError[];
};

/** A published article or dossier, as a card block needs it (GET /api/campaigns/articles|dossiers). */
export type PublishedItem = {
  id: string;
  title: string;
  lede: string;
  url: string;
  rubrique?: string;
  image?: { src: string; alt: string };
  publishedAt: string | null;
};

// ——— campaign sending (the "Campagnes" section) ———

/** One send-ledger row per recipient, counted by status. */
export type RecipientCounts = {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  uncertain: number;
};
export type RecipientStatus = keyof RecipientCounts;

/** GET /api/campaigns/:id/progress (and the answer of every sending action). */
export type CampaignProgress = {
  status: CampaignStatus;
  recipientCount: number;
  counts: RecipientCounts;
  /** messages recorded sent in the last minute, per second */
  ratePerSecond: number;
  /** null while nothing was sent lately */
  secondsLeft: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  pauseReason: string | null;
  serverWait: ServerWait | null;
  /** failures grouped by reason, most frequent first */
  errors: { error: string; count: number }[];
};

/** GET /api/campaigns/:id/recipients?email=: one address in the ledger, or null if it is not a recipient. */
export type CampaignRecipient = {
  status: RecipientStatus;
  attempts: number;
  messageId: string;
  response: string | null;
  error: string | null;
  sentAt: string | null;
  updatedAt: string;
};

/** `problems` of a 422 CAMPAIGN_NOT_READY (French messages). */
export type CampaignProblem = { path: string; message: string };

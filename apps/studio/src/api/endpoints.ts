import { api, uploadRaw, type UploadProgress } from './client';
import type {
  ArticleAction,
  ArticleComment,
  ArticleDetail,
  ArticleInput,
  ArticleStatus,
  ArticleSummary,
  CalendarItem,
  Campaign,
  CampaignInput,
  CampaignPreview,
  CampaignPreviewInput,
  CampaignProgress,
  CampaignRecipient,
  CampaignStatus,
  CampaignListItem,
  NewsletterKind,
  PublishedItem,
  DossierDetail,
  DossierStatus,
  DossierSummary,
  ImportView,
  Media,
  Revision,
  RevisionSummary,
  Rubrique,
  Invitation,
  MailingList,
  Role,
  SessionUser,
  StaffUser,
  SubscriberDetail,
  SubscriberLocale,
  SubscriberSearch,
  SubscriptionStatus,
  UserStatus,
} from './types';

export const login = (input: { email: string; password: string }) =>
  api<{ user: SessionUser }>('POST', '/api/login', input);

export const logout = () => api<void>('POST', '/api/logout');

export const listUsers = () => api<{ users: StaffUser[] }>('GET', '/api/users');

export const inviteUser = (input: { email: string; name: string; role: Role }) =>
  api<{ user: StaffUser; inviteUrl: string }>('POST', '/api/users/invitations', input);

export const updateUser = (id: string, patch: { role?: Role; status?: Exclude<UserStatus, 'invited'> }) =>
  api<{ user: StaffUser }>('PATCH', `/api/users/${encodeURIComponent(id)}`, patch);

export const getInvitation = (token: string) => api<Invitation>('GET', `/api/invitations/${encodeURIComponent(token)}`);

export const acceptInvitation = (token: string, input: { name: string; password: string }) =>
  api<{ user: SessionUser }>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, input);

export const listLists = () => api<{ lists: MailingList[] }>('GET', '/api/lists');

// ——— subscribers ———

export type SubscriberQuery = {
  q?: string;
  list?: string;
  status?: SubscriptionStatus;
  cursor?: string;
  limit?: number;
};

function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const subscriberPath = (id: string) => `/api/subscribers/${encodeURIComponent(id)}`;

/** Plain link targets (downloads): the browser follows them with the session cookie. */
export const listExportUrl = (slug: string) => `/api/lists/${encodeURIComponent(slug)}/export`;
export const importReportUrl = (id: string) => `/api/imports/${encodeURIComponent(id)}/report.csv`;

export const searchSubscribers = (query: SubscriberQuery) =>
  api<SubscriberSearch>('GET', `/api/subscribers${queryString({ limit: 50, ...query })}`);

export const createSubscriber = (input: {
  email: string;
  name: string;
  locale: SubscriberLocale;
  lists: string[];
  consentSource: string;
}) => api<SubscriberDetail>('POST', '/api/subscribers', input);

export const getSubscriber = (id: string) => api<SubscriberDetail>('GET', subscriberPath(id));

export const updateSubscriber = (id: string, patch: { name?: string; locale?: SubscriberLocale }) =>
  api<SubscriberDetail>('PATCH', subscriberPath(id), patch);

export const subscribeToList = (id: string, input: { list: string; consentSource: string }) =>
  api<SubscriberDetail>('POST', `${subscriberPath(id)}/subscriptions`, input);

/** Unsubscribes from `lists`, or from every list when absent. */
export const unsubscribe = (id: string, lists?: string[]) =>
  api<SubscriberDetail>('POST', `${subscriberPath(id)}/unsubscribe`, lists ? { lists } : {});

export const suppressSubscriber = (id: string) => api<SubscriberDetail>('POST', `${subscriberPath(id)}/suppress`, {});

/** Admins only; 204. */
export const eraseSubscriber = (id: string) => api<void>('POST', `${subscriberPath(id)}/erase`, {});

// ——— imports ———

export const startImport = (
  file: File,
  options: { list: string; consentSource: string; dryRun: boolean },
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
) =>
  uploadRaw<{ import: ImportView }>(
    `/api/imports${queryString({ list: options.list, consentSource: options.consentSource, dryRun: options.dryRun })}`,
    file,
    'text/csv',
    onProgress,
    signal,
  );

export const getImport = (id: string) => api<{ import: ImportView }>('GET', `/api/imports/${encodeURIComponent(id)}`);

export const listImports = () => api<{ imports: ImportView[] }>('GET', '/api/imports');

// ——— editorial ———

const articlePath = (id: string) => `/api/articles/${encodeURIComponent(id)}`;
const dossierPath = (id: string) => `/api/dossiers/${encodeURIComponent(id)}`;

export const listRubriques = () => api<{ rubriques: Rubrique[] }>('GET', '/api/rubriques');

export const listDossiers = () => api<{ dossiers: DossierSummary[] }>('GET', '/api/dossiers');

export const createDossier = (input: { title: string; lede?: string; editorialNote?: string }) =>
  api<{ dossier: DossierDetail }>('POST', '/api/dossiers', input);

export const getDossier = (id: string) => api<{ dossier: DossierDetail }>('GET', dossierPath(id));

export const updateDossier = (
  id: string,
  patch: {
    title?: string;
    slug?: string;
    lede?: string;
    editorialNote?: string;
    coverMediaId?: string | null;
    status?: DossierStatus;
  },
) => api<{ dossier: DossierDetail }>('PATCH', dossierPath(id), patch);

export const orderDossier = (id: string, articleIds: string[]) =>
  api<{ dossier: DossierDetail }>('PUT', `${dossierPath(id)}/order`, { articleIds });

export type ArticleQuery = { status?: ArticleStatus; rubrique?: string; dossier?: string; author?: string; q?: string };

export const listArticles = (query: ArticleQuery) =>
  api<{ articles: ArticleSummary[] }>('GET', `/api/articles${queryString(query)}`);

export const createArticle = (input: { title: string; rubrique: string; dossierId: string | null }) =>
  api<{ article: ArticleDetail }>('POST', '/api/articles', input);

export const getArticle = (id: string) => api<{ article: ArticleDetail }>('GET', articlePath(id));

/** 409 EDIT_CONFLICT when `version` is not the latest one. */
export const saveArticle = (id: string, input: ArticleInput) =>
  api<{ article: ArticleDetail }>('PUT', articlePath(id), input);

export const transitionArticle = (id: string, action: ArticleAction, scheduledAt?: string) =>
  api<{ article: ArticleDetail }>(
    'POST',
    `${articlePath(id)}/transition`,
    scheduledAt ? { action, scheduledAt } : { action },
  );

export const addComment = (id: string, body: string) =>
  api<{ comment: ArticleComment }>('POST', `${articlePath(id)}/comments`, { body });

export const listRevisions = (id: string) =>
  api<{ revisions: RevisionSummary[] }>('GET', `${articlePath(id)}/revisions`);

export const getRevision = (id: string, revisionId: string) =>
  api<{ revision: Revision }>('GET', `${articlePath(id)}/revisions/${encodeURIComponent(revisionId)}`);

export const restoreRevision = (id: string, revisionId: string, version: number) =>
  api<{ article: ArticleDetail }>('POST', `${articlePath(id)}/revisions/${encodeURIComponent(revisionId)}/restore`, {
    version,
  });

/** The reader's view of an article, as an HTML page: opened in a new tab. */
export const articlePreviewUrl = (id: string) => `${articlePath(id)}/preview`;

export const getCalendar = (from: string, to: string) =>
  api<{ items: CalendarItem[] }>('GET', `/api/calendar${queryString({ from, to })}`);

export const listMedia = () => api<{ media: Media[] }>('GET', '/api/media');

export const uploadMedia = (
  file: File,
  input: { alt: string; caption?: string },
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
) =>
  uploadRaw<{ media: Media }>(
    `/api/media${queryString({ alt: input.alt, caption: input.caption })}`,
    file,
    file.type,
    onProgress,
    signal,
  );

export const updateMedia = (id: string, patch: { alt?: string; caption?: string }) =>
  api<{ media: Media }>('PATCH', `/api/media/${encodeURIComponent(id)}`, patch);

export type OutboxMessage = { file: string; at: string; to: string; subject: string; size: number };
export const listOutbox = () => api<{ mode: 'smtp' | 'outbox'; messages: OutboxMessage[] }>('GET', '/api/outbox');

export type AuditEntry = {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
};
export const listAudit = () => api<{ entries: AuditEntry[] }>('GET', '/api/audit?limit=50');

// ——— newsletters (campaigns) ———

const campaignPath = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export const listCampaigns = (status?: CampaignStatus) =>
  api<{ campaigns: CampaignListItem[] }>('GET', `/api/campaigns${queryString({ status })}`);

export const createCampaign = (input: { kind: NewsletterKind; lists?: string[] }) =>
  api<{ campaign: Campaign }>('POST', '/api/campaigns', input);

export const getCampaign = (id: string) => api<{ campaign: Campaign }>('GET', campaignPath(id));

/** 409 EDIT_CONFLICT (with the current campaign) when `version` is stale; 409 CAMPAIGN_NOT_EDITABLE unless a draft. */
export const saveCampaign = (id: string, input: CampaignInput) =>
  api<{ campaign: Campaign }>('PUT', campaignPath(id), input);

/** Drafts only; 204. */
export const deleteCampaign = (id: string) => api<void>('DELETE', campaignPath(id));

export const duplicateCampaign = (id: string) =>
  api<{ campaign: Campaign }>('POST', `${campaignPath(id)}/duplicate`, {});

/** Renders the unsaved editor state; invalid blocks are left out and listed in blockErrors. */
export const previewCampaign = (input: CampaignPreviewInput) =>
  api<CampaignPreview>('POST', '/api/campaigns/preview', input);

/** Sends the saved campaign; 422 NEWSLETTER_INVALID when it does not pass strict validation. */
export const sendCampaignTest = (id: string, addresses: string[]) =>
  api<{ sent: number; outbox: boolean }>('POST', `${campaignPath(id)}/test`, { addresses });

export const searchPublished = (what: 'articles' | 'dossiers', q: string) =>
  api<{ items: PublishedItem[] }>('GET', `/api/campaigns/${what}${queryString({ q: q.trim().slice(0, 100) })}`);

// ——— campaign sending ———

/** Starts a draft or held campaign; `started: false` when it had already started (a double click). 422 CAMPAIGN_NOT_READY lists the problems. */
export const sendCampaign = (id: string) =>
  api<{ started: boolean; status: CampaignStatus; progress: CampaignProgress }>('POST', `${campaignPath(id)}/send`, {});

/** `at`: ISO 8601 with its offset, e.g. 2026-03-12T09:30:00+01:00. */
export const scheduleCampaign = (id: string, at: string) =>
  api<{ progress: CampaignProgress }>('POST', `${campaignPath(id)}/schedule`, { at });

/** pause, resume, cancel, unschedule: 409 CAMPAIGN_STATE when the campaign's status forbids it. */
export const controlCampaign = (id: string, action: 'pause' | 'resume' | 'cancel' | 'unschedule') =>
  api<{ progress: CampaignProgress }>('POST', `${campaignPath(id)}/${action}`, {});

export const resendCampaign = (id: string, which: 'failed' | 'uncertain') =>
  api<{ requeued: number; progress: CampaignProgress }>('POST', `${campaignPath(id)}/resend`, { which });

export const getCampaignProgress = (id: string) =>
  api<{ progress: CampaignProgress }>('GET', `${campaignPath(id)}/progress`);

export const lookupCampaignRecipient = (id: string, email: string) =>
  api<{ recipient: CampaignRecipient | null }>(
    'GET',
    `${campaignPath(id)}/recipients${queryString({ email: email.trim() })}`,
  );

import { api } from '../client';
import type {
  Campaign,
  CampaignInput,
  CampaignListItem,
  CampaignPreview,
  CampaignPreviewInput,
  CampaignProgress,
  CampaignRecipient,
  CampaignStatus,
  NewsletterKind,
  PublishedItem,
} from '../types';
import { queryString } from './query-string';

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

import { api, uploadRaw, type UploadProgress } from '../client';
import type { ImportView, SubscriberDetail, SubscriberLocale, SubscriberSearch, SubscriptionStatus } from '../types';
import { queryString } from './query-string';

// ——— subscribers ———

export type SubscriberQuery = {
  q?: string;
  list?: string;
  status?: SubscriptionStatus;
  cursor?: string;
  limit?: number;
};

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

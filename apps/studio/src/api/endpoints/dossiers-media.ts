import { api, uploadRaw, type UploadProgress } from '../client';
import type { DossierDetail, DossierStatus, DossierSummary, Media } from '../types';
import { queryString } from './query-string';

// ——— dossiers and media ———

const dossierPath = (id: string) => `/api/dossiers/${encodeURIComponent(id)}`;

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

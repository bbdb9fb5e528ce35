import { api } from '../client';
import type {
  ArticleAction,
  ArticleComment,
  ArticleDetail,
  ArticleInput,
  ArticleStatus,
  ArticleSummary,
  CalendarItem,
  Revision,
  RevisionSummary,
  Rubrique,
} from '../types';
import { queryString } from './query-string';

// ——— editorial ———

const articlePath = (id: string) => `/api/articles/${encodeURIComponent(id)}`;
export const listRubriques = () => api<{ rubriques: Rubrique[] }>('GET', '/api/rubriques');

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

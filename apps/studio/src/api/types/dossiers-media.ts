import type { ArticleStatus } from './editorial';

// ——— dossiers and media ———

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

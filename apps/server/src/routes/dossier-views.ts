import type { DossierDetail, DossierSummary } from '@crieur/api';
import type { ArticleDoc } from '@crieur/content';
import type { DossierWithArticles, listDossiers } from '@crieur/db';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function dossierSummary({
  d,
  articleCount,
  publishedCount,
}: Awaited<ReturnType<typeof listDossiers>>[number]): DossierSummary {
  return {
    id: d.id,
    slug: d.slug,
    title: d.title,
    lede: d.lede,
    status: d.status,
    articleCount,
    publishedCount,
    scheduledAt: iso(d.scheduledAt),
    publishedAt: iso(d.publishedAt),
  };
}

// jsonb answers its keys in one canonical order, so equal documents print the same
const sameDoc = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function dossierDetail(d: DossierWithArticles): DossierDetail {
  const live = d.live;
  return {
    id: d.id,
    slug: d.slug,
    title: d.title,
    lede: d.lede,
    // stored only after @crieur/content's checks (and checked again on the way out by the contract)
    editorialNote: d.editorialNote as unknown as ArticleDoc,
    coverMediaId: d.coverMediaId,
    status: d.status,
    scheduledAt: iso(d.scheduledAt),
    publishedAt: iso(d.publishedAt),
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
    updatedBy: d.updatedByName,
    articles: d.articles,
    live: live
      ? {
          savedAt: live.savedAt.toISOString(),
          savedBy: live.savedByName,
          differs:
            live.title !== d.title ||
            live.lede !== d.lede ||
            live.coverMediaId !== d.coverMediaId ||
            !sameDoc(live.editorialNote, d.editorialNote),
        }
      : null,
  };
}

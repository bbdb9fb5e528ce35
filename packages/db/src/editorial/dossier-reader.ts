import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { dossierRevisions, dossiers } from '../schema';

/** A dossier as readers see it: its live version (the working one stays in the studio until "Mettre à jour"). */
export type LiveDossier = {
  id: string;
  slug: string;
  title: string;
  lede: string;
  editorialNote: Record<string, unknown>;
  coverMediaId: string | null;
  publishedAt: Date | null;
  /** When this live version went out: the sitemap's lastmod, the page's cache key. */
  updatedAt: Date;
  liveRevisionId: number;
};

const liveDossiers = (db: Db) =>
  db
    .select({
      id: dossiers.id,
      slug: dossiers.slug,
      title: dossierRevisions.title,
      lede: dossierRevisions.lede,
      editorialNote: dossierRevisions.editorialNote,
      coverMediaId: dossierRevisions.coverMediaId,
      publishedAt: dossiers.publishedAt,
      updatedAt: dossierRevisions.savedAt,
      liveRevisionId: dossierRevisions.id,
    })
    .from(dossiers)
    .innerJoin(dossierRevisions, eq(dossierRevisions.id, dossiers.liveRevisionId));

export async function publishedDossiers(db: Db): Promise<LiveDossier[]> {
  return liveDossiers(db).where(eq(dossiers.status, 'published')).orderBy(desc(dossiers.publishedAt));
}

export async function dossierBySlug(db: Db, slug: string): Promise<LiveDossier | null> {
  const [row] = await liveDossiers(db).where(and(eq(dossiers.slug, slug), eq(dossiers.status, 'published')));
  return row ?? null;
}

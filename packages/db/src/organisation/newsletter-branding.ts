import { eq } from 'drizzle-orm';
import type { Db } from '../database';
import { newsletterBranding } from '../schema';

export type NewsletterKindName = (typeof newsletterBranding.kind.enumValues)[number];

export type NewsletterBranding = {
  kind: NewsletterKindName;
  title: string;
  kicker: string;
  tagline: string;
  accent: string;
  tint: string;
  titleFont: string;
  bannerMediaId: string | null;
  identity: string;
  notice: string;
  welcomeText: string;
  updatedAt: Date;
};

export type NewsletterBrandingPatch = Partial<Omit<NewsletterBranding, 'kind' | 'updatedAt'>>;

/** The three newsletters' branding (seeded by migration 0015), in kind order. */
export async function listNewsletterBrandings(db: Db): Promise<NewsletterBranding[]> {
  return db.select().from(newsletterBranding).orderBy(newsletterBranding.kind);
}

export async function getNewsletterBranding(db: Db, kind: NewsletterKindName): Promise<NewsletterBranding | null> {
  const [row] = await db.select().from(newsletterBranding).where(eq(newsletterBranding.kind, kind));
  return row ?? null;
}

/** Writes the given fields of one newsletter's branding; null when the kind has no row. */
export async function updateNewsletterBranding(
  db: Db,
  kind: NewsletterKindName,
  patch: NewsletterBrandingPatch,
  now: Date,
): Promise<NewsletterBranding | null> {
  const values = Object.fromEntries(
    Object.entries(patch)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
  );
  const [row] = await db
    .update(newsletterBranding)
    .set({ ...values, updatedAt: now })
    .where(eq(newsletterBranding.kind, kind))
    .returning();
  return row ?? null;
}

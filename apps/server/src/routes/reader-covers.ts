import { getMedia, mediaByIds, type Db, type MediaRow } from '@crieur/db';
import { slugify } from '@crieur/editorial';
import { imageSources } from '../media/cover-sources';
import type { CoverImage } from '../public/picture';

/** A media row as the reader pages show it: variants, size, and the library's alt text, caption and credit. */
export const coverImage = (row: MediaRow): CoverImage => ({
  ...imageSources(row),
  alt: row.alt,
  caption: row.caption,
  credit: row.credit,
});

/** The cover of one article (null if none, or if its media was deleted). */
export async function coverFor(db: Db, mediaId: string | null): Promise<CoverImage | null> {
  const row = mediaId ? await getMedia(db, mediaId) : null;
  return row ? coverImage(row) : null;
}

/** Cards with their covers, read in one query for the whole list. */
export async function withCovers<T extends { coverMediaId: string | null }>(
  db: Db,
  items: T[],
): Promise<(T & { cover: CoverImage | null })[]> {
  const rows = await mediaByIds(
    db,
    items.map((item) => item.coverMediaId),
  );
  return items.map((item) => {
    const row = item.coverMediaId ? rows.get(item.coverMediaId) : undefined;
    return { ...item, cover: row ? coverImage(row) : null };
  });
}

/** An article's tags as links to `/mots-cles/:slug`; two spellings of one slug («Climat», «climat») link once. */
export function tagLinks(tags: readonly string[]): { name: string; slug: string }[] {
  const seen = new Set<string>();
  return tags.flatMap((name) => {
    const slug = slugify(name);
    if (seen.has(slug)) return [];
    seen.add(slug);
    return [{ name, slug }];
  });
}

import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { media } from '../schema';

export type MediaRow = typeof media.$inferSelect;

/** `id` may be chosen by the caller, so the files can be written under it before the row exists. */
export async function createMedia(
  db: Db,
  input: {
    id?: string;
    fileName: string;
    mime: string;
    width: number;
    height: number;
    bytes: number;
    /** some pixel is not fully opaque: the email copy is a PNG */
    hasAlpha?: boolean;
    alt: string;
    caption: string;
    /** the photographer, agency or source; empty when unknown */
    credit?: string;
    createdBy: string;
    now: Date;
  },
): Promise<MediaRow> {
  const [row] = await db
    .insert(media)
    .values({ ...input, createdAt: input.now })
    .returning();
  return row!;
}

export async function listMedia(db: Db, limit = 200): Promise<MediaRow[]> {
  return db.select().from(media).orderBy(desc(media.createdAt)).limit(limit);
}

/** The media first imported from an outside address (its file name is that address). */
export async function importedMedia(db: Db, sourceUrl: string): Promise<MediaRow | null> {
  const [row] = await db
    .select()
    .from(media)
    .where(eq(media.fileName, sourceUrl))
    .orderBy(asc(media.createdAt))
    .limit(1);
  return row ?? null;
}

export async function getMedia(db: Db, id: string): Promise<MediaRow | null> {
  const [row] = await db.select().from(media).where(eq(media.id, id));
  return row ?? null;
}

export async function updateMedia(
  db: Db,
  input: { id: string; alt?: string; caption?: string; credit?: string },
): Promise<MediaRow | null> {
  const { id, ...fields } = input;
  // nothing to set is not an error: an UPDATE without columns is, so answer the row as it is
  if (Object.values(fields).every((v) => v === undefined)) return getMedia(db, id);
  const [row] = await db.update(media).set(fields).where(eq(media.id, id)).returning();
  return row ?? null;
}

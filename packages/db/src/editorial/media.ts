import { desc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { media } from '../schema';

export type MediaRow = typeof media.$inferSelect;

export async function createMedia(db: Db, input: { fileName: string; mime: string; width: number; height: number; bytes: number; alt: string; caption: string; createdBy: string; now: Date }): Promise<MediaRow> {
  const [row] = await db.insert(media).values({ ...input, createdAt: input.now }).returning();
  return row!;
}

export async function listMedia(db: Db, limit = 200): Promise<MediaRow[]> {
  return db.select().from(media).orderBy(desc(media.createdAt)).limit(limit);
}

export async function getMedia(db: Db, id: string): Promise<MediaRow | null> {
  const [row] = await db.select().from(media).where(eq(media.id, id));
  return row ?? null;
}

export async function updateMedia(db: Db, input: { id: string; alt?: string; caption?: string }): Promise<MediaRow | null> {
  const { id, ...fields } = input;
  const [row] = await db.update(media).set(fields).where(eq(media.id, id)).returning();
  return row ?? null;
}

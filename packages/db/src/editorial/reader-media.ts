import { inArray } from 'drizzle-orm';
import type { Db } from '../database';
import { media } from '../schema';
import type { MediaRow } from './media';

/** The media rows of several covers in one query (a list page shows up to a hundred cards). */
export async function mediaByIds(db: Db, ids: readonly (string | null)[]): Promise<Map<string, MediaRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(media).where(inArray(media.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

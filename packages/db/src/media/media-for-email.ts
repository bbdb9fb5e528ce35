import { inArray } from 'drizzle-orm';
import type { Db } from '../database';
import { media } from '../schema';

/** What an email needs of a media (same shape as `EmailMediaInfo` of @crieur/content, which db does not import). */
export type MediaEmailInfo = { width: number; height: number; hasAlpha: boolean };

// a media id is a uuid: anything else (an outside image's address) is not ours and is left out before the query
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The size and transparency of every media a letter shows, keyed by id, in one query; unknown ids are absent. */
export async function mediaForEmail(db: Db, ids: Iterable<string>): Promise<Record<string, MediaEmailInfo>> {
  const wanted = [...new Set([...ids].filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return {};
  const rows = await db
    .select({ id: media.id, width: media.width, height: media.height, hasAlpha: media.hasAlpha })
    .from(media)
    .where(inArray(media.id, wanted));
  return Object.fromEntries(rows.map(({ id, ...info }) => [id, info]));
}

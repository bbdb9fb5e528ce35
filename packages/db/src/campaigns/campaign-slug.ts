import { and, eq, like, ne, or } from 'drizzle-orm';
import type { Db } from '../database';
import { campaigns } from '../schema';

/** The first of base, base-2, base-3… no other campaign uses (the caller retries on a race). */
export async function freeCampaignSlug(db: Db, input: { base: string; exceptId?: string }): Promise<string> {
  const escaped = input.base.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .select({ slug: campaigns.slug })
    .from(campaigns)
    .where(
      and(
        or(eq(campaigns.slug, input.base), like(campaigns.slug, `${escaped}-%`)),
        input.exceptId ? ne(campaigns.id, input.exceptId) : undefined,
      ),
    );
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(input.base)) return input.base;
  for (let n = 2; ; n++) if (!taken.has(`${input.base}-${n}`)) return `${input.base}-${n}`;
}

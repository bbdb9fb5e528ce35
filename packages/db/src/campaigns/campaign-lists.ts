import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../database';
import { campaignLists, lists } from '../schema';
import { UnknownListError } from './campaign-row';

/** Replaces a campaign's lists by these slugs; an unknown slug refuses the whole change. */
export async function setCampaignLists(db: Db, input: { campaignId: string; slugs: string[] }): Promise<void> {
  const wanted = [...new Set(input.slugs)];
  const found = wanted.length
    ? await db.select({ id: lists.id, slug: lists.slug }).from(lists).where(inArray(lists.slug, wanted))
    : [];
  const unknown = wanted.filter((slug) => !found.some((l) => l.slug === slug));
  if (unknown.length) throw new UnknownListError(unknown);
  await db.delete(campaignLists).where(eq(campaignLists.campaignId, input.campaignId));
  if (found.length)
    await db.insert(campaignLists).values(found.map((l) => ({ campaignId: input.campaignId, listId: l.id })));
}

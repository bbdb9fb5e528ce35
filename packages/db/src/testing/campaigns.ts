import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../database';
import { campaignLists, campaigns, lists } from '../schema';

/** Stands in for the sender's freeze in tests: a campaign marked sent with its frozen rendering. */
export async function markCampaignSent(db: Db, input: { id: string; renderedHtml: string; renderedText: string; at: Date }): Promise<void> {
  await db
    .update(campaigns)
    .set({ status: 'sent', renderedHtml: input.renderedHtml, renderedText: input.renderedText, startedAt: input.at, finishedAt: input.at, updatedAt: input.at })
    .where(eq(campaigns.id, input.id));
}

/** A draft campaign with content, ready to launch, on the given lists (by slug). */
export async function createTestCampaign(db: Db, input: { slug: string; lists: string[]; subject: string; preheader?: string; blocks: unknown[]; fromName?: string }): Promise<string> {
  const [row] = await db
    .insert(campaigns)
    .values({ slug: input.slug, kind: 'membres', subject: input.subject, preheader: input.preheader ?? '', blocks: input.blocks, fromName: input.fromName ?? '' })
    .returning({ id: campaigns.id });
  const found = await db.select({ id: lists.id }).from(lists).where(inArray(lists.slug, input.lists));
  await db.insert(campaignLists).values(found.map((l) => ({ campaignId: row!.id, listId: l.id })));
  return row!.id;
}

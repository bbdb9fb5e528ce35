import { eq } from 'drizzle-orm';
import type { Db } from '../database';
import { NotFoundError } from '../errors';
import { campaignLists, campaigns } from '../schema';
import type { CampaignWithLists } from './campaign-row';
import { freeCampaignSlug } from './campaign-slug';
import { findCampaign } from './find-campaign';
import { retryOnSlugRace } from './retry-on-slug-race';

/** A new draft from any campaign: same content and lists, subject marked as a copy. */
export async function duplicateCampaign(
  db: Db,
  input: { id: string; slugBase: string; userId: string | null; now: Date },
): Promise<CampaignWithLists> {
  const id = await retryOnSlugRace(() =>
    db.transaction(async (tx) => {
      const [source] = await tx.select().from(campaigns).where(eq(campaigns.id, input.id));
      if (!source) throw new NotFoundError('campaign', input.id);
      const slug = await freeCampaignSlug(tx, { base: input.slugBase });
      const [row] = await tx
        .insert(campaigns)
        .values({
          slug,
          kind: source.kind,
          subject: source.subject ? `${source.subject} (copie)` : '',
          preheader: source.preheader,
          fromName: source.fromName,
          replyTo: source.replyTo,
          blocks: source.blocks,
          duplicatedFrom: source.id,
          createdBy: input.userId,
          updatedBy: input.userId,
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning({ id: campaigns.id });
      const listIds = await tx
        .select({ listId: campaignLists.listId })
        .from(campaignLists)
        .where(eq(campaignLists.campaignId, source.id));
      if (listIds.length)
        await tx.insert(campaignLists).values(listIds.map((l) => ({ campaignId: row!.id, listId: l.listId })));
      return row!.id;
    }),
  );
  return (await findCampaign(db, id))!;
}

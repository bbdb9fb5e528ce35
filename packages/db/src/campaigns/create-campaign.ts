import type { Db } from '../database';
import { campaigns } from '../schema';
import { setCampaignLists } from './campaign-lists';
import type { CampaignKind, CampaignWithLists } from './campaign-row';
import { freeCampaignSlug } from './campaign-slug';
import { findCampaign } from './find-campaign';
import { retryOnSlugRace } from './retry-on-slug-race';

export async function createCampaign(
  db: Db,
  input: { kind: CampaignKind; slugBase: string; lists: string[]; blocks: unknown[]; userId: string | null; now: Date },
): Promise<CampaignWithLists> {
  const id = await retryOnSlugRace(() =>
    db.transaction(async (tx) => {
      const slug = await freeCampaignSlug(tx, { base: input.slugBase });
      const [row] = await tx
        .insert(campaigns)
        .values({
          kind: input.kind,
          slug,
          blocks: input.blocks,
          createdBy: input.userId,
          updatedBy: input.userId,
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning({ id: campaigns.id });
      await setCampaignLists(tx, { campaignId: row!.id, slugs: input.lists });
      return row!.id;
    }),
  );
  return (await findCampaign(db, id))!;
}

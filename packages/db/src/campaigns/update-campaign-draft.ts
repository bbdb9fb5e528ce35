import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { NotFoundError } from '../errors';
import { EditConflictError } from '../editorial/articles';
import { campaigns, users } from '../schema';
import { setCampaignLists } from './campaign-lists';
import { CampaignNotEditableError, type CampaignKind, type CampaignWithLists } from './campaign-row';
import { freeCampaignSlug } from './campaign-slug';
import { findCampaign } from './find-campaign';
import { retryOnSlugRace } from './retry-on-slug-race';

export type CampaignDraftFields = {
  kind: CampaignKind;
  subject: string;
  preheader: string;
  fromName: string;
  replyTo: string;
  blocks: unknown[];
};

/** Saves only a draft, and only if nobody saved since `version` (autosave from two tabs never overwrites silently). */
export async function updateCampaignDraft(
  db: Db,
  input: {
    id: string;
    version: number;
    fields: CampaignDraftFields;
    lists: string[];
    slugBase: string;
    userId: string;
    now: Date;
  },
): Promise<CampaignWithLists> {
  await retryOnSlugRace(() =>
    db.transaction(async (tx) => {
      const slug = await freeCampaignSlug(tx, { base: input.slugBase, exceptId: input.id });
      const updated = await tx
        .update(campaigns)
        .set({
          ...input.fields,
          slug,
          version: sql`${campaigns.version} + 1`,
          updatedBy: input.userId,
          updatedAt: input.now,
        })
        .where(and(eq(campaigns.id, input.id), eq(campaigns.version, input.version), eq(campaigns.status, 'draft')))
        .returning({ id: campaigns.id });
      if (!updated.length) {
        const [current] = await tx
          .select({
            status: campaigns.status,
            version: campaigns.version,
            updatedAt: campaigns.updatedAt,
            updatedBy: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
          })
          .from(campaigns)
          .leftJoin(users, eq(users.id, campaigns.updatedBy))
          .where(eq(campaigns.id, input.id));
        if (!current) throw new NotFoundError('campaign', input.id);
        if (current.status !== 'draft') throw new CampaignNotEditableError(current.status);
        throw new EditConflictError(current);
      }
      await setCampaignLists(tx, { campaignId: input.id, slugs: input.lists });
    }),
  );
  return (await findCampaign(db, input.id))!;
}

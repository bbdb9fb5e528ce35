import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { campaigns } from '../schema';

export type ArchivedCampaign = {
  id: string;
  slug: string;
  kind: string;
  subject: string;
  preheader: string;
  sentAt: Date;
  updatedAt: Date;
};

// sent, frozen, and addressed only to public lists: a private list's issue is nobody else's to read
// ("campaigns"."id" written out: drizzle leaves columns bare in a one-table select, ambiguous inside the subqueries)
const archived = and(
  eq(campaigns.status, 'sent'),
  isNotNull(campaigns.renderedHtml),
  sql`exists (select 1 from campaign_lists cl where cl.campaign_id = "campaigns"."id")`,
  sql`not exists (select 1 from campaign_lists cl join lists l on l.id = cl.list_id where cl.campaign_id = "campaigns"."id" and l.visibility <> 'public')`,
);
const sentAt = sql<Date>`coalesce(${campaigns.startedAt}, ${campaigns.finishedAt}, ${campaigns.updatedAt})`.mapWith(
  campaigns.updatedAt,
);
const fields = {
  id: campaigns.id,
  slug: campaigns.slug,
  kind: campaigns.kind,
  subject: campaigns.subject,
  preheader: campaigns.preheader,
  sentAt,
  updatedAt: campaigns.updatedAt,
};

/** The web archive: newest first. */
export async function listArchive(db: Db, input: { limit?: number } = {}): Promise<ArchivedCampaign[]> {
  return db
    .select(fields)
    .from(campaigns)
    .where(archived)
    .orderBy(desc(sentAt), desc(campaigns.id))
    .limit(input.limit ?? 500);
}

// an issue being sent is readable at once: its recipients follow "voir en ligne" before the last message leaves
const readable = and(
  inArray(campaigns.status, ['sending', 'paused', 'sent']),
  isNotNull(campaigns.renderedHtml),
  sql`exists (select 1 from campaign_lists cl where cl.campaign_id = "campaigns"."id")`,
);
const allListsPublic = sql`not exists (select 1 from campaign_lists cl join lists l on l.id = cl.list_id where cl.campaign_id = "campaigns"."id" and l.visibility <> 'public')`;

/**
 * One issue's web version: a public lists' issue for anyone; a private list's issue only with the
 * campaign's web token (the link in its own emails), so its readers can open it and nobody else.
 */
export async function findArchived(
  db: Db,
  slug: string,
  token?: string,
): Promise<(ArchivedCampaign & { renderedHtml: string }) | null> {
  const access = token ? sql`(${allListsPublic} or ${campaigns.webToken} = ${token})` : allListsPublic;
  const [row] = await db
    .select({ ...fields, renderedHtml: campaigns.renderedHtml })
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), readable, access));
  return row?.renderedHtml ? { ...row, renderedHtml: row.renderedHtml } : null;
}

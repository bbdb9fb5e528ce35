import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { campaigns } from '../schema';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignStatus = CampaignRow['status'];
export type CampaignKind = CampaignRow['kind'];
export type CampaignListRef = { slug: string; name: string };
export type CampaignWithLists = CampaignRow & { lists: CampaignListRef[] };

/** Only drafts are edited or deleted: what was scheduled or sent is what readers got. */
export class CampaignNotEditableError extends Error {
  readonly code = 'CAMPAIGN_NOT_EDITABLE';
  constructor(readonly status: CampaignStatus) {
    super(`The campaign is ${status}, not a draft`);
    this.name = 'CampaignNotEditableError';
  }
}

export class UnknownListError extends Error {
  readonly code = 'UNKNOWN_LIST';
  constructor(readonly slugs: string[]) {
    super(`Unknown list: ${slugs.join(', ')}`);
    this.name = 'UnknownListError';
  }
}

// one query per campaign read: its lists come along as a JSON array (the column is qualified by hand: drizzle leaves it bare in a one-table select)
export const listsOfCampaign = sql<CampaignListRef[]>`coalesce((
  select json_agg(json_build_object('slug', l.slug, 'name', l.name) order by l.id)
  from campaign_lists cl join lists l on l.id = cl.list_id
  where cl.campaign_id = "campaigns"."id"), '[]'::json)`;

export const withLists = (db: Db) => db.select({ c: campaigns, lists: listsOfCampaign }).from(campaigns);

export const toCampaignWithLists = (row: { c: CampaignRow; lists: CampaignListRef[] | string }): CampaignWithLists => ({
  ...row.c,
  // a driver may hand json back as text
  lists: typeof row.lists === 'string' ? (JSON.parse(row.lists) as CampaignListRef[]) : row.lists,
});

import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { campaigns } from '../schema';
import { toCampaignWithLists, withLists, type CampaignStatus, type CampaignWithLists } from './campaign-row';

export async function findCampaign(db: Db, id: string): Promise<CampaignWithLists | null> {
  const [row] = await withLists(db).where(eq(campaigns.id, id));
  return row ? toCampaignWithLists(row) : null;
}

/** Newest first; page by the last (createdAt, id) seen, never by OFFSET. */
export async function listCampaigns(
  db: Db,
  input: { status?: CampaignStatus; limit?: number; before?: { createdAt: Date; id: string } } = {},
): Promise<CampaignWithLists[]> {
  const where: SQL[] = [];
  if (input.status) where.push(eq(campaigns.status, input.status));
  if (input.before) {
    const { createdAt, id } = input.before;
    where.push(or(lt(campaigns.createdAt, createdAt), and(eq(campaigns.createdAt, createdAt), lt(campaigns.id, id)))!);
  }
  const rows = await withLists(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(input.limit ?? 200);
  return rows.map(toCampaignWithLists);
}

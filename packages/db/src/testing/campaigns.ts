import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { campaignLists, campaigns, lists } from '../schema';

/** Stands in for the sender's freeze in tests: a campaign marked sent with its frozen rendering. */
export async function markCampaignSent(
  db: Db,
  input: { id: string; renderedHtml: string; renderedText: string; at: Date },
): Promise<void> {
  await db
    .update(campaigns)
    .set({
      status: 'sent',
      renderedHtml: input.renderedHtml,
      renderedText: input.renderedText,
      startedAt: input.at,
      finishedAt: input.at,
      updatedAt: input.at,
    })
    .where(eq(campaigns.id, input.id));
}

/** A draft campaign with content, ready to launch, on the given lists (by slug). */
export async function createTestCampaign(
  db: Db,
  input: { slug: string; lists: string[]; subject: string; preheader?: string; blocks: unknown[]; fromName?: string },
): Promise<string> {
  const [row] = await db
    .insert(campaigns)
    .values({
      slug: input.slug,
      kind: 'membres',
      subject: input.subject,
      preheader: input.preheader ?? '',
      blocks: input.blocks,
      fromName: input.fromName ?? '',
    })
    .returning({ id: campaigns.id });
  const found = await db.select({ id: lists.id }).from(lists).where(inArray(lists.slug, input.lists));
  await db.insert(campaignLists).values(found.map((l) => ({ campaignId: row!.id, listId: l.id })));
  return row!.id;
}

/** Each recipient's ledger row by address (erased people are absent), for the fault tests' checks. */
export async function recipientRows(
  db: Db,
  campaignId: string,
): Promise<
  Map<
    string,
    { status: string; attempts: number; batch: number; sentAt: Date | null; claimedBy: string | null; provider: string }
  >
> {
  type Row = {
    email: string;
    status: string;
    attempts: number;
    batch: number;
    sent_at: string | Date | null;
    claimed_by: string | null;
    provider: string;
  };
  const result = (await db.execute(sql`
    select s.email, r.status, r.attempts, r.batch, r.sent_at, r.claimed_by, r.provider from campaign_recipients r join subscribers s on s.id = r.subscriber_id
    where r.campaign_id = ${campaignId}`)) as unknown as { rows: Row[] };
  return new Map(
    result.rows.map((r) => [
      r.email.toLowerCase(),
      {
        status: r.status,
        attempts: r.attempts,
        batch: r.batch,
        sentAt: r.sent_at === null ? null : new Date(r.sent_at),
        claimedBy: r.claimed_by,
        provider: r.provider,
      },
    ]),
  );
}

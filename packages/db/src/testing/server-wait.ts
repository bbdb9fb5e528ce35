import { eq } from 'drizzle-orm';
import type { Db } from '../database';
import { campaigns } from '../schema';

/** Puts a campaign in the "waiting for the mail server" state as the sender would, at chosen times, for page tests. */
export async function setServerWait(
  db: Db,
  input: { campaignId: string; reason: string; since: Date; nextProbeAt: Date | null },
): Promise<void> {
  await db
    .update(campaigns)
    .set({ waitReason: input.reason, waitSince: input.since, waitUntil: input.nextProbeAt })
    .where(eq(campaigns.id, input.campaignId));
}

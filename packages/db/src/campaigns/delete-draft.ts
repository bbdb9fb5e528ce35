import { and, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { NotFoundError } from '../errors';
import { campaigns } from '../schema';
import { CampaignNotEditableError } from './campaign-row';

/** Deletes a draft; anything that left the draft state is history and stays. */
export async function deleteDraft(db: Db, id: string): Promise<void> {
  const deleted = await db
    .delete(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.status, 'draft')))
    .returning({ id: campaigns.id });
  if (deleted.length) return;
  const [current] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, id));
  if (!current) throw new NotFoundError('campaign', id);
  throw new CampaignNotEditableError(current.status);
}

// Pause, resume and cancel: the hold in Redis comes first, so once "Pause" returns nothing new is handed over.
import { cancelCampaign, pauseCampaign, resumeCampaign, type Db } from '@crieur/db';
import type { SendJournal } from './ports';

export type CampaignControl = 'pause' | 'resume' | 'cancel';

export async function controlCampaign(
  deps: { db: Db; journal: Pick<SendJournal, 'hold' | 'unhold'> },
  input: { action: CampaignControl; campaignId: string; now: Date; actorId: string | null },
): Promise<void> {
  const { campaignId } = input;
  if (input.action === 'resume') {
    // a hold left behind (Redis away now) is lifted by the reconcile after a while
    await deps.journal.unhold(campaignId).catch(() => undefined);
    await resumeCampaign(deps.db, input);
    return;
  }
  // with Redis away no message can be handed over at all: each hand-over writes the journal first
  const held = await deps.journal.hold(campaignId).then(
    () => true,
    () => false,
  );
  try {
    if (input.action === 'pause') await pauseCampaign(deps.db, input);
    else await cancelCampaign(deps.db, input);
  } catch (error) {
    if (held) await deps.journal.unhold(campaignId).catch(() => undefined);
    throw error;
  }
}

// What the batch loop needs of the send ledger, and its implementation on @crieur/db.
import {
  autoPauseAndTell,
  bounceCounts,
  claimRecipients,
  currentRecipientStates,
  deferProvider,
  hasDueRows,
  pendingProviders,
  recordOutcomes,
  suppressAddress,
  suppressedAmong,
  waitForServer,
  wasAutoPaused,
  type ClaimedRecipient,
  type Db,
  type ProviderLimits,
  type RecipientOutcome,
} from '@crieur/db';
import type { BounceCounts } from './bounce-pause';

export type SendLedger = {
  claim(input: {
    campaignId: string;
    batch: number;
    limit: number;
    claimer: string;
    now: Date;
    providers?: ProviderLimits;
  }): Promise<ClaimedRecipient[]>;
  /** the providers a batch still has rows for */
  batchProviders(input: { campaignId: string; batch: number }): Promise<string[]>;
  /** the campaign's queued rows of a provider that backs off wait until then */
  deferProvider(input: { campaignId: string; provider: string; until: Date; now: Date }): Promise<void>;
  hasDueRows(input: { campaignId: string; batch: number; providers: string[]; now: Date }): Promise<boolean>;
  bounceCounts(campaignId: string): Promise<BounceCounts>;
  wasAutoPaused(campaignId: string): Promise<boolean>;
  /** paused with its reason, audited, its team's emails written; not paused when it was no longer sending */
  autoPause(input: {
    campaignId: string;
    now: Date;
    reason: string;
    data: Record<string, unknown>;
  }): Promise<{ paused: boolean; staffMailIds: string[] }>;
  currentStates(
    rows: { subscriberId: string; listId: number }[],
  ): Promise<Map<string, { email: string | null; subscriptionStatus: string | null }>>;
  suppressedAmong(emails: string[]): Promise<Set<string>>;
  /** the claim's outcomes; at its end (`final`), every other row it holds goes back to the queue untried */
  record(input: {
    campaignId: string;
    claimer: string;
    now: Date;
    outcomes: RecipientOutcome[];
    final: boolean;
  }): Promise<void>;
  suppress(input: { email: string; campaignId: string; now: Date }): Promise<void>;
  waitForServer(input: { campaignId: string; reason: string; now: Date; probeAt: Date }): Promise<void>;
};

export function createSendLedger(db: Db): SendLedger {
  return {
    claim: (input) => claimRecipients(db, input),
    batchProviders: (input) => pendingProviders(db, input),
    deferProvider: async (input) => {
      await deferProvider(db, input);
    },
    hasDueRows: (input) => hasDueRows(db, input),
    bounceCounts: (campaignId) => bounceCounts(db, campaignId),
    wasAutoPaused: (campaignId) => wasAutoPaused(db, campaignId),
    autoPause: (input) => autoPauseAndTell(db, input),
    currentStates: (rows) =>
      currentRecipientStates(db, {
        subscriberIds: rows.map((r) => r.subscriberId),
        listIds: rows.map((r) => r.listId),
      }),
    suppressedAmong: (emails) => suppressedAmong(db, emails),
    record: async ({ final, ...input }) => {
      await recordOutcomes(db, { ...input, releaseRest: final });
    },
    suppress: (input) => suppressAddress(db, { ...input, reason: 'hard_bounce', source: 'system' }),
    waitForServer: (input) => waitForServer(db, input),
  };
}

// What the batch loop needs of the send ledger, and its implementation on @crieur/db.
import {
  claimRecipients,
  currentRecipientStates,
  recordOutcomes,
  suppressAddress,
  suppressedAmong,
  waitForServer,
  type ClaimedRecipient,
  type Db,
  type RecipientOutcome,
} from '@crieur/db';

export type SendLedger = {
  claim(input: {
    campaignId: string;
    batch: number;
    limit: number;
    claimer: string;
    now: Date;
  }): Promise<ClaimedRecipient[]>;
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

// The small interfaces the campaign's life needs; the wiring (workers, server) implements them.
import type { RawMessage, SmtpSendError } from '@crieur/mailer';

/** The mail transport: @crieur/mailer's Mailer fits; tests may pass a recorder. */
export type Transport = {
  /** resolves with the server's final reply; rejects with an SmtpSendError that knows its stage */
  sendRaw(message: RawMessage): Promise<{ response: string }>;
  /** connects, greets and quits: resolves when the mail server answers again */
  probe(): Promise<void>;
};
export type TransportError = SmtpSendError;

/** Where batch jobs go (BullMQ in the workers): ids only, the ledger says who is left. */
export type BatchQueue = {
  /**
   * Queues one job per batch; adding a batch that already has a waiting or running job keeps that one.
   * `recovery`: the batch's running job belongs to a dead process, so a job under a fresh id is added.
   */
  enqueue(input: { campaignId: string; batches: number[]; delayMs?: number; recovery?: boolean }): Promise<void>;
};

/** What the journal remembers of a message: handed to SMTP with no reply yet, or its outcome. */
export type JournalWrite = 'ok' | 'held' | 'reaped' | 'lost';

/**
 * An attempt journal per claim (Redis in the workers), written before each message is handed to the
 * SMTP connection: after a crash, rows it never mentions were never tried and go back to the queue.
 */
export type SendJournal = {
  /** starts a claim's journal, before its rows are claimed in the ledger */
  open(claimer: string): Promise<void>;
  /**
   * Writes entries (subscriber id → encoded entry) in one atomic step. With `handing`, refuses with
   * 'held' when the campaign is paused, 'reaped' when a reconcile took the journal (the claim is no
   * longer ours), 'lost' when the journal vanished (Redis flushed or restarted).
   */
  write(input: {
    claimer: string;
    campaignId: string;
    entries: [string, string][];
    handing: boolean;
  }): Promise<JournalWrite>;
  /** the claim is recorded in the ledger: its journal is no longer needed */
  close(claimer: string): Promise<void>;
  /** the reconcile takes a dead claim's journal for good (later writes see 'reaped'); null when it was lost */
  take(claimer: string): Promise<Map<string, string> | null>;
  /** which of these sending processes still renew their liveness key */
  alive(workerIds: string[]): Promise<boolean[]>;
  /** pause and cancel set it before changing the ledger, so no message is handed over after they return */
  hold(campaignId: string): Promise<void>;
  unhold(campaignId: string): Promise<void>;
  /** when each campaign's hold was set (ms), or null */
  heldSince(campaignIds: string[]): Promise<(number | null)[]>;
};

/** What one claim may take per provider: some are kept out, some allowed a few rows reserved from their window. */
export type ProviderPlan = {
  limits: { blocked: string[]; caps: { provider: string; cap: number }[] };
  /** providers left out only because their window is spent: a claim that found nothing tries again then */
  full: { provider: string; retryInMs: number }[];
  /** providers backing off after a throttling reply, and until when (ms): their rows wait in the ledger */
  waiting: { provider: string; until: number }[];
};

/**
 * The cluster-wide pace (SEND_RATE), each provider's own pace (its rate, slowed by throttling replies),
 * and a local slow-down while the server pushes back.
 */
export type SendPace = {
  /** reserves each provider's share of a claim of `wanted` rows, for the providers the batch has */
  planClaim(wanted: number, providers: string[]): Promise<ProviderPlan>;
  /** what the claim did not use of its reservations goes back (`claimed`: rows per provider) */
  settleClaim(plan: ProviderPlan, claimed: Map<string, number>): Promise<void>;
  /** the provider answered "too fast": it slows for every process; until when its rows wait (ms) */
  providerThrottled(provider: string): Promise<number>;
  /** how many messages this process may send now (at most `wanted`), waiting for the window if needed */
  take(wanted: number, stop: () => boolean): Promise<number>;
  /** waits between messages while the server pushes back */
  beforeEach(): Promise<void>;
  serverTrouble(): void;
  serverFine(): void;
  /** the largest chunk one window allows */
  readonly maxChunk: number;
};

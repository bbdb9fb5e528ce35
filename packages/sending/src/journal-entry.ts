// How a message's fate is written in the attempt journal (pure): short strings, decoded by the reconcile.
import type { RecipientOutcome } from '@crieur/db';

/** handed to the SMTP connection, no reply yet */
export const HANDED = 'h';

export function encodeEntry(outcome: RecipientOutcome): string | null {
  switch (outcome.status) {
    case 'sent':
      return `s${outcome.response.slice(0, 200)}`;
    case 'failed':
      return `f${outcome.error.slice(0, 200)}`;
    case 'uncertain':
      return `u${outcome.error.slice(0, 200)}`;
    case 'queued':
      // a released row was never handed over: no entry is the same as "never tried"
      return outcome.released ? null : `q${outcome.retryAt.getTime()}|${outcome.error.slice(0, 200)}`;
    case 'skipped':
      return null;
  }
}

/** A dead claim's row as its journal tells it; no entry: never handed over, so back to the queue untried. */
export function decodeEntry(subscriberId: string, entry: string | undefined, now: Date): RecipientOutcome {
  if (entry === undefined)
    return { subscriberId, status: 'queued', error: 'not attempted', retryAt: now, released: true };
  const kind = entry[0];
  const rest = entry.slice(1);
  if (kind === 's') return { subscriberId, status: 'sent', response: rest };
  if (kind === 'f') return { subscriberId, status: 'failed', error: rest };
  if (kind === 'q') {
    const bar = rest.indexOf('|');
    const at = Number(rest.slice(0, bar));
    return {
      subscriberId,
      status: 'queued',
      error: rest.slice(bar + 1),
      retryAt: Number.isFinite(at) ? new Date(at) : now,
    };
  }
  if (kind === 'u') return { subscriberId, status: 'uncertain', error: rest };
  // handed over and no reply recorded: the server may have accepted it
  return { subscriberId, status: 'uncertain', error: 'worker stopped while sending' };
}

/** Claims are named `<worker id>.<n>`: the worker's liveness key says whether the claim is alive. */
export const workerIdOf = (claimer: string) => claimer.split('.')[0] ?? claimer;

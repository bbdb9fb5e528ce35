// What a failed send means for its ledger row (pure): retry later, fail for good, or mark uncertain.
import type { SmtpSendError } from '@crieur/mailer';

export type SendFailure = {
  /** SMTP reply code, absent when no reply came (connection refused, cut, timeout) */
  code: number | undefined;
  enhancedCode: string | undefined;
  /** 5.1.x on the recipient: the address does not exist */
  suppress: boolean;
  /** from the transport itself: whether the message's DATA had started when it failed */
  stage: 'before-data' | 'data' | 'unknown';
  /** a short reason, free of addresses */
  reason: string;
};

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

export type FailureDecision =
  /** not delivered, the recipient's fault or the server's "not now": tried again from retryAt */
  | { status: 'queued'; retryAt: Date; released: false; serverTrouble: boolean }
  /** never reached the recipient's turn (no connection, 421): back at once, the attempt does not count */
  | { status: 'queued'; retryAt: Date; released: true; serverTrouble: true }
  | { status: 'failed'; suppress: boolean; serverTrouble: boolean }
  /** the message was handed over and no reply came: it may have arrived, so it is never resent on its own */
  | { status: 'uncertain'; serverTrouble: true };

/** Reads what the ledger needs of a transport error, without the server's text (it may quote the address). */
export function toSendFailure(error: unknown): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Partial<SmtpSendError> & { stage?: unknown };
  const code = typeof e.code === 'number' ? e.code : undefined;
  const enhancedCode = typeof e.enhancedCode === 'string' ? e.enhancedCode : undefined;
  const stage = e.stage === 'before-data' || e.stage === 'data' ? e.stage : 'unknown';
  const reason =
    code !== undefined
      ? `${code}${enhancedCode ? ` ${enhancedCode}` : ''}`
      : stage === 'before-data'
        ? 'no connection'
        : 'no reply after the message';
  return { code, enhancedCode, suppress: e.suppress === true, stage, reason };
}

/** A failure's reason as staff read it (the ledger keeps the short code; a reply code stays as it came). */
export function reasonInFrench(reason: string): string {
  if (reason === 'no connection') return 'pas de connexion au serveur';
  if (reason === 'no reply after the message') return 'pas de réponse après l’envoi du message';
  return reason;
}

/** `attempts` counts this one. Backoff doubles from baseDelayMs, capped at maxDelayMs. */
export function decideFailure(failure: SendFailure, attempts: number, now: Date, policy: RetryPolicy): FailureDecision {
  const { code } = failure;
  if (code === undefined) {
    // only the transport's own stage says whether the bytes could have been accepted
    if (failure.stage === 'before-data') return { status: 'queued', retryAt: now, released: true, serverTrouble: true };
    return { status: 'uncertain', serverTrouble: true };
  }
  if (code >= 500) return { status: 'failed', suppress: failure.suppress, serverTrouble: false };
  // 421: the server closes the session, whoever the recipient
  if (code === 421) return { status: 'queued', retryAt: now, released: true, serverTrouble: true };
  if (code >= 400) {
    if (attempts >= policy.maxAttempts) return { status: 'failed', suppress: false, serverTrouble: true };
    const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
    return { status: 'queued', retryAt: new Date(now.getTime() + delay), released: false, serverTrouble: true };
  }
  // a 1xx-3xx reply as an error should not happen: never resend what may have arrived
  return { status: 'uncertain', serverTrouble: true };
}

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
  /**
   * The recipient's provider says "too fast, not now" (421, 454 or 4.7.x) in reply to this message's own
   * RCPT or DATA: only that provider slows. The same codes at connect or MAIL FROM concern the whole server.
   */
  throttle?: boolean;
};

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

export type FailureDecision =
  /** not delivered, the recipient's fault or the server's "not now": tried again from retryAt */
  | { status: 'queued'; retryAt: Date; released: false; serverTrouble: boolean }
  /** never reached the recipient's turn (no connection, 421): back at once, the attempt does not count */
  | { status: 'queued'; retryAt: Date; released: true; serverTrouble: boolean }
  | { status: 'failed'; suppress: boolean; serverTrouble: boolean }
  /** the message was handed over and no reply came: it may have arrived, so it is never resent on its own */
  | { status: 'uncertain'; serverTrouble: true };

/** Reads what the ledger needs of a transport error, without the server's text (it may quote the address). */
export function toSendFailure(error: unknown): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Partial<SmtpSendError> & { stage?: unknown };
  const code = typeof e.code === 'number' ? e.code : undefined;
  const enhancedCode = typeof e.enhancedCode === 'string' ? e.enhancedCode : undefined;
  const stage = e.stage === 'before-data' || e.stage === 'data' ? e.stage : 'unknown';
  // nodemailer names the command a reply answered; only a reply to this recipient's own transaction is the
  // provider's. A 421 to a pipelined RCPT ends the session first: nodemailer reports it as CONN/ECONNECTION with
  // the reply (a refused greeting is EPROTOCOL, a refused MAIL FROM says so)
  const forRecipient =
    e.command === 'RCPT TO' || e.command === 'DATA' || (e.command === 'CONN' && e.errorCode === 'ECONNECTION');
  const throttle =
    forRecipient && code !== undefined && (code === 421 || code === 454 || /^4\.7\./.test(enhancedCode ?? ''));
  const reason =
    code !== undefined
      ? `${code}${enhancedCode ? ` ${enhancedCode}` : ''}`
      : stage === 'before-data'
        ? 'no connection'
        : 'no reply after the message';
  return { code, enhancedCode, suppress: e.suppress === true, stage, reason, throttle };
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
  if (failure.throttle) {
    // the provider slows (send-batch), the server is fine; "not now" for the session: the attempt does not count
    if (code === 421 || code === 454) return { status: 'queued', retryAt: now, released: true, serverTrouble: false };
    // another 4.7.x may be a refusal of this one recipient: tried a bounded number of times, like any 4xx
    if (attempts >= policy.maxAttempts) return { status: 'failed', suppress: false, serverTrouble: false };
    return { status: 'queued', retryAt: retryAt(attempts, now, policy), released: false, serverTrouble: false };
  }
  // 421: the server closes the session, whoever the recipient
  if (code === 421) return { status: 'queued', retryAt: now, released: true, serverTrouble: true };
  if (code >= 400) {
    if (attempts >= policy.maxAttempts) return { status: 'failed', suppress: false, serverTrouble: true };
    return { status: 'queued', retryAt: retryAt(attempts, now, policy), released: false, serverTrouble: true };
  }
  // a 1xx-3xx reply as an error should not happen: never resend what may have arrived
  return { status: 'uncertain', serverTrouble: true };
}

const retryAt = (attempts: number, now: Date, policy: RetryPolicy) =>
  new Date(now.getTime() + Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1)));

// What a failed send means for its ledger row (pure): retry later, fail for good, or mark uncertain.

export type SendFailure = {
  /** SMTP reply code, absent when no reply came (connection refused, timeout) */
  code: number | undefined;
  enhancedCode: string | undefined;
  /** 5.1.x on the recipient: the address does not exist */
  suppress: boolean;
  /** 'no' when the failure happened before the message could have been accepted (connect, MAIL, RCPT) */
  maybeDelivered: boolean;
  /** a short reason, free of addresses */
  reason: string;
};

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

export type FailureDecision =
  | { status: 'queued'; retryAt: Date; serverTrouble: true }
  | { status: 'failed'; suppress: boolean; serverTrouble: boolean }
  | { status: 'uncertain'; serverTrouble: true };

// RFC 5321 transient replies the issue names, plus any other 4xx: all mean "not now"
const isTransient = (code: number | undefined) => code !== undefined && code >= 400 && code < 500;

/** `attempts` counts this one. Backoff doubles from baseDelayMs, capped at maxDelayMs. */
export function decideFailure(failure: SendFailure, attempts: number, now: Date, policy: RetryPolicy): FailureDecision {
  if (failure.code !== undefined && failure.code >= 500) return { status: 'failed', suppress: failure.suppress, serverTrouble: false };
  if (failure.code === undefined && failure.maybeDelivered) return { status: 'uncertain', serverTrouble: true };
  if (isTransient(failure.code) || failure.code === undefined) {
    if (attempts >= policy.maxAttempts) return { status: 'failed', suppress: false, serverTrouble: true };
    const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
    return { status: 'queued', retryAt: new Date(now.getTime() + delay), serverTrouble: true };
  }
  // 1xx/2xx/3xx as an error should not happen: treat as uncertain rather than resend
  return { status: 'uncertain', serverTrouble: true };
}

/** How long an SMTP server may take at each step before the attempt is given up. */
export type SmtpTimeouts = {
  /** setting the session up, DNS lookup to greeting: nodemailer 10 counts the greeting in it (default 15,000 ms) */
  connectMs?: number;
  /** the server's 220 greeting once connected (default 15,000 ms; nodemailer's own is 30 s) */
  greetingMs?: number;
  /** silence on an open connection, e.g. no reply after the final dot (default 60,000 ms; nodemailer's 10 min) */
  socketMs?: number;
};

export const DEFAULT_SMTP_TIMEOUTS: Required<SmtpTimeouts> = {
  connectMs: 15_000,
  greetingMs: 15_000,
  socketMs: 60_000,
};

/** The same timeouts in nodemailer's option names (SMTPConnection and createTransport take them alike). */
export function nodemailerTimeouts(timeouts: SmtpTimeouts = {}): {
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
} {
  return {
    connectionTimeout: timeouts.connectMs ?? DEFAULT_SMTP_TIMEOUTS.connectMs,
    greetingTimeout: timeouts.greetingMs ?? DEFAULT_SMTP_TIMEOUTS.greetingMs,
    socketTimeout: timeouts.socketMs ?? DEFAULT_SMTP_TIMEOUTS.socketMs,
  };
}

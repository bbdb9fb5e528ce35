/**
 * Where the SMTP transaction was when it failed. 'before-data': the body never left, nothing can have been
 * delivered; 'data': the body was being sent, so a failure with no reply code may have been delivered;
 * 'unknown': the sender could not tell (nodemailer's transport).
 */
export type SmtpStage = 'before-data' | 'data' | 'unknown';

export type SmtpErrorClassification = {
  /** true when retrying the same message to the same recipient would fail again (5xx) */
  permanent: boolean;
  /** true when the address itself is bad (5.1.x): stop mailing it */
  suppress: boolean;
  code: number | undefined;
  enhancedCode: string | undefined;
  response: string;
  /** read from the raw error's `dataStarted` (set by the raw pool); 'unknown' when it has none */
  stage: SmtpStage;
  // command and errorCode are for logs only: nodemailer says 'CONN' for any close or timeout, whatever the stage
  /** nodemailer's command in flight ('CONN', 'MAIL FROM', 'RCPT TO', 'DATA'…) */
  command: string | undefined;
  /** nodemailer's error code ('ECONNECTION', 'ETIMEDOUT', 'EENVELOPE', 'EMESSAGE'…) */
  errorCode: string | undefined;
};

// RFC 3463 X.1.7 and X.1.8 blame our sender address, not the recipient's
const SENDER_ADDRESS_STATUSES = new Set(['5.1.7', '5.1.8']);

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/** Reads the reply code, RFC 3463 enhanced status and text of an SMTP or connection error. */
export function classifySmtpError(error: unknown): SmtpErrorClassification {
  const rawResponse = field(error, 'response');
  const response =
    typeof rawResponse === 'string' ? rawResponse : error instanceof Error ? error.message : String(error);
  const rawCode = field(error, 'responseCode');
  const parsedCode = /^([2-5]\d\d)[ -]/.exec(response)?.[1];
  const code =
    typeof rawCode === 'number'
      ? rawCode
      : typeof rawResponse === 'string' && parsedCode
        ? Number(parsedCode)
        : undefined;
  const enhancedCode = code === undefined ? undefined : /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1];
  // no reply code means the connection failed (ECONNREFUSED, ETIMEDOUT, ESOCKET...): try later
  const permanent = code !== undefined && code >= 500 && code < 600;
  const senderProblem =
    field(error, 'command') === 'MAIL FROM' ||
    (enhancedCode !== undefined && SENDER_ADDRESS_STATUSES.has(enhancedCode));
  const suppress = permanent && enhancedCode !== undefined && enhancedCode.startsWith('5.1.') && !senderProblem;
  const command = field(error, 'command');
  const errorCode = field(error, 'code');
  const dataStarted = field(error, 'dataStarted');
  const stage: SmtpStage = typeof dataStarted === 'boolean' ? (dataStarted ? 'data' : 'before-data') : 'unknown';
  return {
    permanent,
    suppress,
    code,
    enhancedCode,
    response,
    stage,
    command: typeof command === 'string' ? command : undefined,
    errorCode: typeof errorCode === 'string' ? errorCode : undefined,
  };
}

/** The SMTP server (or the connection to it) refused a message; see classifySmtpError. */
export class SmtpSendError extends Error {
  override name = 'SmtpSendError';
  code?: number;
  enhancedCode?: string;
  /** the server's reply as received: it may quote the recipient's address, do not log it as is */
  response: string;
  permanent: boolean;
  suppress: boolean;
  /** 'data' with no code: the message may have been delivered; 'before-data': it was not */
  stage: SmtpStage;
  // for logs only: nodemailer reports any close or timeout as 'CONN', so these never tell the stage
  command?: string;
  errorCode?: string;

  constructor(classification: SmtpErrorClassification) {
    // the message stays free of the server text, which may quote the address
    const status = [classification.code, classification.enhancedCode].filter((part) => part !== undefined).join(' ');
    super(`SMTP send failed (${status || 'no reply'}, ${classification.permanent ? 'permanent' : 'transient'})`);
    if (classification.code !== undefined) this.code = classification.code;
    if (classification.enhancedCode !== undefined) this.enhancedCode = classification.enhancedCode;
    this.response = classification.response;
    this.permanent = classification.permanent;
    this.suppress = classification.suppress;
    this.stage = classification.stage;
    if (classification.command !== undefined) this.command = classification.command;
    if (classification.errorCode !== undefined) this.errorCode = classification.errorCode;
  }

  /** stage overrides what the error says, for a sender that knows it (the outbox's file write) */
  static from(error: unknown, stage?: SmtpStage): SmtpSendError {
    const classification = classifySmtpError(error);
    return new SmtpSendError(stage ? { ...classification, stage } : classification);
  }
}

import { UnrecoverableError } from 'bullmq';
import { SmtpSendError } from '@crieur/mailer';
import { scrubText } from '@crieur/safe-text';

// SMTP replies and driver errors may quote the recipient or carry query parameters: logs get the shape only.
export function redactAddresses(text: string): string {
  return scrubText(text);
}

/**
 * What a failed job may leave in Redis (BullMQ keeps its message, the queue dashboard shows it): the
 * same error with its message scrubbed, its class name and code kept; our own SMTP errors are already safe.
 */
export function scrubError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof SmtpSendError || error instanceof UnrecoverableError) return error;
  const safe = new Error(scrubText(error.message));
  safe.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(safe, { code });
  return safe;
}

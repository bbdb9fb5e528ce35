import { randomBytes } from 'node:crypto';

/** `2026-01-31T09-15-02-123Z-1a2b3c4d.eml`: sorts by time, never holds the recipient's address. */
export function outboxFileName(options: { at: Date; random?: string }): string {
  const stamp = options.at.toISOString().replace(/[:.]/g, '-');
  return `${stamp}-${options.random ?? randomBytes(4).toString('hex')}.eml`;
}

/** The time a name from outboxFileName encodes, or undefined for any other name. */
export function outboxFileTime(file: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-[^/]*\.eml$/.exec(file);
  if (!match) return undefined;
  const [, day, hours, minutes, seconds, millis] = match;
  const at = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

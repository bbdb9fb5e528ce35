import { z } from 'zod';

const EmailSchema = z.email();
const MAX_EMAIL_LENGTH = 254;
// spreadsheets leave zero-width characters that String.trim keeps
const EDGE_INVISIBLES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

function stripWrappers(value: string): string {
  let out = value.replace(EDGE_INVISIBLES, '');
  for (;;) {
    const before = out;
    if (/^mailto:/i.test(out)) out = out.slice('mailto:'.length);
    // writeCsv's formula guard, so an export reads back as it was
    if (/^'[=+\-@]/.test(out)) out = out.slice(1);
    if (out.startsWith('<') && out.endsWith('>')) out = out.slice(1, -1);
    out = out.replace(EDGE_INVISIBLES, '');
    if (out === before) return out;
  }
}

/** Trimmed address with a lowercased domain (local part kept as typed), or null if it is not an address. */
export function normaliseEmail(raw: string): string | null {
  const value = stripWrappers(raw);
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.length > MAX_EMAIL_LENGTH) return null;
  const email = value.slice(0, at) + '@' + value.slice(at + 1).toLowerCase();
  return EmailSchema.safeParse(email).success ? email : null;
}

/** The uniqueness key: the whole address lowercased, as the database's lower(email). */
export function emailKey(email: string): string {
  return email.toLowerCase();
}

import { hashToken, newToken } from '@crieur/auth';
import { ensureFirstAdmin, type Db } from '@crieur/db';

export const FIRST_ADMIN_EMAIL = 'admin@localhost';

/** On an empty database, creates the admin and returns the message with its one-time link. */
export async function bootstrapFirstAdmin(
  db: Db,
  input: { publicUrl: string; now: Date },
): Promise<string | undefined> {
  const token = newToken();
  const created = await ensureFirstAdmin(db, {
    email: FIRST_ADMIN_EMAIL,
    tokenHash: hashToken(token),
    expiresAt: new Date(input.now.getTime() + 7 * 24 * 3600_000),
  });
  if (!created) return undefined;
  return [
    '',
    `  First start: an admin account was created for ${created.email}.`,
    '  Open this one-time link (valid 7 days) to choose its password — it is shown only now:',
    `  ${input.publicUrl}/studio/invitation/${token}`,
    '  (Lost it? Create another admin with: pnpm cli user:create --email you@example.org --role admin)',
    '  For a living reader site at /, add demo dossiers and articles from another terminal,',
    '  while this server runs (pnpm cli commands work through it): pnpm cli seed:demo',
    '',
  ].join('\n');
}

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { recordBounce, type Db } from '@crieur/db';
import { NotADsnError, parseDsn } from '@crieur/mailer';
import { CliError, type CommandIo } from '../command';

const fr = new Intl.NumberFormat('fr-FR');

/** `pnpm cli bounces:import <files…>`: delivery reports saved as .eml files (RFC 3464). */
export async function bouncesImport(db: Db, argv: string[], io: CommandIo): Promise<void> {
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0)
    throw new CliError('Give one or more delivery reports (.eml files): pnpm cli bounces:import bounces/*.eml');
  let hard = 0;
  let soft = 0;
  let unknown = 0;
  const skipped: string[] = [];
  for (const file of files) {
    let raw: Buffer;
    try {
      raw = await readFile(file);
    } catch {
      skipped.push(`${basename(file)}: cannot be read`);
      continue;
    }
    try {
      const dsn = await parseDsn(raw);
      for (const r of dsn.recipients) {
        if (r.kind === 'none') continue;
        const result = await recordBounce(db, {
          email: r.email,
          kind: r.kind,
          status: r.status,
          messageId: dsn.originalMessageId,
          now: new Date(),
        });
        if (r.kind === 'hard') hard++;
        else soft++;
        if (!result.known) unknown++;
      }
    } catch (error) {
      if (!(error instanceof NotADsnError)) throw error;
      skipped.push(`${basename(file)}: ${error.message}`);
    }
  }
  io.out(
    `${fr.format(files.length)} file(s): ${fr.format(hard)} hard bounce(s) suppressed, ${fr.format(soft)} soft bounce(s) counted${unknown ? `, ${fr.format(unknown)} for addresses not in the subscriber base` : ''}.`,
  );
  for (const line of skipped) io.out(`skipped ${line}`);
  if (skipped.length === files.length) throw new CliError('No delivery report could be read: nothing was recorded.');
}

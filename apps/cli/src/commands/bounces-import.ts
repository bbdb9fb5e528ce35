import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Db } from '@crieur/db';
import { NotInboundMailError, parseInbound } from '@crieur/mailer';
import { recordInboundMail } from '@crieur/sending';
import { CliError, type CommandIo } from '../command';

const fr = new Intl.NumberFormat('fr-FR');

/**
 * `pnpm cli bounces:import <files…>`: messages received for us, saved as .eml files: delivery reports (RFC 3464),
 * feedback-loop complaints (ARF) and unsubscribe requests sent to the List-Unsubscribe mailto target.
 */
export async function bouncesImport(db: Db, argv: string[], io: CommandIo): Promise<void> {
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0)
    throw new CliError('Give one or more received messages (.eml files): pnpm cli bounces:import bounces/*.eml');
  const counts = { hard: 0, soft: 0, unknown: 0, complaints: 0, unsubscribes: 0, ignored: 0 };
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
      const outcome = await recordInboundMail(db, await parseInbound(raw), new Date());
      if ('recorded' in outcome)
        for (const r of outcome.recorded) {
          counts[r.kind]++;
          if (!r.known) counts.unknown++;
        }
      else if ('complaint' in outcome)
        counts.complaints += 'suppressed' in outcome.complaint && outcome.complaint.suppressed ? 1 : 0;
      else if ('ignored' in outcome.unsubscribe) counts.ignored++;
      else if (outcome.unsubscribe.known) counts.unsubscribes++;
      else counts.unknown++;
    } catch (error) {
      if (!(error instanceof NotInboundMailError)) throw error;
      skipped.push(`${basename(file)}: ${error.message}`);
    }
  }
  const parts = [
    `${fr.format(counts.hard)} hard bounce(s) suppressed`,
    `${fr.format(counts.soft)} soft bounce(s) counted`,
    `${fr.format(counts.complaints)} complaint(s) suppressed`,
    `${fr.format(counts.unsubscribes)} unsubscribe request(s) done`,
    ...(counts.ignored
      ? [`${fr.format(counts.ignored)} unsubscribe request(s) ignored (forged sender, or naming no email we sent them)`]
      : []),
  ];
  io.out(
    `${fr.format(files.length)} file(s): ${parts.join(', ')}${counts.unknown ? `, ${fr.format(counts.unknown)} for addresses not in the subscriber base` : ''}.`,
  );
  for (const line of skipped) io.out(`skipped ${line}`);
  if (skipped.length === files.length) throw new CliError('No received message could be read: nothing was recorded.');
}

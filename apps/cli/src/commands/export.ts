import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { writeCsv } from '@crieur/import';
import { confirmedSubscriberRows, EXPORT_HEADER, listIdsBySlugs, type Db } from '@crieur/db';
import { CliError, type CommandIo } from '../command';

/** Confirmed subscribers of a list, as UTF-8 CSV with BOM (Excel opens it right), to a file or stdout. */
export async function exportCommand(db: Db, argv: string[], io: CommandIo): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { list: { type: 'string' }, out: { type: 'string' } } });
  if (!values.list) throw new CliError('Usage: pnpm cli export --list <slug> [--out file.csv]');
  const [list] = await listIdsBySlugs(db, [values.list]);
  if (!list) throw new CliError(`Unknown list "${values.list}": see pnpm cli lists.`);
  const target: Writable = values.out ? createWriteStream(values.out) : io.stdout;
  await pipeline(Readable.from(writeCsv(EXPORT_HEADER, confirmedSubscriberRows(db, list.id))), target, {
    end: Boolean(values.out),
  });
  if (values.out) io.out(`Exported ${list.slug} to ${values.out}`);
}

import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ImportFileError, problemLabel, runImport, writeCsv } from '@crieur/import';
import { createImport, createImportStore, finishImport, importProblemRows, listIdsBySlugs, type Db } from '@crieur/db';
import { CliError, type CommandIo } from '../command';

const nf = new Intl.NumberFormat('fr-FR');

export async function importCommand(db: Db, argv: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      list: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'consent-source': { type: 'string' },
      report: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || !values.list)
    throw new CliError(
      'Usage: pnpm cli import <file.csv> --list <slug> [--consent-source "…"] [--dry-run] [--report problems.csv]',
    );
  let totalBytes: number;
  try {
    totalBytes = statSync(file).size;
  } catch {
    throw new CliError(`Cannot read ${file}: check the path.`);
  }
  const [list] = await listIdsBySlugs(db, [values.list]);
  if (!list) throw new CliError(`Unknown list "${values.list}": see pnpm cli lists.`);
  const consentSource = values['consent-source']?.trim() || null;
  if (list.legalBasis === 'consent' && !consentSource)
    throw new CliError(
      `"${list.slug}" is a consent list: say where these people consented, with --consent-source "…".`,
    );

  const dryRun = values['dry-run'] ?? false;
  let importId: string | undefined;
  const started = Date.now();
  const store = createImportStore(db, {
    listId: list.id,
    legalBasis: list.legalBasis,
    consentNote: consentSource,
    actorId: null,
    dryRun,
    now: () => new Date(),
    id: () => importId,
  });
  try {
    const totals = await runImport({
      input: createReadStream(file),
      store: {
        importBatch: store.importBatch,
        recordProgress: async (p) => {
          await store.recordProgress(p);
          io.progress?.(
            `${Math.round((100 * p.processedBytes) / Math.max(totalBytes, 1))} % · ${nf.format(p.rows)} lignes · ${nf.format(p.imported)} importées`,
          );
        },
      },
      onStarted: async () => {
        importId = await createImport(db, {
          listId: list.id,
          actorId: null,
          dryRun,
          fileName: file.split('/').pop() ?? file,
          consentSource,
          totalBytes,
          now: new Date(),
        });
      },
    });
    await finishImport(db, { id: importId!, status: 'done', now: new Date() });
    const seconds = (Date.now() - started) / 1000;
    io.out(
      `${dryRun ? 'Dry run (nothing written): ' : ''}${nf.format(totals.rows)} rows read in ${seconds.toFixed(1)} s — ${nf.format(totals.imported)} imported, ` +
        `${nf.format(totals.alreadySubscribed)} already subscribed, ${nf.format(totals.problems)} not imported.`,
    );
    if (values.report && totals.problems > 0) {
      await pipeline(
        Readable.from(writeCsv(['Ligne', 'Adresse', 'Raison'], problemRows(db, importId!))),
        createWriteStream(values.report),
      );
      io.out(`Report of the lines not imported: ${values.report}`);
    } else if (totals.problems > 0) {
      io.out('Add --report problems.csv to get each line not imported and why.');
    }
  } catch (error) {
    // stored and shown in the studio: a database error's message would carry the file's addresses
    const reason = error instanceof ImportFileError ? error.message : "L'import s'est arrêté sur une erreur interne.";
    if (importId) await finishImport(db, { id: importId, status: 'failed', error: reason, now: new Date() });
    if (error instanceof ImportFileError) throw new CliError(`Nothing imported: ${error.message}`);
    throw error;
  }
}

async function* problemRows(db: Db, importId: string): AsyncGenerator<string[]> {
  for await (const p of importProblemRows(db, importId)) yield [String(p.line), p.value, problemLabel(p.reason)];
}

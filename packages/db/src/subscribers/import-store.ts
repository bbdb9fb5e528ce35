import type { Db } from '../database';
import { importRows, type ImportInputRow } from './import-rows';
import { importProblemsPage, recordImportProgress } from './imports';
import { confirmedPage } from './staff-queries';

/** The database side of an import, shaped as the import package's ImportStore asks. */
export function createImportStore(
  db: Db,
  o: {
    listId: number;
    legalBasis: 'consent' | 'legitimate_interest';
    consentNote: string | null;
    actorId: string | null;
    dryRun: boolean;
    now: () => Date;
    id: () => string | undefined;
  },
) {
  return {
    importBatch: (rows: ImportInputRow[]) =>
      importRows(db, {
        listId: o.listId,
        legalBasis: o.legalBasis,
        rows,
        consentNote: o.consentNote,
        actorId: o.actorId,
        importId: o.id() ?? null,
        now: o.now(),
        dryRun: o.dryRun,
      }),
    recordProgress: async (p: {
      processedBytes: number;
      rows: number;
      imported: number;
      alreadySubscribed: number;
      skipped: number;
      newProblems: { line: number; reason: string; value: string }[];
    }) => {
      const id = o.id();
      if (id)
        await recordImportProgress(db, {
          id,
          processedBytes: p.processedBytes,
          rows: p.rows,
          imported: p.imported,
          alreadySubscribed: p.alreadySubscribed,
          skipped: p.skipped,
          problems: p.newProblems,
        });
    },
  };
}

export const EXPORT_HEADER = ['Email', 'Nom', 'Langue', 'Confirmé le'];

/** A list's confirmed subscribers as export rows, read in pages so any size streams. */
export async function* confirmedSubscriberRows(db: Db, listId: number): AsyncGenerator<string[]> {
  for (let afterId: string | undefined; ;) {
    const page = await confirmedPage(db, { listId, afterId, limit: 2000 });
    for (const s of page) yield [s.email, s.name, s.locale, s.confirmedAt?.toISOString().slice(0, 10) ?? ''];
    if (page.length < 2000) return;
    afterId = page.at(-1)!.id;
  }
}

/** Every refused line of an import, in order, read in pages: for reports of any size. */
export async function* importProblemRows(
  db: Db,
  importId: string,
): AsyncGenerator<{ line: number; reason: string; value: string }> {
  for (let afterId: number | undefined; ;) {
    const page = await importProblemsPage(db, { importId, afterId, limit: 2000 });
    yield* page;
    if (page.length < 2000) return;
    afterId = page.at(-1)!.id;
  }
}

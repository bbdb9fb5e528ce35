// One import of a generated CSV into a fresh list, in its own process so its peak memory is its own.
// Usage: tsx apps/cli/bench/import-child.ts <rows> <DATABASE_URL>; prints {"rows","seconds","maxRssMb","heapUsedMb"}.
import { Readable } from 'node:stream';
import { createImportStore, listIdsBySlugs, openDatabase } from '@crieur/db';
import { runImport } from '@crieur/import';

const rows = Number(process.argv[2]);
const database = await openDatabase({ databaseUrl: process.argv[3], poolSize: 2 });

// the file as French Excel writes it, generated in chunks: the input costs no memory
async function* csv(): AsyncGenerator<Buffer> {
  let chunk = '\ufeffPrénom;Nom;Courriel;Ville\r\n';
  for (let i = 0; i < rows; i++) {
    chunk += `Hélène${i};Lefèvre ${i};helene.${i}.${rows}@exemple-asso.fr;Besançon\r\n`;
    if (chunk.length > 64 * 1024) {
      yield Buffer.from(chunk);
      chunk = '';
    }
  }
  yield Buffer.from(chunk);
}

const [list] = await listIdsBySlugs(database.db, ['adherents']);
const started = performance.now();
const totals = await runImport({
  input: Readable.from(csv()),

  store: createImportStore(database.db, {
    listId: list!.id,
    legalBasis: list!.legalBasis,
    consentNote: null,
    actorId: null,
    dryRun: false,
    now: () => new Date(),
    id: () => undefined,
  }),
});
const seconds = (performance.now() - started) / 1000;
if (totals.imported !== rows) throw new Error(`imported ${totals.imported} of ${rows}`);
process.stdout.write(
  JSON.stringify({
    rows,
    seconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 1048576,
  }) + '\n',
);
await database.close();

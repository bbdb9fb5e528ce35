import { openDatabase, searchArticles } from '@crieur/db';
import { createTestDatabase, seedSearchArticles } from '@crieur/db/testing';

const backend = process.argv[2] ?? 'pg';
const t = backend === 'pg' ? await createTestDatabase('searchtry') : null;
const d = t ? await openDatabase({ databaseUrl: t.url }) : await openDatabase({ inMemory: true });
await d.migrate();
const now = new Date();
let t0 = performance.now();
await seedSearchArticles(d.db, { count: Number(process.argv[3] ?? 10000), now });
console.log('seed', ((performance.now() - t0) / 1000).toFixed(1), 's', t?.url);
for (const q of ['démocratie', 'permaculture', 'budget participatif', 'elus', '"assemblée citoyenne"', 'participation -jury', 'le la', '!!']) {
  const times: number[] = [];
  let r;
  for (let i = 0; i < 15; i++) { t0 = performance.now(); r = await searchArticles(d.db, { q, now, page: 1, pageSize: 10 }); times.push(performance.now() - t0); }
  times.sort((a, b) => a - b);
  console.log(q, 'total', r!.total, 'p50', times[7]!.toFixed(1), 'max', times[14]!.toFixed(1), JSON.stringify(r!.items[0]?.title), JSON.stringify(r!.items[0]?.excerpt));
}
await d.close();
if (process.argv[4] !== 'keep') await t?.drop();

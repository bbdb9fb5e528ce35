import { openDatabase, searchArticles } from '@crieur/db';
const d = await openDatabase({ inMemory: true }); await d.migrate();

for (const q of ['', '   ', 'le la les de', '!!! ?? :', '&|!()<->:*', "l'", 'x'.repeat(5000)]) {
  try { console.log(JSON.stringify(q.slice(0,20)), JSON.stringify(await searchArticles(d.db, { q, now: new Date(), page: 1, pageSize: 10 }))); } catch (e) { console.log('ERR', q, e) }
}
await d.close();

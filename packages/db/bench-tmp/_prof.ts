import { openDatabase } from '../src';
import { seedSearchArticles } from '../src/testing';
import { sql } from 'drizzle-orm';
const d = await openDatabase({ inMemory: true }); await d.migrate();
await seedSearchArticles(d.db, { count: 3000, now: new Date(), words: 900 });
const ex = async (label: string, q: string) => {
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    const r = (await d.db.execute(sql.raw(q))) as unknown as { rows: Record<string, string>[] };
    const ms = performance.now() - t0;
    if (i === 1) console.log(label, ms.toFixed(1), 'ms', r.rows.map((x) => Object.values(x)[0]).filter((l) => /actual time=|Execution|Planning/.test(String(l))).slice(0, 6).join('\n   '));
  }
};
const Q = "websearch_to_tsquery('public.fr_unaccent','permaculture')";
await ex('gin count', `explain analyze select count(*) from article_revisions where search @@ ${Q}`);
await ex('headline10', `explain analyze select ts_headline('public.fr_unaccent', r.lede || ' ' || array_to_string(array(select jsonb_array_elements_text(jsonb_path_query_array(r.body, 'strict $.**.text'))), ' '), ${Q}, 'MaxFragments=2') from article_revisions r limit 10`);
await ex('bodytext10', `explain analyze select array_to_string(array(select jsonb_array_elements_text(jsonb_path_query_array(r.body, 'strict $.**.text'))), ' ') from article_revisions r limit 10`);
await ex('detoast all', `explain analyze select sum(length(search)) from article_revisions`);
await ex('rank 500', `explain analyze select sum(ts_rank(search, ${Q})) from (select search from article_revisions limit 500) s`);
await ex('hits join', `explain analyze select count(*) from article_revisions r join articles a on a.live_revision_id = r.id where r.search @@ websearch_to_tsquery('public.fr_unaccent','démocratie') and a.status='published' and a.published_at <= now()`);
await d.close();

// `pnpm bench`: every public page type on loopback (PostgreSQL, a realistic site), against a static file served by
// the same server in the same run (the ratio is what compares across machines), and the studio's first-load script.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { startBenchServer } from './bench-server';
import { seedReaderSite, type ReaderSite } from './reader-site';

const emit = (bench: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(2)), unit })}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);

const dist = path.resolve(import.meta.dirname, '..', '..', 'studio', 'dist');
const seconds = 2;

let site!: ReaderSite;
const started = performance.now();
const { app, close } = await startBenchServer({
  label: 'bench',
  seed: async (database) => {
    site = await seedReaderSite(database);
  },
  deps: { studioDir: dist },
});
note(`reader site seeded and server started in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;

const pages: [type: string, url: string][] = [
  ['home', '/'],
  ['article', `/articles/${site.article}`],
  ['dossier', `/dossiers/${site.dossier}`],
  ['dossiers', '/dossiers'],
  ['rubrique', `/rubriques/${site.rubrique}`],
  ['tag', `/mots-cles/${site.tag}`],
  ['search', `/recherche?q=${encodeURIComponent(site.search)}`],
  ['archive', '/archive'],
  ['archive_letter', `/archive/${site.letter}`],
  ['mentions_legales', '/mentions-legales'],
  ['confidentialite', '/confidentialite'],
  ['contact', '/contact'],
  ['feed', '/feed.xml'],
  // the network's pages, 1,000 events and 1,000 offers behind them (issue 17)
  ['agenda', '/agenda'],
  ['offres', '/offres'],
  ['event', `/agenda/${site.event}`],
  ['offer', `/offres/${site.offer}`],
  ['agenda_feed', '/agenda/feed.xml'],
  ['rubrique_feed', `/rubriques/${site.rubrique}/feed.xml`],
  ['dossier_feed', `/dossiers/${site.dossier}/feed.xml`],
];

// the static file: a studio asset of about a page's size (hashed, immutable, served by @fastify/static)
const home = await fetch(`${base}/`).then((r) => r.text());
const assets = readdirSync(path.join(dist, 'assets')).map((f) => ({
  f,
  bytes: statSync(path.join(dist, 'assets', f)).size,
}));
const staticFile = assets.sort((a, b) => Math.abs(a.bytes - home.length) - Math.abs(b.bytes - home.length))[0]!;
note(`static file: /studio/assets/${staticFile.f} (${staticFile.bytes} bytes; home page ${home.length} bytes)`);

const measure = async (url: string, duration: number, headers: Record<string, string> = {}) => {
  // a first view fills the cache, as any reader's would
  await fetch(`${base}${url}`).then((r) => r.arrayBuffer());
  const cpu = process.cpuUsage();
  const result = await autocannon({ url: `${base}${url}`, connections: 10, duration, headers });
  const used = process.cpuUsage(cpu);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  // CPU per request (server and load generator share this process): steadier than req/s on a busy machine
  const cpuUs = (used.user + used.system) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, p99: result.latency.p99, cpuUs };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const staticUrl = `/studio/assets/${staticFile.f}`;
  // warm-up: the first seconds of a fresh process measure the JIT, not the server
  for (const url of [staticUrl, '/', `/articles/${site.article}`])
    await autocannon({ url: `${base}${url}`, connections: 10, duration: 1 });
  const statics: Awaited<ReturnType<typeof measure>>[] = [];
  const measured: { type: string; rps: number }[] = [];
  const missing: string[] = [];
  // browsers and feed readers ask for gzip: the two largest pages once more as they would fetch them
  const gzipRuns: [type: string, url: string][] = [
    ['home_gzip', '/'],
    ['feed_gzip', '/feed.xml'],
  ];
  for (const [type, url] of [...pages, ...gzipRuns]) {
    const probe = await fetch(`${base}${url}`, { headers: { 'accept-encoding': 'identity' } });
    await probe.arrayBuffer();
    if (probe.status !== 200) {
      missing.push(type);
      note(`reader.${type}: ${url} answers ${probe.status}, not measured`);
      continue;
    }
    // the static file between the pages, so that its median sees the machine as the pages did
    statics.push(await measure(staticUrl, 1));
    const run = await measure(url, seconds, type.endsWith('_gzip') ? { 'accept-encoding': 'gzip' } : {});
    emit(`reader.${type}.req_per_s`, run.rps, 'req/s');
    emit(`reader.${type}.p99_ms`, run.p99, 'ms');
    emit(`reader.${type}.cpu_us_per_req`, run.cpuUs, 'µs');
    measured.push({ type, rps: run.rps });
    // the names the earlier audits tracked
    if (type === 'article') {
      emit('reader.article_requests_per_second', run.rps, 'req/s');
      emit('reader.article_latency_p99', run.p99, 'ms');
    }
  }
  if (statics.length) {
    const staticRps = median(statics.map((s) => s.rps));
    for (const m of measured) emit(`reader.${m.type}.ratio_vs_static`, m.rps / staticRps, 'ratio');
    emit('reader.static.req_per_s', staticRps, 'req/s');
    emit('reader.static.p99_ms', median(statics.map((s) => s.p99)), 'ms');
    emit('reader.static.cpu_us_per_req', median(statics.map((s) => s.cpuUs)), 'µs');
  }
  if (missing.length) note(`not measured (no 200): ${missing.join(', ')}`);
} finally {
  await close();
}

// the studio's first load: index.html's entry script and the chunks it preloads, gzipped
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/studio\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const gzipKb = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dist, f))).length, 0) / 1024;
emit('studio.first_load_js_gzip', gzipKb, 'KiB');

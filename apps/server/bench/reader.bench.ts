// `pnpm bench`: /articles/:slug throughput on loopback (PostgreSQL), and the studio's first-load JavaScript.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { createArticle, listRubriques, setArticleStatus } from '@crieur/db';
import { startBenchServer } from './bench-server';

const emit = (bench: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(1)), unit })}\n`);

// a realistic piece: about 1,200 words in twelve paragraphs with headings, links and a quote
const paragraph = (i: number) => ({
  type: 'paragraph',
  content: [
    {
      type: 'text',
      text: `Dans cette commune, la participation n'est plus un rituel mais une méthode (${i}). `.repeat(6),
    },
    { type: 'text', text: 'un lien', marks: [{ type: 'link', attrs: { href: 'https://example.org/source' } }] },
    { type: 'text', text: ' et une phrase en gras.', marks: [{ type: 'bold' }] },
  ],
});
const body = {
  type: 'doc',
  content: Array.from({ length: 12 }, (_, i) =>
    i % 4 === 1
      ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Partie ${i}` }] }
      : i === 6
        ? { type: 'blockquote', content: [paragraph(i)] }
        : paragraph(i),
  ),
};

const { app, close } = await startBenchServer({
  label: 'bench',
  seed: async ({ db }) => {
    const [rubrique] = await listRubriques(db);
    const now = new Date();
    const id = await createArticle(db, {
      title: 'Les communes sauveront-elles la démocratie ?',
      slug: 'les-communes',
      rubriqueId: rubrique!.id,
      dossierId: null,
      body,
      authors: ['Camille Roux'],
      userId: null,
      now,
    });
    await setArticleStatus(db, {
      id,
      from: 'draft',
      to: 'published',
      publishedAt: new Date(now.getTime() - 1000),
      userId: null,
      now,
    });
  },
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
try {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/articles/les-communes`,
    connections: 10,
    duration: 8,
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
  emit('reader.article_requests_per_second', result.requests.average, 'req/s');
  emit('reader.article_latency_p99', result.latency.p99, 'ms');
} finally {
  await close();
}

// the studio's first load: index.html's entry script and the chunks it preloads, gzipped
const dist = path.resolve(import.meta.dirname, '..', '..', 'studio', 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/studio\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const gzipKb = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dist, f))).length, 0) / 1024;
emit('studio.first_load_js_gzip', gzipKb, 'KiB');

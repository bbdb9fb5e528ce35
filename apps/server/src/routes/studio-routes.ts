import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const NOT_BUILT = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Studio — pas encore construit</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>Le studio n'est pas encore construit</h1><p>Lancez <code>pnpm build</code> (ou <code>pnpm start</code>, qui le fait) puis rechargez la page.</p></body></html>`;

/** Serves the studio build; every /studio/* path without a file gets index.html (client routing). */
export async function studioRoutes(app: FastifyInstance, studioDir: string): Promise<void> {
  const indexFile = path.join(studioDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/studio', (_req, reply) => reply.redirect('/studio/'));
    app.get('/studio/*', (_req, reply) => reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT));
    return;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  await app.register(fastifyStatic, {
    root: studioDir,
    prefix: '/studio/',
    index: false,
    wildcard: false,
    // hashed assets never change; index.html always revalidates
    setHeaders: (res, filePath) => {
      res.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const sendIndex = (_req: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  app.get('/studio', (_req, reply) => reply.redirect('/studio/'));
  app.get('/studio/', sendIndex);
  app.get('/studio/*', sendIndex);
}

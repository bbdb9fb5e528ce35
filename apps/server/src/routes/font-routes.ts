import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { FONT_FACES } from '../public/fonts';

/** `/fonts/<version>/<file>.woff2`: the reader site's typefaces, a few hundred KB held in memory from the start. */
export function fontRoutes(app: FastifyInstance): void {
  const files = new Map(FONT_FACES.map((face) => [face.url, readFileSync(face.path)]));
  app.get('/fonts/:version/:file', async (request, reply) => {
    const body = files.get(request.url.split('?')[0]!);
    if (!body) return reply.status(404).type('text/plain; charset=utf-8').send('Fichier introuvable.');
    // the address carries the package's version: the file under it never changes
    return reply.type('font/woff2').header('cache-control', 'public, max-age=31536000, immutable').send(body);
  });
}

import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type Rendered = { body: string; etag: string };
export const rendered = (body: string): Rendered => ({
  body,
  etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
});

/** Sends a page with a strong ETag; a matching If-None-Match gets a 304 and no body. */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  page: string | Rendered,
  type = 'text/html; charset=utf-8',
  maxAge = 60,
) {
  const { body, etag } = typeof page === 'string' ? rendered(page) : page;
  void reply.header('etag', etag).header('cache-control', `public, max-age=${maxAge}, stale-while-revalidate=600`);
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type(type).send(body);
}

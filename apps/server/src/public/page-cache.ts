// The public pages' cache: a page is rendered once per content stamp, then answered from memory. It sits in front of
// every public GET route, whatever renders the page: only answers the route itself marks `public` are kept.
import { createHash } from 'node:crypto';
import { constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { ContentStamp } from './content-stamp';

export type PageCacheOptions = {
  /** Bytes of pages without a query string (home, articles, feeds…). */
  maxBytes?: number;
  /** Bytes of pages with a query string (searches, tracking parameters): their own budget, so a flood of queries
   *  cannot push the site's pages out. */
  queryMaxBytes?: number;
  /** Longer addresses are never kept. */
  maxUrlLength?: number;
};

export type PageCacheStats = { hits: number; misses: number; stores: number };

type Gzipped = { body: Buffer; etag: string };
type Entry = {
  stamp: string;
  body: Buffer;
  etag: string;
  // compressed once when stored: most readers' browsers take gzip, and pages shrink about fivefold
  gzip: Gzipped | null;
  headers: Record<string, string | string[]>;
};
type Pending = { key: string; stamp: string; done: (entry: Entry | null) => void };

// personal pages and forms, the staff's side and files: never kept, whatever they send
const NEVER = ['/api', '/studio', '/media', '/healthz', '/subscribe', '/confirm', '/unsubscribe', '/preferences'];
// what a stored answer does not carry over to the next one
const NOT_REPLAYED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'age']);
const TEXT = /^(text\/|application\/([a-z.+-]+\+)?(xml|json)\b)/i;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
// a reader waiting for another's rendering of the same page renders it alone after this
const FOLLOWER_WAIT_MS = 10_000;

const within = <T>(promise: Promise<T | null>, ms: number): Promise<T | null> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
};

export function cacheablePath(url: string): boolean {
  const path = url.split('?', 1)[0]!;
  return !NEVER.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}.`));
}

/** If-None-Match: a list of tags, weak or strong, or `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/** Accept-Encoding names gzip (or `*`) without q=0. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  return String(header)
    .toLowerCase()
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.split(';').map((x) => x.trim());
      if (coding !== 'gzip' && coding !== '*') return false;
      const q = params.find((x) => x.startsWith('q='));
      return !q || Number(q.slice(2)) > 0;
    });
}

function gzipped(body: Buffer, etag: string): Gzipped | null {
  if (body.length < 1024) return null;
  const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
  // a representation of its own, so a tag of its own (the strong tag names exact bytes)
  return gz.length < body.length ? { body: gz, etag: etag.replace(/"$/, '-gz"') } : null;
}

/** What the answer says about itself: kept only when public, personal to nobody, and text. */
export function storable(reply: FastifyReply, payload: unknown): payload is string | Buffer {
  if (reply.statusCode !== 200) return false;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return false;
  const headers = reply.getHeaders();
  const cacheControl = String(headers['cache-control'] ?? '').toLowerCase();
  if (!cacheControl.startsWith('public') || /no-store|private|no-cache/.test(cacheControl)) return false;
  if (headers['set-cookie'] !== undefined || headers['content-encoding'] !== undefined) return false;
  // an answer that differs by request header is not one page (compression aside)
  const vary = String(headers['vary'] ?? '').toLowerCase();
  if (vary && vary.split(',').some((v) => v.trim() !== 'accept-encoding')) return false;
  return TEXT.test(String(headers['content-type'] ?? ''));
}

/** Registers the hooks: after helmet, so its headers (CSP…) are on every answer from the cache too. */
export function registerPageCache(app: FastifyInstance, stamps: ContentStamp, options: PageCacheOptions = {}): void {
  const maxUrlLength = options.maxUrlLength ?? 512;
  const lru = (maxSize: number) =>
    new LRUCache<string, Entry>({
      maxSize,
      maxEntrySize: Math.floor(maxSize / 8),
      sizeCalculation: (e) => e.body.length + (e.gzip?.body.length ?? 0) + 512,
    });
  const pages = lru(options.maxBytes ?? 32 * 1024 * 1024);
  const queries = lru(options.queryMaxBytes ?? 8 * 1024 * 1024);
  const storeOf = (url: string) => (url.includes('?') ? queries : pages);
  // concurrent misses of one page under one stamp render it once: the others wait for the first
  const inFlight = new Map<string, Promise<Entry | null>>();
  const pending = new WeakMap<FastifyRequest, Pending>();
  const answered = new WeakSet<FastifyRequest>();
  const stats: PageCacheStats = { hits: 0, misses: 0, stores: 0 };
  app.decorate('pageCacheStats', () => ({ ...stats }));

  const answer = (request: FastifyRequest, reply: FastifyReply, entry: Entry) => {
    stats.hits++;
    answered.add(request);
    void reply.headers(entry.headers);
    const gz = entry.gzip && acceptsGzip(request.headers['accept-encoding']) ? entry.gzip : null;
    if (gz) void reply.header('content-encoding', 'gzip').header('etag', gz.etag);
    const inm = request.headers['if-none-match'];
    // either tag names the same page: the reader's copy is still good
    if (etagMatches(inm, entry.etag) || (entry.gzip && etagMatches(inm, entry.gzip.etag)))
      return reply.status(304).send();
    return reply.status(200).send(gz ? gz.body : entry.body);
  };

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const url = request.url;
    if (url.length > maxUrlLength || !cacheablePath(url)) return;
    let stamp: string;
    try {
      stamp = await stamps.current();
    } catch (error) {
      // the database is away: the route answers as it can, uncached
      request.log.warn({ err: error }, 'content stamp not read');
      return;
    }
    const store = storeOf(url);
    const entry = store.get(url);
    if (entry?.stamp === stamp) return answer(request, reply, entry);
    const flightKey = `${stamp}\n${url}`;
    const flight = inFlight.get(flightKey);
    if (flight) {
      const shared = await within(flight, FOLLOWER_WAIT_MS);
      if (shared) return answer(request, reply, shared);
      return;
    }
    stats.misses++;
    // only a GET renders for the others (a HEAD's answer has no body to keep)
    if (request.method !== 'GET') return;
    let done!: (entry: Entry | null) => void;
    const promise = new Promise<Entry | null>((resolve) => (done = resolve));
    inFlight.set(flightKey, promise);
    const finish = (e: Entry | null) => {
      if (inFlight.get(flightKey) === promise) inFlight.delete(flightKey);
      done(e);
    };
    pending.set(request, { key: url, stamp, done: finish });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const p = pending.get(request);
    if (!p || answered.has(request)) return payload;
    pending.delete(request);
    if (!storable(reply, payload)) {
      p.done(null);
      return payload;
    }
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    let etag = reply.getHeader('etag');
    if (typeof etag !== 'string') {
      etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      void reply.header('etag', etag);
    }
    // the answer depends on Accept-Encoding from now on (hits may be compressed): shared caches must know
    void reply.header('vary', 'accept-encoding');
    const headers: Entry['headers'] = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && !NOT_REPLAYED.has(name))
        headers[name] = typeof value === 'number' ? `${value}` : value;
    }
    const entry: Entry = { stamp: p.stamp, body, etag, gzip: gzipped(body, etag), headers };
    stats.stores++;
    storeOf(p.key).set(p.key, entry);
    p.done(entry);
    return payload;
  });

  const settle = (request: FastifyRequest) => {
    const p = pending.get(request);
    if (p) {
      pending.delete(request);
      p.done(null);
    }
  };
  app.addHook('onResponse', async (request) => {
    settle(request);
    // this process wrote something: the next page view reads the stamp again
    if (!READS.has(request.method)) stamps.drop();
  });
  app.addHook('onRequestAbort', async (request) => settle(request));
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts of the public pages' cache (tests and logs; never shown to readers). */
    pageCacheStats(): PageCacheStats;
  }
}

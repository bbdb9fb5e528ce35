import { describe, expect, it } from 'vitest';
import { createContentStamp } from './content-stamp';
import { acceptsGzip, cacheablePath, etagMatches } from './page-cache';

// a database side that counts its reads and answers what the test sets
function world() {
  const w = {
    reads: 0,
    value: 'a',
    nextChangeAt: null as Date | null,
    app: new Date('2026-03-02T09:00:00Z'),
    real: 0,
    local: 0,
    gate: null as Promise<void> | null,
  };
  const stamp = createContentStamp({
    read: async () => {
      w.reads++;
      const value = w.value;
      if (w.gate) await w.gate;
      return { stamp: value, nextChangeAt: w.nextChangeAt };
    },
    now: () => w.app,
    local: () => w.local,
    realNow: () => w.real,
  });
  return { w, stamp };
}

describe('content stamp', () => {
  it('reads the database at most once a second of real time', async () => {
    const { w, stamp } = world();
    expect(await stamp.current()).toBe('a|0');
    w.value = 'b';
    w.real = 999;
    w.app = new Date(w.app.getTime() + 999);
    expect(await stamp.current()).toBe('a|0');
    expect(w.reads).toBe(1);
    w.real = 1000;
    w.app = new Date(w.app.getTime() + 1);
    expect(await stamp.current()).toBe('b|0');
    expect(w.reads).toBe(2);
  });

  it('reads again when the app’s clock jumps, goes back, or reaches the next publication', async () => {
    const { w, stamp } = world();
    w.nextChangeAt = new Date('2026-03-02T12:00:00Z');
    await stamp.current();
    w.app = new Date('2026-03-02T10:00:00Z');
    await stamp.current();
    expect(w.reads).toBe(2);
    w.app = new Date('2026-03-02T09:30:00Z');
    await stamp.current();
    expect(w.reads).toBe(3);
    // a clock that stands still (tests) keeps the stamp until real time says otherwise
    await stamp.current();
    expect(w.reads).toBe(3);
    w.real = 500;
    w.app = new Date('2026-03-02T09:30:00.400Z');
    await stamp.current();
    expect(w.reads).toBe(3);
    w.app = new Date('2026-03-02T12:00:00Z');
    w.real = 600;
    await stamp.current();
    expect(w.reads).toBe(4);
  });

  it('reads again after a drop, and never keeps a read that started before it', async () => {
    const { w, stamp } = world();
    await stamp.current();
    let open!: () => void;
    w.gate = new Promise<void>((r) => (open = r));
    stamp.drop();
    const before = stamp.current();
    // the write lands while that read is under way: its answer may predate it
    w.value = 'b';
    stamp.drop();
    w.gate = null;
    open();
    expect(await before).toBe('a|0');
    expect(await stamp.current()).toBe('b|0');
    expect(w.reads).toBe(3);
  });

  it('carries what changes in memory (the association’s name) at once', async () => {
    const { w, stamp } = world();
    expect(await stamp.current()).toBe('a|0');
    w.local = 1;
    expect(await stamp.current()).toBe('a|1');
    expect(w.reads).toBe(1);
  });

  it('shares one read between concurrent callers', async () => {
    const { w, stamp } = world();
    await Promise.all([stamp.current(), stamp.current(), stamp.current()]);
    expect(w.reads).toBe(1);
  });
});

describe('page cache rules', () => {
  it('never keeps personal pages, forms, files or the staff’s side', () => {
    for (const p of ['/api/articles', '/studio/', '/media/x/w400.webp', '/healthz', '/subscribe', '/subscribe?x=1'])
      expect(cacheablePath(p), p).toBe(false);
    for (const p of ['/confirm/abc', '/unsubscribe/abc', '/preferences/abc']) expect(cacheablePath(p), p).toBe(false);
    for (const p of ['/', '/articles/a', '/recherche?q=vote', '/feed.xml', '/mediatheque', '/apiculture'])
      expect(cacheablePath(p), p).toBe(true);
  });

  it('reads If-None-Match lists, weak tags and *', () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('"b", W/"a"', '"a"')).toBe(true);
    expect(etagMatches('*', '"a"')).toBe(true);
    expect(etagMatches('"ab"', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
  });

  it('reads Accept-Encoding with its weights', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

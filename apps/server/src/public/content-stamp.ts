// The content stamp: one value that changes whenever a public page may change. Cached pages are valid while it holds.
import type { SiteStamp } from '@crieur/db';

export type ContentStampOptions = {
  /** The database's side (siteStamp): what was written, and what time alone changes. */
  read: (now: Date) => Promise<SiteStamp>;
  /** The app's clock (tests move it). */
  now: () => Date;
  /** What lives in this process's memory and shows on pages (the association's name). */
  local: () => string | number;
  /** How long a read stamp is trusted: writes by another process (worker, other server) show within it. */
  ttlMs?: number;
  /** Real time, monotonic. */
  realNow?: () => number;
};

export type ContentStamp = {
  /** The current stamp (read at most once per ttl, one read at a time). */
  current(): Promise<string>;
  /** Forget the read stamp: this process has just written something. */
  drop(): void;
};

type Memo = { value: string; realAt: number; appAt: number; nextChangeAt: number };

export function createContentStamp(options: ContentStampOptions): ContentStamp {
  const ttlMs = options.ttlMs ?? 1_000;
  const realNow = options.realNow ?? (() => performance.now());
  let memo: Memo | null = null;
  let reading: Promise<Memo> | null = null;
  // a drop during a read makes that read's answer suspect: it may predate the write
  let generation = 0;

  const fresh = (m: Memo, appNow: number, real: number) => {
    const realElapsed = real - m.realAt;
    const appElapsed = appNow - m.appAt;
    return (
      realElapsed < ttlMs &&
      appNow < m.nextChangeAt &&
      // the app's clock went back, or jumped ahead of real time (a test's clock): read again
      appElapsed >= 0 &&
      appElapsed <= realElapsed + 5
    );
  };

  const read = (): Promise<Memo> => {
    const startedGeneration = generation;
    const app = options.now();
    const real = realNow();
    const promise = options.read(app).then(
      (s) => {
        const next: Memo = {
          value: s.stamp,
          realAt: real,
          appAt: app.getTime(),
          nextChangeAt: s.nextChangeAt?.getTime() ?? Number.POSITIVE_INFINITY,
        };
        if (generation === startedGeneration) memo = next;
        if (reading === promise) reading = null;
        return next;
      },
      (error: unknown) => {
        if (reading === promise) reading = null;
        throw error;
      },
    );
    reading = promise;
    return promise;
  };

  return {
    async current() {
      let m = memo;
      if (!m || !fresh(m, options.now().getTime(), realNow())) {
        memo = null;
        m = await (reading ?? read());
      }
      return `${m.value}|${options.local()}`;
    },
    drop() {
      memo = null;
      reading = null;
      generation++;
    },
  };
}

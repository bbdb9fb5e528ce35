import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { ServerDeps } from '../../src';
import { freePort } from '../free-port';
import { startHarness, type Harness } from '../harness';
import { launchChromium } from './browser';

const studioDir = path.resolve(import.meta.dirname, '..', '..', '..', 'studio', 'dist');

export type E2eOptions = {
  /** settings besides PUBLIC_URL and DATA_DIR, which are this world's */
  env?: Record<string, string>;
  deps?: Partial<ServerDeps>;
  /** the server's clock follows real time (a worker beside it, a page comparing times), not the harness's fixed one */
  realClock?: boolean;
  /** Chromium contexts to launch, each with its own profile (default 1) */
  browsers?: number;
};

export type E2eWorld = {
  h: Harness;
  /** http://localhost:<port>, also the server's PUBLIC_URL */
  base: string;
  /** the first of `browsers` */
  browser: BrowserContext;
  browsers: BrowserContext[];
  /** the server's DATA_DIR: fresh, removed by close */
  dataDir: string;
  /** Closes the browsers, then the server (database, Redis keys), then removes the data dir. */
  close(): Promise<void>;
};

/** A harness server with the studio build listening on a free port, its own DATA_DIR, and Chromium to drive it. */
export async function startE2e(options: E2eOptions = {}): Promise<E2eWorld> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-e2e-'));
  const browsers: BrowserContext[] = [];
  let h: Harness | undefined;
  const close = async () => {
    for (const browser of browsers) await browser.close();
    await h?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    h = await startHarness({
      studioDir,
      env: { PUBLIC_URL: base, DATA_DIR: dataDir, ...options.env },
      deps: options.deps,
    });
    if (options.realClock) Object.defineProperty(h.clock, 'now', { get: () => new Date() });
    await h.app.listen({ host: '127.0.0.1', port });
    for (let i = 0; i < (options.browsers ?? 1); i++) browsers.push(await launchChromium());
    return { h, base, browser: browsers[0]!, browsers, dataDir, close };
  } catch (error) {
    // the test's afterAll never sees a world that failed to start: close what did
    await close().catch(() => undefined);
    throw error;
  }
}

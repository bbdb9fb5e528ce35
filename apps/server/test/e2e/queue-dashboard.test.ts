// The queue dashboard (Bull Board) renders in Chromium for an admin under the server's security
// headers, lists the queues, and sends other roles away.
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { freePort } from '../free-port';
import { launchChromium, login, screenshotDir } from './browser';

const studioDir = path.resolve(import.meta.dirname, '..', '..', '..', 'studio', 'dist');

describe('the queue dashboard in Chromium', () => {
  let h: Harness;
  let base: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://localhost:${port}`;
    h = await startHarness({ studioDir, env: { PUBLIC_URL: base } });
    await h.app.listen({ host: '127.0.0.1', port });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('shows the mail, publishing and campaigns queues to an admin, read-only', async () => {
    h.clock.now = new Date();
    const admin = await h.createStaff('admin', 'admin-queues@icpc.example');
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (
        message.type() === 'error' &&
        /Content Security Policy/i.test(message.text()) &&
        !/fonts\.googleapis/.test(message.text())
      )
        blocked.push(message.text());
    });
    await login(page, base, admin.email);
    await page.goto(`${base}/studio/queues`);
    for (const queue of ['mail', 'publishing', 'campaigns'])
      await page.getByText(queue, { exact: true }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(screenshotDir, 'studio-queues.png') });
    expect(blocked).toEqual([]);
  });

  it('answers 403 to a sender', async () => {
    const sender = await h.createStaff('sender', 'sender-queues@icpc.example');
    const page = await browser.newPage();
    await page.context().clearCookies();
    await login(page, base, sender.email);
    const response = await page.goto(`${base}/studio/queues`);
    expect(response?.status()).toBe(403);
  });
});

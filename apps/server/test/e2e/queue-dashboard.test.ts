// The queue dashboard (Bull Board) renders in Chromium for an admin under the server's security
// headers, lists the queues, and sends other roles away.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

describe('the queue dashboard in Chromium', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    world = await startE2e();
    ({ h, base, browser } = world);
  });
  afterAll(() => world?.close());

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
    await shoot(page, 'studio-queues.png', { fullPage: false });
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

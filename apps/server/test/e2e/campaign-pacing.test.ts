// A provider slowing us down and a campaign that paused itself, as staff see them. No worker runs: the
// slowdowns are written in Redis and the pause in the database, as the sending processes would.
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoPauseAndTell } from '@crieur/db';
import { createProviderPaceStore } from '@crieur/queue';
import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import { scheduleCampaign } from '@crieur/db';
import { batchQueue, createSendJournal } from '@crieur/queue';
import { bouncePauseReason, createDnsResolve, reconcileCampaigns } from '@crieur/sending';
import { startLoopbackDns } from '../support/loopback-dns';
import { createDraftCampaign, seedSubscribers } from '../../../../workers/test/support/campaign-fixture';
import type { Harness } from '../harness';
import { login, shoot as shootAll } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/D';
const NBSP = '\u00a0';

const hourMinute = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Paris' })
    .format(d)
    .replace(/^0?(\d+):(\d\d)$/, '$1 h $2');

const shoot = async (page: Page, name: string) => {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shootAll(page, `${name}-${width}.png`, { copyTo: SHOTS });
  }
};

describe('sending each provider its own way, in the studio (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // the page compares times with the browser's clock: the server's must be real too
    world = await startE2e({ realClock: true });
    ({ h, base, browser } = world);
  });
  afterAll(() => world?.close());

  it('says which provider slows us down and when its messages go again; the others are not mentioned', async () => {
    const now = new Date();
    await seedSubscribers(h.database.db, { list: 'membres', count: 8, domain: 'gmail.com', now });
    await seedSubscribers(h.database.db, { list: 'membres', count: 8, domain: 'orange.fr', now });
    await seedSubscribers(h.database.db, { list: 'membres', count: 8, domain: 'example.org', now });
    const id = await createDraftCampaign(h.database.db, { lists: ['membres'], subject: 'La lettre des membres — mai' });
    const sender = await h.createStaff('sender', 'camille@icpc.example');
    const api = h.client();
    expect((await api.login(sender.email)).statusCode).toBe(200);
    expect((await api.request('POST', `/api/campaigns/${id}/send`, {})).json()).toMatchObject({ status: 'sending' });

    // gmail waits 4 more minutes; orange recovers (half pace since a minute); free has no recipient here
    const store = createProviderPaceStore(h.redis, h.prefix);
    const resumesAt = new Date(now.getTime() + 4 * 60_000);
    const slow = (rate: number, until: Date) =>
      JSON.stringify({ rate, backoffMs: 60_000, until: until.getTime(), at: until.getTime() - 60_000 });
    await store.replace('gmail', null, slow(10, resumesAt));
    await store.replace('orange', null, slow(2.5, new Date(now.getTime() - 60_000)));
    await store.replace('free', null, slow(5, resumesAt));

    const progress = (await api.request('GET', `/api/campaigns/${id}/progress`)).json().progress;
    expect(progress.slowedProviders).toEqual([
      { provider: 'gmail', ratePerSecond: 0, resumesAt: resumesAt.toISOString(), fullPaceAt: expect.any(String) },
      expect.objectContaining({ provider: 'orange', resumesAt: null, ratePerSecond: 3.75 }),
    ]);

    const page = await browser.newPage();
    try {
      await login(page, base, sender.email);
      await page.goto(`${base}/studio/campaigns/${id}`);
      const notice = page.getByTestId('slowed-providers');
      await notice.waitFor();
      const items = await notice.getByRole('listitem').allTextContents();
      expect(items).toEqual([
        `Gmail ralentit nos envois${NBSP}: reprise progressive à ${hourMinute(resumesAt)}`,
        expect.stringMatching(
          new RegExp(`^Orange ralentit nos envois${NBSP}: reprise progressive en cours \\(3,8 messages/s\\)`),
        ),
      ]);
      await shoot(page, 'campaign-provider-slowed');
    } finally {
      await page.close();
    }
  }, 120_000);

  it('shows the reason of a campaign that paused itself on a bad list', async () => {
    await seedSubscribers(h.database.db, { list: 'adherents', count: 10, domain: 'bad.example', now: new Date() });
    const id = await createDraftCampaign(h.database.db, { lists: ['adherents'], subject: 'La lettre des adhérent·es' });
    // the browser is still logged in as the same person
    const api = h.client();
    expect((await api.login('camille@icpc.example')).statusCode).toBe(200);
    expect((await api.request('POST', `/api/campaigns/${id}/send`, {})).json()).toMatchObject({ status: 'sending' });
    const reason = bouncePauseReason({ processed: 412, hardBounces: 38 });
    const data = { processed: 412, hardBounces: 38 };
    expect((await autoPauseAndTell(h.database.db, { campaignId: id, now: new Date(), reason, data })).paused).toBe(
      true,
    );

    const page = await browser.newPage();
    try {
      await page.goto(`${base}/studio/campaigns/${id}`);
      const alert = page.getByRole('status').filter({ hasText: 'Envoi mis en pause par le système' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(
        `Envoi suspendu${NBSP}: 38 adresses refusées sur les 412 premières (9${NBSP}%). Vérifiez la liste avant de reprendre.`,
      );
      await page.getByRole('button', { name: 'Reprendre' }).waitFor();
      await shoot(page, 'campaign-auto-paused');
    } finally {
      await page.close();
    }
  }, 120_000);

  it('shows why a scheduled campaign was held at its minute: the DKIM record no longer matches', async () => {
    const key = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signing = key();
    const published = key().publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const dns = await startLoopbackDns({ 'sel._domainkey.icpc.example': { TXT: [`v=DKIM1; k=rsa; p=${published}`] } });
    const id = await createDraftCampaign(h.database.db, {
      lists: ['membres'],
      subject: 'La lettre des membres — juin',
    });
    const due = new Date(Date.now() - 30_000);
    await scheduleCampaign(h.database.db, { campaignId: id, now: new Date(due.getTime() - 3600_000), at: due });
    // the reconcile as the campaign worker runs it, the schedule due, the selector publishing another key
    const report = await reconcileCampaigns({
      db: h.database.db,
      queue: batchQueue(h.campaignQueue),
      journal: createSendJournal(h.redis, h.prefix),
      transport: { probe: async () => undefined },
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
      publicUrl: base,
      mailFrom: 'lettre@icpc.example',
      livenessTtlMs: 5000,
      lateMs: 60 * 60_000,
      preflight: {
        dkim: {
          domain: 'icpc.example',
          selector: 'sel',
          privateKey: signing.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        },
        resolve: createDnsResolve({ servers: [dns.server] }),
      },
    });
    await dns.close();
    expect(report.held).toBe(1);

    const page = await browser.newPage();
    try {
      await page.goto(`${base}/studio/campaigns/${id}`);
      const alert = page.getByRole('status').filter({ hasText: 'Envoi programmé arrêté' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('ne correspond pas');
      await page.getByRole('button', { name: 'Envoyer maintenant' }).waitFor();
      await shoot(page, 'campaign-held-by-preflight');
    } finally {
      await page.close();
    }
  }, 120_000);
});

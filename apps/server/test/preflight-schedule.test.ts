// A scheduled letter is checked again when its minute comes: between scheduling and sending, the DNS or the letter
// may change. The campaign worker is wired as `pnpm start` wires it (campaignWorkerOptions), DNS on loopback.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@crieur/config';
import { listAudit } from '@crieur/db';
import { createTestCampaign } from '@crieur/db/testing';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startCampaignWorker, type CampaignWorker } from '@crieur/workers';
import { campaignWorkerOptions } from '../../../workers/src/campaigns/campaign-options';
import { seedSubscribers } from '../../../workers/test/support/campaign-fixture';
import { startSmtpRecorder, type SmtpRecorder } from '../../../workers/test/support/smtp-recorder';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';
import { dkimKeyPair } from './support/dkim-keys';
import { startLoopbackDns, type LoopbackDns } from './support/loopback-dns';

const signing = dkimKeyPair();
const other = dkimKeyPair();
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const GOOD = [
  { type: 'edito', doc: doc('Chères et chers membres, le printemps des communes commence.') },
  { type: 'button', label: 'Lire l’article', url: 'http://localhost:3000/' },
];

describe('a schedule coming due runs the blocking checks again (PostgreSQL, Redis, loopback DNS, SMTP)', () => {
  let h: Harness;
  let dns: LoopbackDns;
  let smtp: SmtpRecorder;
  let mailer: Mailer;
  let connection: Redis;
  let worker: CampaignWorker | undefined;
  let sender: Client;
  const env = () => ({
    PUBLIC_URL: 'http://localhost:3000',
    MAIL_FROM: 'Lettre <lettre@example.test>',
    DKIM_DOMAIN: 'example.test',
    DKIM_SELECTOR: 'sel',
    DKIM_PRIVATE_KEY: signing.pem,
    DNS_SERVERS: dns.server,
  });

  beforeAll(async () => {
    dns = await startLoopbackDns({ 'sel._domainkey.example.test': { TXT: [signing.record] } });
    h = await startHarness({ env: env() });
    smtp = await startSmtpRecorder();
    mailer = createMailer({ smtpUrl: smtp.url, outboxDir: '/nonexistent', pool: true, maxConnections: 2 });
    connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    sender = h.client();
    expect((await sender.login((await h.createStaff('sender')).email)).statusCode).toBe(200);
    await seedSubscribers(h.database.db, { list: 'membres', count: 4, now: h.clock.now });
  });
  afterAll(async () => {
    await worker?.close();
    await mailer?.close();
    await smtp?.close();
    connection?.disconnect();
    await h?.close();
    await dns?.close();
  });

  const draft = (blocks: unknown[]) =>
    createTestCampaign(h.database.db, {
      slug: `prog-${randomUUID().slice(0, 8)}`,
      lists: ['membres'],
      subject: 'La lettre des membres',
      preheader: 'Au sommaire ce trimestre',
      blocks,
    });
  const campaign = async (id: string) => (await sender.request('GET', `/api/campaigns/${id}`)).json().campaign;
  const progress = async (id: string) => (await sender.request('GET', `/api/campaigns/${id}/progress`)).json().progress;
  const waitFor = async (id: string, statuses: string[]) => {
    const end = Date.now() + 20_000;
    for (;;) {
      const p = await progress(id);
      if (statuses.includes(p.status)) return p;
      if (Date.now() > end) throw new Error(`campaign still ${p.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const schedule = async (id: string, at: Date) => {
    const res = await sender.request('POST', `/api/campaigns/${id}/schedule`, { at: at.toISOString() });
    expect(res.statusCode).toBe(200);
    expect(res.json().progress.status).toBe('scheduled');
  };

  it('holds a letter whose DKIM record changed or vanished since it was scheduled, says why in French, sends nothing; a correct one goes', async () => {
    const at = new Date(h.clock.now.getTime() + 3600_000);
    const dkimChanged = await draft(GOOD);
    const dkimGone = await draft(GOOD);
    await schedule(dkimChanged, at);
    await schedule(dkimGone, new Date(at.getTime() + 2 * 3600_000));
    // after the schedule, the selector's record is replaced by another key (a DNS change, a key rotation half done)
    dns.zone['sel._domainkey.example.test'] = { TXT: [other.record] };

    // the minute comes: the campaign worker, wired as `pnpm start` wires it
    h.clock.now = new Date(at.getTime() + 30_000);
    const config = loadConfig({ REDIS_PREFIX: h.prefix, ...env() });
    worker = await startCampaignWorker({
      ...campaignWorkerOptions(config, h.database.db, mailer, TEST_LINK_KEY),
      reconcileEveryMs: 200,
      connection,
      prefix: h.prefix,
      logger: pino({ level: 'silent' }),
      now: () => h.clock.now,
    });
    const held = await waitFor(dkimChanged, ['held', 'sending', 'sent']);
    expect(held.status).toBe('held');
    expect(held.recipientCount).toBe(0);
    const reason = (await campaign(dkimChanged)).pauseReason as string;
    expect(reason).toMatch(/^Envoi programmé arrêté par les vérifications avant envoi\u00a0: /);
    expect(reason).toContain('ne correspond pas');
    expect(reason).toContain('Rien n’a été envoyé');
    const audit = (await listAudit(h.database.db, { limit: 50 })).filter((e) => e.action === 'campaign_held');
    expect(audit.map((e) => [e.targetId, e.actorId, (e.data as { blocks?: string[] }).blocks])).toEqual([
      [dkimChanged, null, ['dkim']],
    ]);

    // the record deleted altogether (NXDOMAIN): held too
    delete (dns.zone as Record<string, unknown>)['sel._domainkey.example.test'];
    h.clock.now = new Date(at.getTime() + 2 * 3600_000 + 30_000);
    expect((await waitFor(dkimGone, ['held', 'sending', 'sent'])).status).toBe('held');
    expect((await campaign(dkimGone)).pauseReason).toContain('aucune clé DKIM publiée');
    expect(smtp.countsByAddress().size).toBe(0);

    // the record fixed, staff send the first one knowingly; a new schedule with everything right starts on its own
    dns.zone['sel._domainkey.example.test'] = { TXT: [signing.record] };
    const fine = await draft(GOOD);
    await schedule(fine, new Date(h.clock.now.getTime() + 60_000));
    h.clock.now = new Date(h.clock.now.getTime() + 90_000);
    const started = await waitFor(fine, ['held', 'sending', 'sent']);
    expect(started.status).not.toBe('held');
    expect((await waitFor(fine, ['sent'])).counts.sent).toBe(4);
    expect((await sender.request('POST', `/api/campaigns/${dkimChanged}/send`, {})).json()).toMatchObject({
      started: true,
    });
    expect((await waitFor(dkimChanged, ['sent'])).counts.sent).toBe(4);
  }, 60_000);
});

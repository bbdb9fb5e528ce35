// A send that stops while nobody watches (a schedule held at launch, a send paused by its bounces) emails the
// person who scheduled or started it and every active admin, once. Real PostgreSQL, Redis, loopback DNS, the
// campaign worker wired as `pnpm start` wires it, a refusing SMTP server for the letter and a recording one for staff.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@crieur/config';
import { createUser, holdCampaign, owedStaffMail, queueCampaignMail, updateUser } from '@crieur/db';
import { createTestCampaign } from '@crieur/db/testing';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startCampaignWorker, type CampaignWorker } from '@crieur/workers';
import { campaignWorkerOptions } from '../../../workers/src/campaigns/campaign-options';
import { sendStaffMail } from '../../../workers/src/mail/staff-mail';
import { seedSubscribers } from '../../../workers/test/support/campaign-fixture';
import { startSmtpRecorder, type SmtpRecorder } from '../../../workers/test/support/smtp-recorder';
import { PASSWORD, startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';
import { startMailWorld, type MailWorld } from './mail-world';
import type { ReceivedMail } from './smtp-sink';
import { launchChromium, shoot } from './e2e/browser';
import { dkimKeyPair } from './support/dkim-keys';
import { startLoopbackDns, type LoopbackDns } from './support/loopback-dns';

const signing = dkimKeyPair();
const other = dkimKeyPair();
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const BLOCKS = [
  { type: 'edito', doc: doc('Chères et chers membres, le printemps des communes commence.') },
  { type: 'button', label: 'Lire l’article', url: 'http://localhost:3000/' },
];
const PUBLIC_URL = 'http://localhost:3000';
const NBSP = '\u00a0';
const NNBSP = '\u202f';
// r0, r10, r20…: one address in ten is refused for good
const bad = (to: string) => /^r\d*0@bounce\.example$/.test(to);

describe('a send that stops unwatched tells its team by email (PostgreSQL, Redis, loopback DNS, SMTP)', () => {
  let h: Harness;
  let dns: LoopbackDns;
  let letterSmtp: SmtpRecorder;
  let mailer: Mailer;
  let connection: Redis;
  let worker: CampaignWorker | undefined;
  let staffMail: MailWorld;
  let scheduler: { id: string; email: string };
  let starter: { id: string; email: string };
  let admin: { id: string; email: string };
  let schedulerClient: Client;
  let starterClient: Client;
  const env = () => ({
    PUBLIC_URL,
    MAIL_FROM: 'Lettre <lettre@example.test>',
    DKIM_DOMAIN: 'example.test',
    DKIM_SELECTOR: 'sel',
    DKIM_PRIVATE_KEY: signing.pem,
    DNS_SERVERS: dns.server,
  });

  beforeAll(async () => {
    dns = await startLoopbackDns({ 'sel._domainkey.example.test': { TXT: [signing.record] } });
    h = await startHarness({ env: env() });
    letterSmtp = await startSmtpRecorder();
    letterSmtp.faults.rcptReply = (to) => (bad(to) ? { code: 550, message: '5.1.1 No such user' } : undefined);
    mailer = createMailer({ smtpUrl: letterSmtp.url, outboxDir: '/nonexistent', pool: true, maxConnections: 2 });
    connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    // the team: two senders, an admin, an editor, a deactivated admin and one still invited
    scheduler = await h.createStaff('sender');
    starter = await h.createStaff('sender');
    admin = await h.createStaff('admin');
    await h.createStaff('editor');
    for (const status of ['deactivated', 'invited'] as const)
      await createUser(h.database.db, { email: `admin-${status}@example.org`, role: 'admin', status });
    schedulerClient = h.client();
    starterClient = h.client();
    expect((await schedulerClient.login(scheduler.email, PASSWORD)).statusCode).toBe(200);
    expect((await starterClient.login(starter.email, PASSWORD)).statusCode).toBe(200);
    await seedSubscribers(h.database.db, { list: 'membres', count: 4, now: h.clock.now });
    await seedSubscribers(h.database.db, { list: 'adherents', count: 300, domain: 'bounce.example', now: h.clock.now });
    // staff emails: the mail worker and its rebuild (every 300 ms: many passes during a test)
    staffMail = await startMailWorld(h, { publicUrl: PUBLIC_URL, now: () => h.clock.now, reconcileEveryMs: 300 });
    const config = loadConfig({ REDIS_PREFIX: h.prefix, ...env() });
    worker = await startCampaignWorker({
      ...campaignWorkerOptions(config, h.database.db, mailer, TEST_LINK_KEY),
      sendRate: 100,
      concurrency: 2,
      // judged after every chunk of 25: a bad list is seen early
      chunkSize: 25,
      bouncePause: { ratio: 0.05, window: 500, minimum: 50 },
      reconcileEveryMs: 200,
      connection,
      prefix: h.prefix,
      logger: pino({ level: 'silent' }),
      now: () => h.clock.now,
    });
  });
  afterAll(async () => {
    await worker?.close();
    await staffMail?.close();
    await mailer?.close();
    await letterSmtp?.close();
    connection?.disconnect();
    await h?.close();
    await dns?.close();
  });

  const draft = (lists: string[], subject: string) =>
    createTestCampaign(h.database.db, {
      slug: `stop-${randomUUID().slice(0, 8)}`,
      lists,
      subject,
      preheader: 'Au sommaire ce trimestre',
      blocks: BLOCKS,
    });
  const progress = async (id: string) =>
    (await schedulerClient.request('GET', `/api/campaigns/${id}/progress`)).json().progress;
  const waitFor = async (id: string, statuses: string[]) => {
    const end = Date.now() + 20_000;
    for (;;) {
      const p = await progress(id);
      if (statuses.includes(p.status)) return p;
      if (Date.now() > end) throw new Error(`campaign still ${p.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const about = (id: string) => staffMail.sink.messages.filter((m) => (m.parsed.text ?? '').includes(id));
  // the worker and the mail rebuild run again and again meanwhile: nothing more may come
  const settle = () => new Promise((r) => setTimeout(r, 2500));
  const byRecipient = (mails: ReceivedMail[]) => mails.map((m) => m.to.join(',')).sort();
  // the email as received, at a desktop client's and a phone's width, to look at
  const look = async (mail: ReceivedMail, name: string) => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      for (const width of [600, 375]) {
        await page.setViewportSize({ width, height: 800 });
        await page.setContent(String(mail.parsed.html));
        await shoot(page, `${name}-${width}.png`, { copyTo: '/tmp/shots/F' });
      }
    } finally {
      await browser.close();
    }
  };

  it('a schedule held at launch: the scheduler and each active admin get one email with the reason and the link, nobody else', async () => {
    const at = new Date(h.clock.now.getTime() + 3600_000);
    const id = await draft(['membres'], 'La lettre des membres');
    const res = await schedulerClient.request('POST', `/api/campaigns/${id}/schedule`, { at: at.toISOString() });
    expect(res.json().progress.status).toBe('scheduled');
    // after the schedule, the selector's record is replaced by another key
    dns.zone['sel._domainkey.example.test'] = { TXT: [other.record] };
    h.clock.now = new Date(at.getTime() + 30_000);
    expect((await waitFor(id, ['held', 'sending', 'sent'])).status).toBe('held');
    const reason = (await schedulerClient.request('GET', `/api/campaigns/${id}`)).json().campaign.pauseReason as string;
    expect(reason).toContain('ne correspond pas');
    // the record fixed again at once: the next tests schedule and send with it
    dns.zone['sel._domainkey.example.test'] = { TXT: [signing.record] };

    await staffMail.sink.waitFor(2);
    await settle();
    const mails = about(id);
    expect(byRecipient(mails)).toEqual([scheduler.email, admin.email].sort());
    const link = `${PUBLIC_URL}/studio/campaigns/${id}`;
    for (const mail of mails) {
      expect(mail.parsed.subject).toBe(`Envoi retenu${NBSP}: «${NNBSP}La lettre des membres${NNBSP}» n’est pas parti`);
      expect(mail.parsed.text).toContain('Rien n’a été envoyé');
      expect(mail.parsed.text).toContain('ne correspond pas');
      expect(mail.parsed.text).toContain(`Ouvrir la campagne${NBSP}:${NBSP}${link}`);
      expect(mail.parsed.html).toContain(`href="${link}"`);
      expect(`${mail.parsed.subject}${mail.raw}`).not.toMatch(/crieur/i);
    }
    expect(letterSmtp.countsByAddress().size).toBe(0);
    await look(mails[0]!, 'campaign-held-email');
    // the activity log says it in words too, never « campaign held »
    const adminClient = h.client();
    expect((await adminClient.login(admin.email, PASSWORD)).statusCode).toBe(200);
    const entries = (await adminClient.request('GET', '/api/audit?limit=50')).json().entries as {
      action: string;
      targetId: string | null;
      sentence: string;
    }[];
    const heldEntry = entries.find((e) => e.action === 'campaign_held' && e.targetId === id);
    expect(heldEntry?.sentence).toMatch(
      /^Le système a retenu l’envoi programmé de la lettre .*« ?La lettre des membres ?» : Envoi programmé arrêté/,
    );
  }, 60_000);

  it('a hold that does not happen (the campaign is no longer scheduled) writes no email', async () => {
    const id = await draft(['membres'], 'Brouillon');
    const before = staffMail.sink.messages.length;
    await expect(holdCampaign(h.database.db, { campaignId: id, now: new Date(), reason: 'x' })).rejects.toThrow();
    await settle();
    expect(staffMail.sink.messages.length).toBe(before);
  }, 30_000);

  it('a lost job comes back from the database once; nobody deactivated since, nothing once staff acted on it', async () => {
    const id = await draft(['membres'], 'La lettre perdue');
    await schedulerClient.request('POST', `/api/campaigns/${id}/schedule`, {
      at: new Date(h.clock.now.getTime() + 24 * 3600_000).toISOString(),
    });
    const later = await h.createStaff('admin');
    // the rows are written, their jobs never queued (Redis lost them); the campaign is still scheduled
    const ids = await queueCampaignMail(h.database.db, { campaignId: id, kind: 'campaign_held' });
    expect(ids).toHaveLength(3);
    const deps = { db: h.database.db, mailer: staffMail.mailer, publicUrl: PUBLIC_URL, mailFrom: 'x@example.test' };
    // a held schedule staff already sent, rescheduled or cancelled: nothing to say, and the rebuild leaves it
    expect(await sendStaffMail({ ...deps, now: () => h.clock.now }, ids[0]!)).toEqual({
      sent: false,
      reason: 'campaign now scheduled',
    });
    const owed = await owedStaffMail(h.database.db, { now: h.clock.now });
    expect(owed.filter((o) => ids.includes(o.staffMailId))).toEqual([]);
    await settle();
    expect(about(id)).toEqual([]);

    // one admin leaves the team; then the campaign is held: the rebuild sends the others theirs, once
    await updateUser(h.database.db, { id: later.id, status: 'deactivated' });
    await h.database.db.execute(
      `update campaigns set status = 'held', pause_reason = 'Retenue pour l’essai.' where id = '${id}'`,
    );
    const end = Date.now() + 10_000;
    while (about(id).length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    await settle();
    expect(byRecipient(about(id))).toEqual([scheduler.email, admin.email].sort());
    expect(about(id)[0]!.parsed.text).toContain('Retenue pour l’essai.');

    // the admin who left: never, even if they come back after the campaign was deleted
    expect(await sendStaffMail({ ...deps, now: () => h.clock.now }, ids[2]!)).toEqual({
      sent: false,
      reason: 'recipient deactivated',
    });
    await h.database.db.execute(`delete from campaigns where id = '${id}'`);
    await updateUser(h.database.db, { id: later.id, status: 'active' });
    expect(await sendStaffMail({ ...deps, now: () => h.clock.now }, ids[2]!)).toEqual({
      sent: false,
      reason: 'campaign gone',
    });
    expect(await queueCampaignMail(h.database.db, { campaignId: id, kind: 'campaign_held' })).toEqual([]);
    await settle();
    expect(byRecipient(about(id))).toEqual([scheduler.email, admin.email].sort());
    await updateUser(h.database.db, { id: later.id, status: 'deactivated' });
  }, 60_000);

  it('a send paused by its bounces: the one who started it and each active admin get one email with the figures', async () => {
    const id = await draft(['adherents'], 'La lettre des adhérents');
    // scheduled by one sender, then started at once by another: the one who started it is told
    await schedulerClient.request('POST', `/api/campaigns/${id}/schedule`, {
      at: new Date(h.clock.now.getTime() + 24 * 3600_000).toISOString(),
    });
    await schedulerClient.request('POST', `/api/campaigns/${id}/unschedule`, {});
    const sent = await starterClient.request('POST', `/api/campaigns/${id}/send`, {});
    expect(sent.json()).toMatchObject({ started: true });
    const paused = await waitFor(id, ['paused', 'sent']);
    expect(paused.status).toBe('paused');

    const end = Date.now() + 15_000;
    while (about(id).length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    await settle();
    const mails = about(id);
    expect(byRecipient(mails)).toEqual([starter.email, admin.email].sort());
    for (const mail of mails) {
      expect(mail.parsed.subject).toBe(`Envoi mis en pause${NBSP}: «${NNBSP}La lettre des adhérents${NNBSP}»`);
      expect(mail.parsed.text).toMatch(new RegExp(`Envoyés${NBSP}: \\d+ sur 300`));
      expect(mail.parsed.text).toMatch(new RegExp(`Adresses refusées à ce jour${NBSP}: \\d+ sur \\d+ traitées`));
      expect(mail.parsed.text).toContain(paused.pauseReason.slice(0, 40));
      expect(mail.parsed.text).toContain(`${PUBLIC_URL}/studio/campaigns/${id}`);
    }
    await look(mails[0]!, 'campaign-paused-email');
  }, 60_000);
});

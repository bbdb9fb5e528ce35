// A test send is the campaign's own prebuilt message: it passes campaign mail's header audit, and its body is the one
// a subscriber receives from the real send, apart from the personal values.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchTypography } from '@crieur/content';
import { importRows, listIdsBySlugs } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startCampaignWorker, type CampaignWorker } from '@crieur/workers';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';
import { startSmtpSink, type ReceivedMail } from './smtp-sink';
import { startLoopbackDns, type LoopbackDns } from './support/loopback-dns';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const DKIM = { domain: 'lettre.example.org', selector: 'crieur', privateKey: PEM };
const DNS_RECORD = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
const PUBLIC_URL = 'https://democraties.example';
const MAIL_FROM = 'démocratieS <lettre@lettre.example.org>';
// as readers see it: French spacing inside the quotes (set at render time)
const BOTH_LISTS = frenchTypography('« Lettre des membres » et « Lettre de démocratieS »');
// the text part folds long lines at plain spaces
const unfolded = (text: string | undefined) => (text ?? '').replace(/\n(?!\n)/g, ' ');
// the HTML writes the narrow no-break space as an entity
const decoded = (html: string) => html.replaceAll('&#8239;', '\u202f');

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const BLOCKS = [
  { type: 'edito', doc: doc('Chères et chers membres, le printemps des communes commence.') },
  {
    type: 'article',
    title: 'Concertation : ce que disent les habitant·es',
    lede: 'Trois mois de débats publics.',
    url: 'https://democraties.example/articles/concertation',
  },
];

/** The header block with folded lines joined, so each field is one line. */
const headOf = (raw: string) => raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
const fieldNames = (raw: string) =>
  headOf(raw)
    .split('\r\n')
    .map((line) => line.split(':')[0]!.toLowerCase());
const field = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headOf(raw))?.[1];
const dkimResult = async (raw: string) => {
  const resolver = async (name: string) => (name === 'crieur._domainkey.lettre.example.org' ? [[DNS_RECORD]] : []);
  return (await dkimVerify(raw, { resolver })).results;
};

describe('test sends are the campaign’s own message (PostgreSQL, Redis, SMTP)', () => {
  let h: Harness;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  // the DKIM key is published where the send's preflight looks for it
  let dns: LoopbackDns;
  let outboxDir: string;
  let mailer: Mailer;
  let sender: Client;
  let connection: Redis;
  let worker: CampaignWorker | undefined;
  let transport: Mailer | undefined;
  let campaignId: string;
  let test: ReceivedMail;

  beforeAll(async () => {
    sink = await startSmtpSink();
    outboxDir = await mkdtemp(path.join(tmpdir(), 'crieur-test-send-'));
    mailer = createMailer({ smtpUrl: sink.url, outboxDir });
    dns = await startLoopbackDns({ [`${DKIM.selector}._domainkey.${DKIM.domain}`]: { TXT: [DNS_RECORD] } });
    const dkimEnv = {
      DKIM_DOMAIN: DKIM.domain,
      DKIM_SELECTOR: DKIM.selector,
      DKIM_PRIVATE_KEY: DKIM.privateKey,
      DNS_SERVERS: dns.server,
    };
    h = await startHarness({ env: { PUBLIC_URL, MAIL_FROM, ...dkimEnv }, deps: { mailer } });
    // the worker's clock is real time: the server's follows it
    Object.defineProperty(h.clock, 'now', { get: () => new Date() });
    connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const staff = await h.createStaff('sender');
    sender = h.client();
    expect((await sender.login(staff.email)).statusCode).toBe(200);
    // one subscriber a list, both named Camille like the test's sample reader
    const subscribers = [
      ['membres', 'camille@abonnes.example'],
      ['democraties', 'camille@lecteurs.example'],
    ] as const;
    for (const [slug, email] of subscribers) {
      const [list] = await listIdsBySlugs(h.database.db, [slug]);
      const rows = [{ line: 2, email, name: 'Camille Martin' }];
      const none = { consentNote: null, actorId: null, importId: null, dryRun: false };
      await importRows(h.database.db, { listId: list!.id, legalBasis: 'consent', rows, ...none, now: new Date() });
    }
    const lists = ['membres', 'democraties'];
    const created = (await sender.request('POST', '/api/campaigns', { kind: 'membres', lists })).json().campaign;
    campaignId = created.id;
    const saved = await sender.request('PUT', `/api/campaigns/${campaignId}`, {
      version: created.version,
      kind: 'membres',
      subject: 'Le printemps des communes',
      preheader: 'Au sommaire',
      fromName: 'ICPC',
      replyTo: 'contact@icpc.example',
      lists,
      blocks: BLOCKS,
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(async () => {
    await worker?.close();
    await transport?.close();
    connection.disconnect();
    await h.close();
    await mailer.close();
    await sink.close();
    await dns.close();
    await rm(outboxDir, { recursive: true, force: true });
  });

  it('the preview names every list of the campaign in its footer, as the real send does', async () => {
    const body = { kind: 'membres', subject: 'Le printemps', lists: ['membres', 'democraties'], blocks: BLOCKS };
    const preview = (await sender.request('POST', '/api/campaigns/preview', body)).json();
    expect(unfolded(preview.text)).toContain(BOTH_LISTS);
    expect(decoded(preview.html)).toContain(BOTH_LISTS);
    expect(preview.html).toContain(`${PUBLIC_URL}/unsubscribe/essai`);
  });

  it('a test message passes campaign mail’s header audit, DKIM included', async () => {
    const addresses = ['relecture@example.org'];
    const res = await sender.request('POST', `/api/campaigns/${campaignId}/test`, { addresses });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: 1, outbox: false });
    [test] = (await sink.waitFor(1)) as [ReceivedMail];
    const raw = test.raw;
    expect(test.to).toEqual(['relecture@example.org']);
    expect(field(raw, 'To')).toBe('relecture@example.org');
    expect(test.parsed.subject).toBe('[Test] Le printemps des communes');
    expect(test.parsed.from?.value[0]).toMatchObject({ name: 'ICPC', address: 'lettre@lettre.example.org' });
    expect(test.parsed.replyTo?.value[0]?.address).toBe('contact@icpc.example');
    expect(field(raw, 'List-Id')).toBe('"Lettre des membres" <membres.democraties.example>');
    // the same target as the real messages: the intake ignores it, since the reviewer never received this campaign
    const mailto = `mailto:lettre@lettre.example.org?subject=unsubscribe%20${campaignId}%20membres`;
    expect(field(raw, 'List-Unsubscribe')).toBe(`<${PUBLIC_URL}/unsubscribe/essai>, <${mailto}>`);
    expect(field(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(field(raw, 'Message-ID')).toMatch(/^<[^@<>\s]+@lettre\.example\.org>$/);
    // campaign mail has no Auto-Submitted (RFC 3834 is for automatic replies): nor has its test
    expect(field(raw, 'Auto-Submitted')).toBeUndefined();
    expect(test.parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    const [dkim, ...others] = await dkimResult(raw);
    expect(others).toEqual([]);
    expect(dkim?.status.result).toBe('pass');
    const signed = dkim?.signingHeaders?.keys.toLowerCase().split(': ').join(':').split(':');
    const mustSign = ['list-unsubscribe', 'list-unsubscribe-post', 'from', 'to', 'subject', 'message-id'];
    expect(signed).toEqual(expect.arrayContaining(mustSign));
    for (const part of [String(test.parsed.html), test.parsed.text ?? '']) {
      expect(part).toContain('Bonjour Camille');
      expect(part).toContain(`${PUBLIC_URL}/preferences/essai`);
      expect(unfolded(decoded(part))).toContain(BOTH_LISTS);
      expect(part).not.toContain('%%CRIEUR_');
    }
  });

  it('its links lead to a page that says it is a test; a one-click POST answers 200, changes nothing', async () => {
    const url = new URL(/<(https:[^>]+)>/.exec(field(test.raw, 'List-Unsubscribe') ?? '')![1]!);
    const oneClick = await h.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    for (const pathname of [url.pathname, '/preferences/essai']) {
      for (const method of ['GET', 'POST'] as const) {
        const page = await h.app.inject({ method, url: pathname });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('envoi de test');
        expect(page.body).not.toContain('n’est plus valable');
      }
    }
    // nothing changed: the real send below still reaches both subscribers
  });

  it('the real send delivers the test’s body, apart from each subscriber’s links, naming both lists', async () => {
    transport = createMailer({ smtpUrl: sink.url, outboxDir, pool: true });
    worker = await startCampaignWorker({
      db: h.database.db,
      transport,
      publicUrl: PUBLIC_URL,
      linkKey: TEST_LINK_KEY,
      mailFrom: MAIL_FROM,
      dkim: DKIM,
      sendRate: 1000,
      concurrency: 2,
      lateMinutes: 60,
      reconcileEveryMs: 150,
      connection,
      prefix: h.prefix,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
    });
    const started = await sender.request('POST', `/api/campaigns/${campaignId}/send`, {});
    expect(started.json()).toMatchObject({ started: true, progress: { recipientCount: 2 } });
    const mails = await sink.waitFor(3);
    const byAddress = new Map(mails.slice(1).map((m) => [m.to[0], m]));
    expect([...byAddress.keys()].sort()).toEqual(['camille@abonnes.example', 'camille@lecteurs.example']);
    const real = byAddress.get('camille@abonnes.example')!;

    // the same header fields in the same order, audited alike
    expect(fieldNames(test.raw)).toEqual(fieldNames(real.raw));
    expect(field(real.raw, 'List-Id')).toBe(field(test.raw, 'List-Id'));
    expect(field(real.raw, 'Auto-Submitted')).toBeUndefined();
    expect((await dkimResult(real.raw))[0]?.status.result).toBe('pass');

    // the subscriber's own tokens are the only difference in the body
    const asTest = (part: string) => part.replace(/\/(unsubscribe|preferences)\/[A-Za-z0-9_-]{20,}/g, '/$1/essai');
    expect(asTest(String(real.parsed.html))).toBe(String(test.parsed.html));
    expect(asTest(real.parsed.text ?? '')).toBe(test.parsed.text);
    expect(String(real.parsed.html)).not.toContain('/unsubscribe/essai');
    for (const m of [test, ...byAddress.values()]) expect(unfolded(m.parsed.text)).toContain(BOTH_LISTS);
    const other = byAddress.get('camille@lecteurs.example')!;
    expect(field(other.raw, 'List-Id')).toMatch(/ <democraties\.democraties\.example>$/);
  }, 30_000);

  describe('several reviewers at once', () => {
    let draftId: string;
    beforeAll(async () => {
      const created = (await sender.request('POST', '/api/campaigns', { kind: 'membres', lists: ['membres'] })).json();
      draftId = created.campaign.id;
      const saved = await sender.request('PUT', `/api/campaigns/${draftId}`, {
        version: created.campaign.version,
        kind: 'membres',
        subject: 'Les rendez-vous de l’été',
        preheader: '',
        fromName: 'ICPC',
        replyTo: '',
        lists: ['membres'],
        // an agenda saved with no title, as letters were before section titles were filled in
        blocks: [
          BLOCKS[0],
          { type: 'agenda', events: [{ title: 'Université d’été', date: '2026-07-02', place: 'Lyon' }] },
        ],
      });
      expect(saved.statusCode).toBe(200);
    });
    const testSend = (addresses: unknown) => sender.request('POST', `/api/campaigns/${draftId}/test`, { addresses });

    it('sends one message per address typed with commas, each to its own reviewer, with its « Agenda » heading', async () => {
      const before = sink.messages.length;
      const res = await testSend('marie@relecture.example, Paul@Relecture.example ; marie@RELECTURE.example');
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ sent: 2, outbox: false });
      const mails = (await sink.waitFor(before + 2)).slice(before);
      expect(mails.map((m) => m.to)).toEqual([['marie@relecture.example'], ['Paul@Relecture.example']]);
      for (const mail of mails) {
        expect(mail.parsed.subject).toBe('[Test] Les rendez-vous de l’été');
        expect(field(mail.raw, 'To')).toBe(mail.to[0]);
        expect(String(mail.parsed.html)).toMatch(/>\s*Agenda\s*</);
        expect(mail.parsed.text).toMatch(/Agenda/i);
      }
    });

    it('refuses six addresses, and names a wrong one, in French, sending nothing', async () => {
      const before = sink.messages.length;
      const six = Array.from({ length: 6 }, (_, i) => `relecture${i}@relecture.example`).join('\n');
      const tooMany = await testSend(six);
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error.message).toBe(
        frenchTypography('« adresses » : 5 adresses au plus\u00a0: vous en avez indiqué 6.'),
      );
      const wrong = await testSend(['marie@relecture.example', 'marie@']);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toContain(
        frenchTypography('«\u00a0marie@\u00a0» n’est pas une adresse valide.'),
      );
      expect(sink.messages.length).toBe(before);
    });

    it('counts each address against the reviewer’s test allowance, not each request', async () => {
      const five = Array.from({ length: 5 }, (_, i) => `lot${i}@relecture.example`);
      // 3 test messages so far: four tests to five people fit (23), a fifth does not (28 > 25)
      for (let i = 0; i < 4; i++) expect((await testSend(five)).statusCode).toBe(202);
      const refused = await testSend(five);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toMatch(/^Trop de messages de test\u00A0: 25 au plus en 10 minutes\./u);
    }, 30_000);
  });
});

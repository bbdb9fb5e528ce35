// Confirming two lists sends ONE welcome naming both, in the first list's newsletter branding and the association's
// identity, from the organisation's sender (the envelope stays MAIL_FROM's); lost Redis jobs change nothing.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getSubscriberDetail,
  searchSubscribers,
  updateNewsletterBranding,
  updateOrganisation,
  type Organisation,
} from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';
import { startSmtpSink } from './smtp-sink';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitUntil(fn: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(50);
  }
}

const MAIL_FROM = 'lettre@envoi.example';
const organisation: Partial<Organisation> = {
  name: 'Institut de la concertation et de la participation citoyenne',
  postalAddress: '12 rue de la Concertation\n75011 Paris',
  senderName: 'ICPC',
  senderEmail: 'bonjour@icpc.example',
  replyTo: 'contact@icpc.example',
};
// not the plain identity's default blue: the welcome must show the branding it read
const MEMBRES_ACCENT = '#5b2a86';

describe('one welcome email for several lists', () => {
  let h: Harness;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: Mailer;
  let workers: RunningWorkers | undefined;
  let sender: Client;

  const to = (address: string) => sink.messages.filter((m) => m.to[0] === address);
  const loseMailJobs = async () => {
    const keys = await h.redis.keys(`${h.prefix}:mail:*`);
    if (keys.length) await h.redis.del(...keys);
  };
  const startMailWorkers = () =>
    startWorkers({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: h.prefix,
      mode: 'test',
      logger: pino({ level: 'silent' }),
      now: () => h.clock.now,
      // often, so the test also shows that the rebuild running again and again sends nothing twice
      mail: {
        db: h.database.db,
        mailer,
        publicUrl: 'http://localhost:3000',
        linkKey: TEST_LINK_KEY,
        mailFrom: MAIL_FROM,
        reconcileEveryMs: 200,
      },
    });

  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent' });
    h = await startHarness({
      deps: { mailer, subscribe: { perIpPerMinute: 1000, perAddressPerHour: 1000 } },
      env: { MAIL_FROM },
    });
    await updateOrganisation(h.database.db, organisation, h.clock.now);
    await updateNewsletterBranding(
      h.database.db,
      'membres',
      { accent: MEMBRES_ACCENT, welcomeText: 'Chaque trimestre, les nouvelles du réseau.' },
      h.clock.now,
    );
    sender = h.client();
    await sender.login((await h.createStaff('sender')).email);
  });
  afterAll(async () => {
    await workers?.close(5_000);
    await mailer.close();
    await sink.close();
    await h.close();
  });

  it('sends one welcome naming both lists, in the first list’s branding, once, even after Redis lost its job', async () => {
    workers = await startMailWorkers();
    const subscribed = await h.app.inject({
      method: 'POST',
      url: '/subscribe',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      // chosen in the other order: the welcome follows the lists' order, membres first
      payload: 'email=deux%40example.org&lists=democraties&lists=membres',
    });
    expect(subscribed.statusCode).toBe(202);
    await h.app.subscribeInbox.settled();
    await waitUntil(() => to('deux@example.org').length === 1);
    const [confirmation] = to('deux@example.org');
    // the confirmation too: the organisation's sender, name and address, MAIL_FROM on the envelope
    expect(confirmation!.parsed.from?.value[0]).toEqual({ name: 'ICPC', address: 'bonjour@icpc.example' });
    expect(confirmation!.envelopeFrom).toBe(MAIL_FROM);
    expect(confirmation!.parsed.replyTo?.value[0]?.address).toBe('contact@icpc.example');
    expect(confirmation!.parsed.text).toContain('12 rue de la Concertation');
    expect(confirmation!.raw).not.toMatch(/crieur/i);

    // the workers stop before the click: the welcome job waits in Redis, where it is then lost
    await workers.close(5_000);
    workers = undefined;
    const token = /\/confirm\/([A-Za-z0-9_-]{20,})/.exec(confirmation!.parsed.text ?? '')![1]!;
    const confirmed = await h.app.inject({
      method: 'POST',
      url: `/confirm/${token}`,
      headers: { accept: 'text/html' },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(await h.mailQueue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
    await loseMailJobs();
    expect(await h.mailQueue.getJobCounts('waiting')).toMatchObject({ waiting: 0 });

    h.clock.now = new Date(h.clock.now.getTime() + 3600_000);
    workers = await startMailWorkers();
    await waitUntil(() => to('deux@example.org').length === 2);
    await loseMailJobs(); // its finished job lost too, the rebuild running every 200 ms: nothing more
    await sleep(1_500);
    const welcomes = to('deux@example.org').slice(1);
    expect(welcomes).toHaveLength(1);
    const welcome = welcomes[0]!;
    const nnbsp = '\u202f';
    const membres = `«${nnbsp}Lettre des membres${nnbsp}»`;
    const democraties = `«${nnbsp}Lettre de démocratieS${nnbsp}»`;
    expect(welcome.parsed.subject).toBe(`Inscription confirmée à ${membres} et ${democraties}`);
    expect(welcome.parsed.text).toContain(`Vous êtes inscrit·e à ${membres} et à ${democraties}.`);
    const html = String(welcome.parsed.html);
    // the first list's newsletter: its accent, its title, its welcome text
    expect(html).toContain(`background-color:${MEMBRES_ACCENT}`);
    expect(html).toContain('>La lettre des membres</p>');
    expect(welcome.parsed.text).toContain('Chaque trimestre, les nouvelles du réseau.');
    // the association's identity, never the software's name
    expect(welcome.parsed.text).toContain(organisation.name);
    expect(html).toContain('12 rue de la Concertation<br/>75011 Paris');
    expect(welcome.raw).not.toMatch(/crieur/i);
    // From the organisation's sender, bounces to MAIL_FROM
    expect(welcome.parsed.from?.value[0]).toEqual({ name: 'ICPC', address: 'bonjour@icpc.example' });
    expect(welcome.envelopeFrom).toBe(MAIL_FROM);
    // one unsubscribe link per list in the body; the header carries the first list's (its List-Id)
    const unsubscribes = [...(welcome.parsed.text ?? '').matchAll(/\/unsubscribe\/([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
    expect(new Set(unsubscribes).size).toBe(2);
    const header = welcome.raw.replace(/\r?\n[ \t]+/g, ' ');
    expect(header).toMatch(/^List-Id: .*<membres\.localhost\.local>/im);
    expect(header).toContain(`List-Unsubscribe: <http://localhost:3000/unsubscribe/${unsubscribes[0]}>`);

    // every subscription it named is stamped
    const id = (await searchSubscribers(h.database.db, { q: 'deux@', limit: 1 })).subscribers[0]!.id;
    const subs = (await getSubscriberDetail(h.database.db, id))!.subscriptions;
    expect(subs.map((s) => [s.list.slug, s.sub.welcomeSentAt]).sort()).toEqual([
      ['democraties', h.clock.now],
      ['membres', h.clock.now],
    ]);
  });

  it('sends a campaign test from the organisation’s sender, in the newsletter’s stored branding', async () => {
    const created = await sender.request('POST', '/api/campaigns', { kind: 'membres' });
    expect(created.statusCode).toBe(201);
    const c = created.json().campaign;
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bonjour.' }] }] };
    const saved = await sender.request('PUT', `/api/campaigns/${c.id}`, {
      version: c.version,
      kind: 'membres',
      subject: 'Le printemps des communes',
      preheader: 'AG, agenda',
      fromName: '',
      replyTo: '',
      lists: ['membres'],
      blocks: [{ type: 'edito', doc }],
    });
    expect(saved.statusCode).toBe(200);
    const before = sink.messages.length;
    const res = await sender.request('POST', `/api/campaigns/${c.id}/test`, { addresses: ['relecture@example.org'] });
    expect(res.statusCode).toBe(202);
    await waitUntil(() => sink.messages.length === before + 1);
    const test = sink.messages.at(-1)!;
    expect(test.parsed.from?.value[0]).toEqual({ name: 'ICPC', address: 'bonjour@icpc.example' });
    expect(test.parsed.replyTo?.value[0]?.address).toBe('contact@icpc.example');
    expect(test.envelopeFrom).toBe(MAIL_FROM);
    // compiled with the stored branding and the association's identity
    const html = String(test.parsed.html);
    expect(html.toLowerCase()).toContain(MEMBRES_ACCENT);
    expect(html).toContain('12 rue de la Concertation');
    expect(test.raw).not.toMatch(/crieur/i);
  });
});

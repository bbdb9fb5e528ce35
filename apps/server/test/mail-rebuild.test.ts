// Mail jobs lost in Redis (their keys deleted, as a flush or a restart without AOF would) come back
// from PostgreSQL: each owed email goes out exactly once, stamped when the mail server took it.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@crieur/auth';
import {
  findOpenConfirmation,
  getSubscriberDetail,
  importRows,
  listIdsBySlugs,
  owedConfirmations,
  receiveSubscribeRequest,
  searchSubscribers,
} from '@crieur/db';
import { dumpAllRows } from '@crieur/db/testing';
import { createMailer, type Mailer } from '@crieur/mailer';
import { confirmJobId } from '@crieur/queue';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { startHarness, TEST_LINK_KEY, type Harness } from './harness';
import { startSmtpSink, type ReceivedMail } from './smtp-sink';

const HOUR = 3600_000;
const T0 = new Date('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(fn: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(50);
  }
}

describe('mail jobs lost in Redis are rebuilt from the database', () => {
  let h: Harness;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: Mailer;
  let workers: RunningWorkers | undefined;

  const subscribe = async (email: string, lists: string[]) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/subscribe',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams([['email', email], ...lists.map((l): [string, string] => ['lists', l])]).toString(),
    });
    await h.app.subscribeInbox.settled(); // the request is processed after its answer
    return res;
  };
  const to = (address: string): ReceivedMail[] => sink.messages.filter((m) => m.to[0]?.toLowerCase() === address);
  const tokenIn = (mail: ReceivedMail) => /\/confirm\/([A-Za-z0-9_-]{20,})/.exec(mail.parsed.text ?? '')![1]!;
  const idOf = async (q: string) => (await searchSubscribers(h.database.db, { q, limit: 1 })).subscribers[0]!.id;
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
      // often, so the tests also show that running the rebuild again and again sends nothing twice
      mail: {
        db: h.database.db,
        mailer,
        publicUrl: 'http://localhost:3000',
        linkKey: TEST_LINK_KEY,
        mailFrom: 'lettre@democraties.example',
        reconcileEveryMs: 200,
      },
    });

  beforeAll(async () => {
    h = await startHarness({ deps: { subscribe: { perIpPerMinute: 1000, perAddressPerHour: 1000 } } });
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent' });
  });
  afterAll(async () => {
    await workers?.close(5_000);
    await mailer.close();
    await sink.close();
    await h.close();
  });

  it('sends a confirmation whose job was lost, exactly once, and counts the 24 h from when it went out', async () => {
    h.clock.now = T0;
    expect((await subscribe('perdu@example.org', ['membres'])).statusCode).toBe(202);
    const id = await idOf('perdu@');
    const [owed] = (await owedConfirmations(h.database.db, { now: T0 })).filter((o) => o.subscriberId === id);
    expect(await h.mailQueue.getJob(confirmJobId(owed!.confirmationId))).toBeTruthy();
    await loseMailJobs();
    expect(await h.mailQueue.getJob(confirmJobId(owed!.confirmationId))).toBeUndefined();

    h.clock.now = at(2 * HOUR); // the workers come back two hours later
    workers = await startMailWorkers();
    await waitUntil(() => to('perdu@example.org').length === 1);
    // stamped once the mail server took it, which is just after the sink recorded it
    await waitUntil(
      async () => (await getSubscriberDetail(h.database.db, id))!.subscriber.lastConfirmationSentAt !== null,
    );
    const detail = (await getSubscriberDetail(h.database.db, id))!;
    expect(detail.subscriber.lastConfirmationSentAt).toEqual(at(2 * HOUR));
    // the raw token is in the email only: the database keeps its hash, Redis nothing
    const token = tokenIn(to('perdu@example.org')[0]!);
    expect(await findOpenConfirmation(h.database.db, { tokenHash: hashToken(token), now: h.clock.now })).not.toBeNull();
    expect(await dumpAllRows(h.database.db)).not.toContain(token);
    for (const key of await h.redis.keys(`${h.prefix}:*`)) expect(key).not.toContain(token);

    // its finished job lost too, and the rebuild running again and again: no second email
    await loseMailJobs();
    await sleep(1_500);
    expect(to('perdu@example.org')).toHaveLength(1);

    // 25 h after the request, but 23 h after the email: the same answer, and no email
    h.clock.now = at(25 * HOUR);
    expect((await subscribe('perdu@example.org', ['membres', 'democraties'])).statusCode).toBe(202);
    await sleep(1_000);
    expect(to('perdu@example.org')).toHaveLength(1);
    const owedNow = await owedConfirmations(h.database.db, { now: h.clock.now });
    expect(owedNow.filter((o) => o.subscriberId === id)).toEqual([]);

    // 24 h after the email went out: a new one, whose link replaces the first
    h.clock.now = at(26 * HOUR + 60_000);
    expect((await subscribe('perdu@example.org', ['membres'])).statusCode).toBe(202);
    await waitUntil(() => to('perdu@example.org').length === 2);
    const second = tokenIn(to('perdu@example.org')[1]!);
    const open = await findOpenConfirmation(h.database.db, { tokenHash: hashToken(second), now: h.clock.now });
    expect(open?.lists.map((l) => l.slug).sort()).toEqual(['democraties', 'membres']);
    // the worker closes older links once the new email is stamped sent, just after the server took it
    await waitUntil(
      async () =>
        (await findOpenConfirmation(h.database.db, { tokenHash: hashToken(token), now: h.clock.now })) === null,
    );
    await sleep(1_000);
    expect(to('perdu@example.org')).toHaveLength(2);
  });

  it('sends the one welcome owed after a confirmation whose job was lost, once; imports get none', async () => {
    h.clock.now = at(30 * HOUR);
    await subscribe('bienvenue@example.org', ['membres', 'democraties']);
    await subscribe('importee@example.org', ['membres']); // asked by form, never confirmed, then imported
    await waitUntil(() => to('bienvenue@example.org').length === 1 && to('importee@example.org').length === 1);
    const membres = (await listIdsBySlugs(h.database.db, ['membres']))[0]!.id;
    const rows = [
      { line: 2, email: 'importee@example.org', name: '' },
      { line: 3, email: 'fichier@example.org', name: '' },
    ];
    const importing = { legalBasis: 'consent' as const, consentNote: 'AG 2026', actorId: null, importId: null };
    const imported = await importRows(h.database.db, {
      ...importing,
      listId: membres,
      now: h.clock.now,
      dryRun: false,
      rows,
    });
    expect(imported.imported).toBe(2);

    await workers?.close(5_000);
    workers = undefined; // the welcome jobs wait in Redis, where they are then lost
    const url = `/confirm/${tokenIn(to('bienvenue@example.org')[0]!)}`;
    const confirmed = await h.app.inject({ method: 'POST', url, headers: { accept: 'text/html' } });
    expect(confirmed.statusCode).toBe(200);
    // one welcome for the click, naming both lists
    expect(await h.mailQueue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
    await loseMailJobs();

    h.clock.now = at(31 * HOUR);
    workers = await startMailWorkers();
    await waitUntil(() => to('bienvenue@example.org').length === 2);
    await loseMailJobs();
    await sleep(1_500);
    const welcomes = to('bienvenue@example.org').slice(1);
    expect(welcomes).toHaveLength(1);
    const listOf = (m: ReceivedMail) => /^List-Id: .*<([^.>]+)\./im.exec(m.raw.replace(/\r?\n[ \t]+/g, ' '))?.[1];
    expect(welcomes.map(listOf)).toEqual(['membres']);
    expect(welcomes[0]!.parsed.text).toMatch(/Lettre des membres.*et à.*Lettre de démocratieS/);
    const subs = (await getSubscriberDetail(h.database.db, await idOf('bienvenue@')))!.subscriptions;
    expect(subs.map((s) => s.sub.welcomeSentAt)).toEqual([at(31 * HOUR), at(31 * HOUR)]);
    // the imported people: the form asker got her confirmation only, the file's address nothing
    expect(to('importee@example.org')).toHaveLength(1);
    expect(to('fichier@example.org')).toHaveLength(0);
  });

  it('processes a form request a crash left between its answer and its processing, once', async () => {
    h.clock.now = at(40 * HOUR);
    workers ??= await startMailWorkers();
    // what the server leaves when killed just after answering: the stored request, nothing else
    await receiveSubscribeRequest(h.database.db, {
      email: 'Rescapee@example.org',
      name: 'Rescapée',
      listSlugs: ['democraties'],
      formId: 'subscribe',
      textVersion: 'subscribe-2026-11',
      ip: '192.0.2.44',
      receivedAt: h.clock.now,
    });
    await waitUntil(() => to('rescapee@example.org').length === 1);
    const detail = (await getSubscriberDetail(h.database.db, await idOf('rescapee@')))!;
    expect(detail.subscriptions.map((s) => [s.list.slug, s.sub.status])).toEqual([['democraties', 'pending']]);
    expect(await dumpAllRows(h.database.db)).not.toContain('subscribe_requests:');
    await sleep(1_000); // the rebuild runs again and again: no second email
    expect(to('rescapee@example.org')).toHaveLength(1);
  });
});

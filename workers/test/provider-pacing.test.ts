// Sending each provider's way, against real PostgreSQL, Redis, an SMTP server and worker processes: a
// provider answering 421 slows alone while the others go on, and a bad list pauses its campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, pendingBatches } from '@crieur/db';
import { batchQueue, createSendJournal, enqueueBatches, readProviderSlowdowns } from '@crieur/queue';
import { controlCampaign, launchCampaign, providerPaceAt, readSlowdown } from '@crieur/sending';
import { createDraftCampaign, seedSubscribers } from './support/campaign-fixture';
import { MAIL_FROM, startFaultWorld, type FaultWorld } from './support/fault-world';

const PROVIDERS = [
  { name: 'gmail', domains: ['gmail.com', 'googlemail.com'], rate: 20 },
  { name: 'orange', domains: ['orange.fr', 'wanadoo.fr'], rate: 50 },
];
// quick enough for a test: 2 s doubling to 8 s, +50 % every 2 s
const POLICY = { floorRate: 0.5, firstBackoffMs: 2000, maxBackoffMs: 8000, recoveryEveryMs: 2000, recoveryFactor: 1.5 };

describe('sending each provider its own way', () => {
  let w: FaultWorld;

  beforeAll(async () => {
    w = await startFaultWorld('providerpace');
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  const launch = async (list: string, domains: string[], perDomain: number) => {
    const now = new Date();
    const emails: string[] = [];
    for (const domain of domains)
      emails.push(...(await seedSubscribers(w.database.db, { list, count: perDomain, domain, now })));
    const id = await createDraftCampaign(w.database.db, { lists: [list] });
    const started = await launchCampaign(
      {
        db: w.database.db,
        queue: batchQueue(w.queue),
        publicUrl: 'https://democraties.example',
        mailFrom: MAIL_FROM,
        providers: PROVIDERS,
        batchSize: 60,
      },
      { campaignId: id, now, actorId: null },
    );
    expect(started.started).toBe(true);
    return { id, emails, recipients: started.recipientCount };
  };

  it('a provider answering 421 slows alone: the others go out meanwhile, it is retried later at a lower rate', async () => {
    const refuseFor = 8000;
    let refusing = true;
    const refusals: number[] = [];
    w.smtp.faults.rcptReply = (to) => {
      if (!refusing || !to.endsWith('@gmail.com')) return undefined;
      refusals.push(Date.now());
      return { code: 421, message: '4.7.0 Try again later' };
    };
    const child = await w.spawnWorker({
      sendRate: 100,
      concurrency: 3,
      providers: PROVIDERS,
      providerPolicy: POLICY,
      logLevel: process.env.FAULT_LOG ?? 'silent',
    });
    const started = Date.now();
    const { id, recipients } = await launch('membres', ['gmail.com', 'orange.fr', 'example.org'], 100);
    expect(recipients).toBe(300);
    const frozen = [...(await w.rows(id))].map(([email, r]) => `${email.split('@')[1]}:${r.provider}`);
    expect(new Set(frozen)).toEqual(new Set(['gmail.com:gmail', 'orange.fr:orange', 'example.org:autres']));

    // the others all go out while gmail refuses, at the campaign's pace (100/s), and the campaign never waits
    const others = () => [...w.receivedFor(id).keys()].filter((e) => !e.endsWith('@gmail.com')).length;
    await w.smtp.waitUntil(() => others() === 200, refuseFor - 500, 'every orange and example.org message');
    expect(Date.now() - started).toBeLessThan(refuseFor);
    const during = await w.progress(id);
    expect(during.serverWait).toBeNull();
    expect(during.status).toBe('sending');
    expect([...w.receivedFor(id).keys()].filter((e) => e.endsWith('@gmail.com'))).toEqual([]);
    // gmail alone is slowed, for every process (the state is in Redis)
    const states = await readProviderSlowdowns(w.redis, w.prefix);
    expect([...states.keys()]).toEqual(['gmail']);
    const gmail = providerPaceAt(readSlowdown(states.get('gmail'))!, Date.now(), 20, POLICY);
    expect(gmail.recovered).toBe(false);
    // a throttle is not hammered: one refusal per back-off and connection, not one per recipient
    expect(refusals.length).toBeLessThan(20);

    await new Promise((r) => setTimeout(r, Math.max(0, refuseFor - (Date.now() - started))));
    refusing = false;
    const resumedAt = Date.now();
    const done = await w.waitFor(id, (p) => p.status === 'sent', 60_000, 'the campaign to finish');
    await w.stopWorker(child);

    const gmailTimes = w.smtp.messages
      .filter((m) => m.messageId?.startsWith(`${id}.`) && m.to.endsWith('@gmail.com'))
      .map((m) => m.at)
      .sort((a, b) => a - b);
    expect(gmailTimes.length).toBe(100);
    expect(gmailTimes[0]!).toBeGreaterThanOrEqual(resumedAt);
    // at its full 20/s the first 20 would share one window; slowed to 10/s or less, they need two or more
    expect(gmailTimes[19]! - gmailTimes[0]!).toBeGreaterThan(800);

    const received = w.receivedFor(id);
    expect(received.size).toBe(300);
    expect(Math.max(...received.values())).toBe(1);
    expect(done.counts).toMatchObject({ sent: 300, failed: 0, uncertain: 0 });
    // a 421 is "not now": never counted against the recipient
    const gmailRows = [...(await w.rows(id)).values()].filter((r) => r.provider === 'gmail');
    expect(Math.max(...gmailRows.map((r) => r.attempts))).toBe(1);
    w.smtp.faults.rcptReply = undefined;
  }, 120_000);

  it.each([
    [454, '4.7.0 Temporary service failure, try again later'],
    [451, '4.7.1 Rate limited, please try again later'],
  ])(
    '%i %s to Gmail addresses only: the others keep their full pace, Gmail is retried later, each once',
    async (code, message) => {
      const refuseFor = 6000;
      let refusing = true;
      const refusals: number[] = [];
      w.smtp.faults.rcptReply = (to) => {
        if (!refusing || !to.endsWith('@gmail.com')) return undefined;
        refusals.push(Date.now());
        return { code, message };
      };
      const child = await w.spawnWorker({
        sendRate: 100,
        concurrency: 3,
        providers: PROVIDERS,
        providerPolicy: POLICY,
        // a 4.7.x counts an attempt (it may concern this one recipient): retried soon in a test
        retry: { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 2000 },
        logLevel: process.env.FAULT_LOG ?? 'silent',
      });
      // a list of its own (the first test's recipients are on 'membres'): 150 at Gmail, 300 elsewhere
      const list = code === 454 ? 'membres' : 'democraties';
      const { id, recipients } = await launch(list, ['gmail.com', 'example.org', 'example.net'], 150);
      const startedAt = Date.now();
      const gmailCount = [...(await w.rows(id)).values()].filter((r) => r.provider === 'gmail').length;
      const mine = () => w.smtp.messages.filter((m) => m.messageId?.startsWith(`${id}.`));
      const others = () => mine().filter((m) => !m.to.endsWith('@gmail.com'));
      await w.smtp.waitUntil(
        () => others().length === recipients - gmailCount,
        refuseFor - 500,
        'every example.org and example.net message',
      );
      // the others' rate while Gmail refuses: `autres` is bounded by SEND_RATE (100/s) alone
      const otherTimes = others()
        .map((m) => m.at)
        .sort((a, b) => a - b);
      const otherRate = (otherTimes.length - 1) / ((otherTimes.at(-1)! - otherTimes[0]!) / 1000);
      expect(mine().filter((m) => m.to.endsWith('@gmail.com'))).toEqual([]);
      expect((await w.progress(id)).serverWait).toBeNull();
      expect([...(await readProviderSlowdowns(w.redis, w.prefix)).keys()]).toEqual(['gmail']);

      await new Promise((r) => setTimeout(r, Math.max(0, refuseFor - (Date.now() - startedAt))));
      refusing = false;
      const done = await w.waitFor(id, (p) => p.status === 'sent', 60_000, 'the campaign to finish');
      await w.stopWorker(child);
      const gmailTimes = mine()
        .filter((m) => m.to.endsWith('@gmail.com'))
        .map((m) => m.at)
        .sort((a, b) => a - b);
      const gmailRate = (gmailTimes.length - 1) / ((gmailTimes.at(-1)! - gmailTimes[0]!) / 1000);
      console.info(
        JSON.stringify({
          code,
          otherRate: Math.round(otherRate),
          gmailRateAfter: Math.round(gmailRate * 10) / 10,
          gmailRefusals: refusals.length,
        }),
      );
      // the others went at (about) the full pace of the cluster, Gmail well below its own 20/s on its way back
      expect(otherRate).toBeGreaterThan(50);
      expect(gmailRate).toBeLessThan(20);
      expect(refusals.length).toBeLessThan(30);
      const received = w.receivedFor(id);
      expect(received.size).toBe(recipients);
      expect(Math.max(...received.values())).toBe(1);
      expect(done.counts).toMatchObject({ sent: recipients, failed: 0, uncertain: 0 });
      w.smtp.faults.rcptReply = undefined;
    },
    120_000,
  );

  it('a bad list pauses itself with the reason in French, sends nothing more, and goes on once resumed', async () => {
    const bad = (to: string) => /^r\d*0@bounce\.example$/.test(to); // r0, r10, r20…: one address in ten
    w.smtp.faults.rcptReply = (to) => (bad(to) ? { code: 550, message: '5.1.1 No such user' } : undefined);
    const child = await w.spawnWorker({
      sendRate: 60,
      concurrency: 2,
      // judged after every chunk of 25: the share is seen early
      chunkSize: 25,
      bouncePause: { ratio: 0.05, window: 500, minimum: 50 },
      logLevel: process.env.FAULT_LOG ?? 'silent',
    });
    const { id, emails, recipients } = await launch('adherents', ['bounce.example'], 300);
    const paused = await w.waitFor(id, (p) => p.status === 'paused', 20_000, 'the campaign to pause itself');
    const pausedAt = Date.now();
    expect(paused.pauseReason).toMatch(
      /^Envoi suspendu\u00a0: \d+ adresses refusées sur les \d+ premières \(\d+\u00a0%\)\. Vérifiez la liste avant de reprendre\.$/,
    );
    const [, refused, processed] = /: (\d+) adresses refusées sur les (\d+)/.exec(paused.pauseReason!)!.map(Number);
    expect(processed).toBeGreaterThanOrEqual(50);
    expect(refused! / processed!).toBeGreaterThan(0.05);

    await new Promise((r) => setTimeout(r, 2500));
    const mine = w.smtp.messages.filter((m) => m.messageId?.startsWith(`${id}.`));
    // nothing handed over after the pause (only a message in flight on each of the 2 connections may finish)
    expect(mine.filter((m) => m.mailFromAt > pausedAt + 250)).toEqual([]);
    const still = await w.progress(id);
    expect(still.status).toBe('paused');
    expect(still.counts.queued).toBeGreaterThan(0);
    const audit = (await listAudit(w.database.db, { limit: 20 })).filter((e) => e.targetId === id);
    expect(audit.map((e) => [e.action, e.actorId, e.data])).toEqual([
      ['campaign_auto_paused', null, { hardBounces: refused, processed }],
    ]);

    // staff looked at the list and resume: the rule no longer applies to this campaign
    await controlCampaign(
      { db: w.database.db, journal: createSendJournal(w.redis, w.prefix) },
      { action: 'resume', campaignId: id, now: new Date(), actorId: null },
    );
    const due = await pendingBatches(w.database.db, { campaignId: id });
    await enqueueBatches(w.queue, { campaignId: id, batches: due.map((b) => b.batch) });
    const done = await w.waitFor(id, (p) => p.status === 'sent', 30_000, 'the campaign to finish');
    await w.stopWorker(child);

    const received = w.receivedFor(id);
    const good = emails.filter((e) => !bad(e));
    expect(good.every((e) => received.get(e) === 1)).toBe(true);
    expect(received.size).toBe(good.length);
    expect(done.counts).toMatchObject({ sent: good.length, failed: recipients - good.length, uncertain: 0 });
    w.smtp.faults.rcptReply = undefined;
  }, 90_000);
});

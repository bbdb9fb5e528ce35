import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignProgress,
  cancelCampaign,
  claimRecipients,
  finishCampaignIfDone,
  findCampaignRecipient,
  importRows,
  listIdsBySlugs,
  markClaimUncertain,
  inFlightClaims,
  claimRows,
  openDatabase,
  pauseCampaign,
  pendingBatches,
  recordOutcomes,
  requeueRecipients,
  resumeCampaign,
  startCampaign,
  suppressAddress,
  unsubscribeByLink,
  type Database,
} from '../src';
import { campaignLists, campaigns, subscriptions } from '../src/schema';
import { createTestDatabase } from '../src/testing';

const now = new Date('2026-05-04T08:00:00Z');
const later = (s: number) => new Date(now.getTime() + s * 1000);

describe('send ledger on PostgreSQL', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let ids: Record<string, number>;

  beforeAll(async () => {
    const t = await createTestDatabase('sending');
    database = await openDatabase({ databaseUrl: t.url });
    drop = t.drop;
    await database.migrate();
    ids = Object.fromEntries(
      (await listIdsBySlugs(database.db, ['membres', 'adherents', 'democraties'])).map((l) => [l.slug, l.id]),
    );
    const rows = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ line: i + 2, email: `${prefix}${i}@example.org`, name: `N${i}` }));
    const base = {
      legalBasis: 'consent' as const,
      consentNote: null,
      actorId: null,
      importId: null,
      now,
      dryRun: false,
    };
    await importRows(database.db, { ...base, listId: ids.membres!, rows: rows('m', 10) });
    // m0..m4 are on both lists: one ledger row each
    await importRows(database.db, { ...base, listId: ids.democraties!, rows: [...rows('m', 5), ...rows('d', 3)] });
    await suppressAddress(database.db, { email: 'm9@example.org', reason: 'hard_bounce', now, source: 'system' });
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  async function newCampaign(lists: string[]): Promise<string> {
    const [c] = await database.db
      .insert(campaigns)
      .values({ slug: `c-${Math.random().toString(36).slice(2)}`, kind: 'membres', subject: 'S' })
      .returning();
    await database.db.insert(campaignLists).values(lists.map((slug) => ({ campaignId: c!.id, listId: ids[slug]! })));
    return c!.id;
  }
  const start = (campaignId: string, batchSize = 4) =>
    startCampaign(database.db, {
      campaignId,
      now,
      html: '<p>h</p>',
      text: 't',
      batchSize,
      messageIdDomain: 'example.org',
      actorId: null,
      expect: { statuses: ['draft', 'scheduled', 'held'], version: 1 },
    });

  it('freezes confirmed, unsuppressed subscribers once, in batches, and a second start changes nothing', async () => {
    const id = await newCampaign(['membres', 'democraties']);
    const first = await start(id);
    // 10 members + 3 democraties-only - 1 suppressed (m9 left the lists when suppressed)
    expect(first).toEqual({ started: true, status: 'sending', recipientCount: 12, batches: 3 });
    expect(await start(id)).toMatchObject({ started: false, status: 'sending', recipientCount: 12 });
    const progress = await campaignProgress(database.db, { campaignId: id, now });
    expect(progress.counts.queued).toBe(12);
    expect(
      (await pendingBatches(database.db))
        .filter((b) => b.campaignId === id)
        .map((b) => b.batch)
        .sort(),
    ).toEqual([0, 1, 2]);
    const row = await findCampaignRecipient(database.db, { campaignId: id, email: 'M3@example.org' });
    expect(row?.messageId).toMatch(new RegExp(`^${id}\\.[0-9a-f-]{36}@example\\.org$`));
  });

  it('starts only from the expected states, at the version compiled: an unscheduled or edited campaign does not start', async () => {
    const id = await newCampaign(['democraties']);
    const base = {
      campaignId: id,
      now,
      html: '<p>h</p>',
      text: 't',
      batchSize: 4,
      messageIdDomain: 'example.org',
      actorId: null,
    };
    // the reconcile saw it scheduled; staff unscheduled it (draft) before the start
    expect(
      await startCampaign(database.db, { ...base, expect: { statuses: ['scheduled'], version: 1 } }),
    ).toMatchObject({ started: false, status: 'draft' });
    // staff edited it since the launch read and compiled version 1
    await database.db.update(campaigns).set({ version: 2 }).where(eq(campaigns.id, id));
    expect(await startCampaign(database.db, { ...base, expect: { statuses: ['draft'], version: 1 } })).toMatchObject({
      started: false,
      status: 'draft',
    });
    expect((await campaignProgress(database.db, { campaignId: id, now })).recipientCount).toBe(0);
    expect(await startCampaign(database.db, { ...base, expect: { statuses: ['draft'], version: 2 } })).toMatchObject({
      started: true,
    });
  });

  it('sizes batches from the count: about the target number, within min and max', async () => {
    const id = await newCampaign(['membres', 'democraties']);
    const started = await startCampaign(database.db, {
      campaignId: id,
      now,
      html: 'h',
      text: 't',
      batchSize: { target: 4, min: 2, max: 1000 },
      messageIdDomain: 'example.org',
      actorId: null,
      expect: { statuses: ['draft'], version: 1 },
    });
    // 12 recipients, about 4 batches: 3 each
    expect(started).toMatchObject({ started: true, recipientCount: 12, batches: 4 });
  });

  it('two workers claiming the same batch never get the same row; pause stops claims; outcomes finish the campaign', async () => {
    const id = await newCampaign(['membres']);
    await start(id, 100);
    const [a, b] = await Promise.all([
      claimRecipients(database.db, { campaignId: id, batch: 0, limit: 5, claimer: 'w1', now }),
      claimRecipients(database.db, { campaignId: id, batch: 0, limit: 5, claimer: 'w2', now }),
    ]);
    const all = [...a, ...b].map((r) => r.subscriberId);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(9);
    await pauseCampaign(database.db, { campaignId: id, now });
    expect(await claimRecipients(database.db, { campaignId: id, batch: 0, limit: 5, claimer: 'w3', now })).toEqual([]);
    // another process's outcome for w1's rows is ignored
    expect(
      await recordOutcomes(database.db, {
        campaignId: id,
        claimer: 'w2',
        now,
        outcomes: a.map((r) => ({ subscriberId: r.subscriberId, status: 'sent', response: '250 ok' })),
      }),
    ).toBe(0);
    await recordOutcomes(database.db, {
      campaignId: id,
      claimer: 'w1',
      now,
      outcomes: a.map((r) => ({ subscriberId: r.subscriberId, status: 'sent', response: '250 ok' })),
    });
    const [first, ...rest] = b;
    await recordOutcomes(database.db, {
      campaignId: id,
      claimer: 'w2',
      now,
      outcomes: [
        { subscriberId: first!.subscriberId, status: 'failed', error: '550 5.1.1 unknown' },
        ...rest.map((r) => ({
          subscriberId: r.subscriberId,
          status: 'queued' as const,
          error: '451 later',
          retryAt: later(30),
        })),
      ],
    });
    expect(await finishCampaignIfDone(database.db, { campaignId: id, now })).toBe(false);
    await resumeCampaign(database.db, { campaignId: id, now });
    expect(
      await claimRecipients(database.db, { campaignId: id, batch: 0, limit: 50, claimer: 'w1', now: later(10) }),
    ).toEqual([]);
    const retried = await claimRecipients(database.db, {
      campaignId: id,
      batch: 0,
      limit: 50,
      claimer: 'w1',
      now: later(31),
    });
    expect(retried.map((r) => r.attempts)).toEqual(rest.map(() => 2));
    await recordOutcomes(database.db, {
      campaignId: id,
      claimer: 'w1',
      now,
      outcomes: retried.map((r) => ({ subscriberId: r.subscriberId, status: 'sent', response: '250' })),
    });
    expect(await finishCampaignIfDone(database.db, { campaignId: id, now })).toBe(true);
    const progress = await campaignProgress(database.db, { campaignId: id, now });
    expect(progress).toMatchObject({
      status: 'sent',
      recipientCount: 9,
      counts: { sent: 8, failed: 1, queued: 0, sending: 0 },
    });
    expect(progress.errors).toEqual([{ error: '550 5.1.1 unknown', count: 1 }]);
    // 8 sent at `now`: 4 s later that is 2 a second, not 8 spread over a minute
    expect((await campaignProgress(database.db, { campaignId: id, now: later(4) })).ratePerSecond).toBe(2);
    expect((await campaignProgress(database.db, { campaignId: id, now: later(61) })).ratePerSecond).toBe(0);
    expect(await requeueRecipients(database.db, { campaignId: id, now, which: 'failed' })).toBe(1);
    expect((await campaignProgress(database.db, { campaignId: id, now })).status).toBe('sending');
  });

  it('a claim whose journal is lost becomes uncertain, never queued; another claim is left alone', async () => {
    const id = await newCampaign(['democraties']);
    await start(id, 100);
    const dead = await claimRecipients(database.db, { campaignId: id, batch: 0, limit: 3, claimer: 'dead', now });
    const live = await claimRecipients(database.db, { campaignId: id, batch: 0, limit: 3, claimer: 'live', now });
    expect((await inFlightClaims(database.db, { claimedBefore: later(1) })).sort()).toEqual(['dead', 'live']);
    expect(await inFlightClaims(database.db, { claimedBefore: now })).toEqual([]);
    expect((await claimRows(database.db, 'dead')).map((r) => r.subscriberId).sort()).toEqual(
      dead.map((r) => r.subscriberId).sort(),
    );
    expect(await markClaimUncertain(database.db, { claimer: 'dead', now: later(1) })).toBe(dead.length);
    const progress = await campaignProgress(database.db, { campaignId: id, now });
    expect(progress.counts).toMatchObject({ uncertain: 3, sending: live.length });
    // the live worker's late answer still lands
    await recordOutcomes(database.db, {
      campaignId: id,
      claimer: 'live',
      now,
      outcomes: live.map((r) => ({ subscriberId: r.subscriberId, status: 'sent', response: '250' })),
    });
    await cancelCampaign(database.db, { campaignId: id, now });
    expect((await campaignProgress(database.db, { campaignId: id, now })).counts).toMatchObject({
      sent: 3,
      uncertain: 3,
      skipped: 2,
      queued: 0,
    });
  });

  it("stores a mail server's reply without the control characters PostgreSQL would refuse", async () => {
    const id = await newCampaign(['democraties']);
    await start(id, 100);
    const [row] = await claimRecipients(database.db, { campaignId: id, batch: 0, limit: 1, claimer: 'nul', now });
    const n = await recordOutcomes(database.db, {
      campaignId: id,
      claimer: 'nul',
      now,
      outcomes: [{ subscriberId: row!.subscriberId, status: 'sent', response: '250 ok\u0000 queued\u001b' }],
    });
    expect(n).toBe(1);
    expect((await findCampaignRecipient(database.db, { campaignId: id, email: row!.email! }))?.response).toBe(
      '250 ok queued',
    );
  });

  it('a claim reports the subscription as it is now, so an unsubscribe after the freeze is seen', async () => {
    const id = await newCampaign(['democraties']);
    await start(id, 100);
    const [sub] = await database.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.listId, ids.democraties!))
      .limit(1);
    await unsubscribeByLink(database.db, { ref: { id: sub!.id }, now });
    const claimed = await claimRecipients(database.db, { campaignId: id, batch: 0, limit: 50, claimer: 'w', now });
    expect(claimed.find((r) => r.subscriberId === sub!.subscriberId)?.subscriptionStatus).toBe('unsubscribed');
    expect(claimed.filter((r) => r.subscriptionStatus === 'confirmed').length).toBe(claimed.length - 1);
  });
});

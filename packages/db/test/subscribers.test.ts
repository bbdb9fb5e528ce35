import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  confirmSubscription,
  eraseSubscriber,
  findByPreferencesLink,
  getSubscriberDetail,
  importRows,
  listCounts,
  listIdsBySlugs,
  markConfirmationSent,
  owedConfirmations,
  prepareConfirmationEmail,
  processLeftoverSubscribeRequests,
  processSubscribeRequest,
  receiveSubscribeRequest,
  requestSubscription,
  staffSubscribe,
  suppressAddress,
  unsubscribeByLink,
  updatePreferences,
  type Database,
} from '../src';
import { subscribeRequests, subscribers, suppressions } from '../src/schema';
import { bothBackends } from '../src/testing';

const DAY = 24 * 3600_000;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

// the same behaviour on real PostgreSQL and on embedded PGlite
const backends = bothBackends('subs');

describe.each(backends)('subscribers on %s', (_name, open) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let ids: Record<string, number>;
  const now = new Date('2026-05-04T08:00:00Z');
  const base = {
    name: 'Alex',
    formId: 'subscribe',
    textVersion: 'v1',
    ip: '192.0.2.1',
    confirmationTtlMs: 7 * DAY,
    resendAfterMs: DAY,
  };

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await database.migrate();
    ids = Object.fromEntries(
      (await listIdsBySlugs(database.db, ['membres', 'adherents', 'democraties'])).map((l) => [l.slug, l.id]),
    );
  });
  afterAll(() => cleanup());

  it('takes a form subscription through double opt-in, once per 24 h', async () => {
    const db = database.db;
    const first = await requestSubscription(db, {
      ...base,
      email: 'Alex@Example.org',
      listSlugs: ['membres', 'adherents'],
      now,
    });
    expect(first.confirmationId).toBeTruthy();
    // the private list is not offered by the public form
    const again = await requestSubscription(db, {
      ...base,
      email: 'alex@example.org',
      listSlugs: ['democraties'],
      now: new Date(now.getTime() + 60_000),
    });
    // its email has not gone out: the same confirmation (hence the same job), with both requests' lists
    expect(again.confirmationId).toBe(first.confirmationId);
    const mail = await prepareConfirmationEmail(db, {
      confirmationId: first.confirmationId!,
      tokenHash: sha('tok'),
      now,
    });
    expect(mail?.email).toBe('Alex@Example.org');
    expect(mail?.lists.map((l) => l.slug).sort()).toEqual(['democraties', 'membres']);
    const sentAt = new Date(now.getTime() + 3 * 3600_000); // the email went out three hours after the request
    await markConfirmationSent(db, { confirmationId: first.confirmationId!, now: sentAt });
    const late = { confirmationId: first.confirmationId!, tokenHash: sha('other'), now: sentAt };
    expect(await prepareConfirmationEmail(db, late)).toBeNull(); // sent: no second token, no second email
    const ask = (at: number) =>
      requestSubscription(db, { ...base, email: 'alex@example.org', listSlugs: ['membres'], now: new Date(at) });
    // 24 h count from the email, not from the request
    expect((await ask(now.getTime() + DAY + 3600_000)).confirmationId).toBeNull();
    const done = await confirmSubscription(db, { tokenHash: sha('tok'), ip: '198.51.100.7', now });
    expect(done?.confirmed).toHaveLength(2);
    expect(await confirmSubscription(db, { tokenHash: sha('tok'), ip: null, now })).toBeNull(); // single use
    const detail = await getSubscriberDetail(db, done!.subscriberId);
    expect(
      detail?.subscriptions.map((s) => [
        s.list.slug,
        s.sub.status,
        s.sub.consentSource,
        s.sub.consentIp,
        s.sub.consentTextVersion,
      ]),
    ).toEqual([
      ['membres', 'confirmed', 'form', '198.51.100.7', 'v1'],
      ['democraties', 'confirmed', 'form', '198.51.100.7', 'v1'],
    ]);
    expect(detail?.events.map((e) => e.e.type).sort()).toEqual(['confirmed', 'confirmed', 'subscribed', 'subscribed']);
  });

  it('unsubscribes by link idempotently, and an import never brings the person back', async () => {
    const db = database.db;
    const detail = (await getSubscriberDetail(db, (await findByEmail(database, 'alex@example.org'))!))!;
    const ref = { id: detail.subscriptions.find((s) => s.list.slug === 'membres')!.sub.id };
    expect((await unsubscribeByLink(db, { ref, now }))?.listName).toBe('Lettre des membres');
    expect((await unsubscribeByLink(db, { ref, now }))?.listName).toBe('Lettre des membres');
    const events = (await getSubscriberDetail(db, detail.subscriber.id))!.events.filter(
      (e) => e.e.type === 'unsubscribed',
    );
    expect(events).toHaveLength(1);

    const outcome = await importRows(db, {
      listId: ids.membres!,
      legalBasis: 'consent',
      consentNote: 'AG 2026',
      actorId: null,
      importId: null,
      now,
      dryRun: false,
      rows: [
        { line: 2, email: 'ALEX@example.org', name: 'Alex' },
        { line: 3, email: 'new@example.org', name: 'Nouvelle' },
      ],
    });
    expect(outcome).toEqual({
      imported: 1,
      alreadySubscribed: 0,
      problems: [{ line: 2, reason: 'unsubscribed', value: 'ALEX@example.org' }],
    });
  });

  it('dry-runs an import without writing', async () => {
    const before = await listCounts(database.db);
    const outcome = await importRows(database.db, {
      listId: ids.adherents!,
      legalBasis: 'legitimate_interest',
      consentNote: null,
      actorId: null,
      importId: null,
      now,
      dryRun: true,
      rows: [
        { line: 2, email: 'a1@example.org', name: '' },
        { line: 3, email: 'new@example.org', name: '' },
      ],
    });
    expect(outcome.imported).toBe(2);
    expect(await listCounts(database.db)).toEqual(before);
  });

  it('lets preferences join public lists and leave any', async () => {
    const db = database.db;
    const id = (await findByEmail(database, 'new@example.org'))!;
    const prefs = await findByPreferencesLink(db, { id });
    expect(prefs?.lists.map((l) => [l.slug, l.status])).toEqual([
      ['membres', 'confirmed'],
      ['democraties', null],
    ]);
    expect(
      await updatePreferences(db, {
        subscriberId: id,
        wantedListIds: [ids.democraties!, ids.adherents!],
        ip: null,
        now,
        textVersion: 'v1',
      }),
    ).toEqual({ joined: [ids.democraties], left: [ids.membres] });
  });

  it('owes no confirmation email to an address suppressed after it asked', async () => {
    const db = database.db;
    const { confirmationId } = await requestSubscription(db, {
      ...base,
      email: ' Owed@Example.org',
      listSlugs: ['membres'],
      now,
    });
    const owed = async () => (await owedConfirmations(db, { now })).map((o) => o.confirmationId);
    expect(await owed()).toContain(confirmationId);
    await suppressAddress(db, { email: 'owed@example.org', reason: 'complaint', now, source: 'email' });
    expect(await owed()).not.toContain(confirmationId);
  });

  it('suppresses and refuses staff re-adds, and erases leaving only the hash', async () => {
    const db = database.db;
    const { subscriberId } = await staffSubscribe(db, {
      email: 'erase@example.org',
      name: 'Éva',
      listIds: [ids.adherents!],
      consentNote: null,
      actorId: '00000000-0000-4000-8000-000000000000',
      now,
    });
    await eraseSubscriber(db, { subscriberId, now, source: 'form' });
    expect(await getSubscriberDetail(db, subscriberId)).toBeNull();
    const dump = JSON.stringify(await db.select().from(subscribers));
    expect(dump).not.toContain('erase@example.org');
    await suppressAddress(db, { email: 'new@example.org', reason: 'hard_bounce', now, source: 'email' });
    await expect(
      staffSubscribe(db, {
        email: 'new@example.org',
        listIds: [ids.membres!],
        consentNote: 'x',
        actorId: '00000000-0000-4000-8000-000000000000',
        now,
      }),
    ).rejects.toThrow(/suppression/);
  });

  it('lifts an erasure by a new confirmed consent, and says why; other suppressions stand', async () => {
    const db = database.db;
    const staff = { listIds: [ids.membres!], consentNote: null, actorId: '00000000-0000-4000-8000-000000000000', now };
    const suppression = async (email: string) =>
      (
        await db
          .select()
          .from(suppressions)
          .where(sql`${suppressions.emailHash} = ${sha(email)}`)
      )[0]?.reason;
    const { subscriberId } = await staffSubscribe(db, { ...staff, email: 'retour@example.org' });
    await eraseSubscriber(db, { subscriberId, now, source: 'form' });
    const later = new Date(now.getTime() + DAY);
    const ask = (email: string, listSlugs: string[]) =>
      requestSubscription(db, { ...base, email, listSlugs, now: later });
    const back = await ask('Retour@example.org', ['democraties']);
    expect(back.confirmationId).toBeTruthy();
    expect((await owedConfirmations(db, { now: later })).map((o) => o.confirmationId)).toContain(back.confirmationId);
    await prepareConfirmationEmail(db, { confirmationId: back.confirmationId!, tokenHash: sha('retour'), now: later });
    const done = await confirmSubscription(db, { tokenHash: sha('retour'), ip: '198.51.100.8', now: later });
    expect(done?.confirmed).toHaveLength(1);
    expect(await suppression('retour@example.org')).toBeUndefined();
    const events = (await getSubscriberDetail(db, done!.subscriberId))!.events;
    expect(events.map((e) => [e.e.type, e.e.data.liftedSuppression ?? null])).toEqual([
      ['confirmed', 'erased'],
      ['subscribed', null],
    ]);

    // a bounce outweighs an erasure: neither the form nor an old link brings the address back
    const { subscriberId: again } = await staffSubscribe(db, { ...staff, email: 'rebond@example.org' });
    await eraseSubscriber(db, { subscriberId: again, now, source: 'staff' });
    const pending = await ask('rebond@example.org', ['membres']);
    const tokenHash = sha('rebond');
    await prepareConfirmationEmail(db, { confirmationId: pending.confirmationId!, tokenHash, now: later });
    await suppressAddress(db, { email: 'rebond@example.org', reason: 'hard_bounce', now: later, source: 'email' });
    expect(await confirmSubscription(db, { tokenHash, ip: null, now: later })).toBeNull();
    expect((await ask('rebond@example.org', ['membres'])).confirmationId).toBeNull();
    expect(await suppression('rebond@example.org')).toBe('hard_bounce');
    // erasing a bounced address keeps the bounce: it is never turned into a liftable erasure
    const bounced = (await findByEmail(database, 'rebond@example.org'))!;
    await eraseSubscriber(db, { subscriberId: bounced, now: later, source: 'staff' });
    expect(await suppression('rebond@example.org')).toBe('hard_bounce');
  });

  it('keeps form requests in an inbox until processed; erasure empties it for the address', async () => {
    const db = database.db;
    const request = {
      name: 'Ines',
      listSlugs: ['democraties'],
      formId: 'subscribe',
      textVersion: 'v1',
      ip: '192.0.2.9',
      receivedAt: now,
    };
    const { requestId } = await receiveSubscribeRequest(db, { ...request, email: 'Inbox@example.org' });
    const done = await processSubscribeRequest(db, { requestId });
    expect(done?.confirmationId).toBeTruthy();
    expect(await processSubscribeRequest(db, { requestId })).toBeNull(); // taken once
    expect(await db.select().from(subscribeRequests)).toEqual([]);

    // two requests a crash left behind: the rebuild takes both, the second joins the first's confirmation
    await receiveSubscribeRequest(db, { ...request, email: 'crash@example.org' });
    await receiveSubscribeRequest(db, { ...request, email: 'CRASH@example.org', listSlugs: ['membres'] });
    expect(await processLeftoverSubscribeRequests(db)).toBe(2);
    const crash = (await getSubscriberDetail(db, (await findByEmail(database, 'crash@example.org'))!))!;
    const owed = (await owedConfirmations(db, { now })).filter((o) => o.subscriberId === crash.subscriber.id);
    expect(owed).toHaveLength(1);
    expect(crash.subscriptions.map((s) => [s.list.slug, s.sub.status])).toEqual([
      ['membres', 'pending'],
      ['democraties', 'pending'],
    ]);

    // a request still waiting when its person is erased goes with them
    await receiveSubscribeRequest(db, { ...request, email: ' Crash@Example.org', listSlugs: ['membres'] });
    await receiveSubscribeRequest(db, { ...request, email: 'autre@example.org' });
    await eraseSubscriber(db, { subscriberId: crash.subscriber.id, now, source: 'form' });
    const waiting = await db.select({ email: subscribeRequests.email }).from(subscribeRequests);
    expect(waiting.map((r) => r.email)).toEqual(['autre@example.org']);
    expect(await processLeftoverSubscribeRequests(db)).toBe(1);
  });
});

async function findByEmail(database: Database, email: string): Promise<string | undefined> {
  const [row] = await database.db
    .select({ id: subscribers.id })
    .from(subscribers)
    .where(sql`lower(${subscribers.email}) = lower(${email})`);
  return row?.id;
}

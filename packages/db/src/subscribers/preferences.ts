import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { lists, subscribers, subscriptionEvents, subscriptions } from '../schema';
import { appendEvents } from '../shared/subscription-events';
import { unsubscribeSubscriber, type LinkRef } from './unsubscribe';

export type PreferenceList = {
  id: number;
  slug: string;
  name: string;
  description: string;
  visibility: 'public' | 'private';
  status: 'pending' | 'confirmed' | 'unsubscribed' | null;
};

export async function findByPreferencesLink(
  db: Db,
  ref: LinkRef,
): Promise<{
  subscriber: { id: string; email: string; name: string; locale: 'fr' | 'en' };
  lists: PreferenceList[];
} | null> {
  const [s] = await db
    .select({ id: subscribers.id, email: subscribers.email, name: subscribers.name, locale: subscribers.locale })
    .from(subscribers)
    .where('id' in ref ? eq(subscribers.id, ref.id) : eq(subscribers.legacyPreferencesHash, ref.legacyHash));
  if (!s) return null;
  // public lists, and private ones only where the person already is
  const rows = await db
    .select({
      id: lists.id,
      slug: lists.slug,
      name: lists.name,
      description: lists.description,
      visibility: lists.visibility,
      status: subscriptions.status,
    })
    .from(lists)
    .leftJoin(subscriptions, and(eq(subscriptions.listId, lists.id), eq(subscriptions.subscriberId, s.id)))
    .where(or(eq(lists.visibility, 'public'), sql`${subscriptions.id} is not null`))
    .orderBy(asc(lists.id));
  return { subscriber: s, lists: rows };
}

/** The preferences form: ticked public lists are confirmed (the person is known by the token), unticked ones left. */
export async function updatePreferences(
  db: Db,
  input: { subscriberId: string; wantedListIds: number[]; ip: string | null; now: Date; textVersion: string },
): Promise<{ joined: number[]; left: number[] }> {
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ listId: subscriptions.listId, status: subscriptions.status })
      .from(subscriptions)
      .where(eq(subscriptions.subscriberId, input.subscriberId));
    const publicIds = new Set(
      (await tx.select({ id: lists.id }).from(lists).where(eq(lists.visibility, 'public'))).map((l) => l.id),
    );
    const statusOf = new Map(current.map((c) => [c.listId, c.status]));
    const join = input.wantedListIds.filter((id) => publicIds.has(id) && statusOf.get(id) !== 'confirmed');
    const leave = current
      .filter((c) => c.status !== 'unsubscribed' && !input.wantedListIds.includes(c.listId))
      .map((c) => c.listId);
    if (join.length) {
      const proof = {
        consentAt: input.now,
        consentSource: 'form' as const,
        consentFormId: 'preferences',
        consentTextVersion: input.textVersion,
        consentIp: input.ip,
        consentNote: null,
        confirmedAt: input.now,
        unsubscribedAt: null,
        updatedAt: input.now,
      };
      await tx
        .insert(subscriptions)
        .values(
          join.map((listId) => ({
            subscriberId: input.subscriberId,
            listId,
            status: 'confirmed' as const,
            legalBasis: 'consent' as const,
            ...proof,
          })),
        )
        .onConflictDoUpdate({
          target: [subscriptions.subscriberId, subscriptions.listId],
          set: { status: 'confirmed', ...proof },
        });
      await appendEvents(
        tx,
        join.map((listId) => ({
          type: 'confirmed' as const,
          subscriberId: input.subscriberId,
          listId,
          source: 'form' as const,
          at: input.now,
          data: { formId: 'preferences' },
        })),
      );
    }
    if (leave.length)
      await unsubscribeSubscriber(tx, {
        subscriberId: input.subscriberId,
        listIds: leave,
        now: input.now,
        source: 'form',
      });
    return { joined: join, left: leave };
  });
}

/** Everything held about one person (RGPD right of access), as plain data. */
export async function exportSubscriberData(db: Db, subscriberId: string) {
  const [s] = await db.select().from(subscribers).where(eq(subscribers.id, subscriberId));
  if (!s) return null;
  const subs = await db
    .select({ list: lists.slug, listName: lists.name, s: subscriptions })
    .from(subscriptions)
    .innerJoin(lists, eq(lists.id, subscriptions.listId))
    .where(eq(subscriptions.subscriberId, subscriberId));
  const events = await db
    .select({
      at: subscriptionEvents.at,
      type: subscriptionEvents.type,
      listId: subscriptionEvents.listId,
      source: subscriptionEvents.source,
    })
    .from(subscriptionEvents)
    .where(eq(subscriptionEvents.subscriberId, subscriberId))
    .orderBy(desc(subscriptionEvents.id));
  const slugOf = new Map(subs.map((x) => [x.s.listId, x.list]));
  return {
    email: s.email,
    name: s.name,
    locale: s.locale,
    createdAt: s.createdAt.toISOString(),
    subscriptions: subs.map(({ list, listName, s: sub }) => ({
      list,
      listName,
      status: sub.status,
      legalBasis: sub.legalBasis,
      consent: sub.consentAt
        ? {
            at: sub.consentAt.toISOString(),
            source: sub.consentSource,
            formId: sub.consentFormId,
            textVersion: sub.consentTextVersion,
            ip: sub.consentIp,
            note: sub.consentNote,
          }
        : null,
      confirmedAt: sub.confirmedAt?.toISOString() ?? null,
      unsubscribedAt: sub.unsubscribedAt?.toISOString() ?? null,
    })),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      type: e.type,
      list: e.listId ? (slugOf.get(e.listId) ?? null) : null,
      source: e.source,
    })),
  };
}

export async function listIdsBySlugs(
  db: Db,
  slugs: string[],
): Promise<
  { id: number; slug: string; visibility: 'public' | 'private'; legalBasis: 'consent' | 'legitimate_interest' }[]
> {
  if (!slugs.length) return [];
  return db
    .select({ id: lists.id, slug: lists.slug, visibility: lists.visibility, legalBasis: lists.legalBasis })
    .from(lists)
    .where(inArray(lists.slug, slugs));
}

import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { lists, subscribers, subscriptions } from '../schema';
import { appendEvents } from '../shared/subscription-events';
import { isSuppressed } from '../shared/suppressions';

export class DuplicateSubscriberError extends Error {
  readonly code = 'DUPLICATE_SUBSCRIBER';
  constructor(readonly subscriberId: string) {
    super('A subscriber with this email already exists');
    this.name = 'DuplicateSubscriberError';
  }
}

export class SuppressedAddressError extends Error {
  readonly code = 'SUPPRESSED';
  constructor() {
    super('This address is on the suppression list');
    this.name = 'SuppressedAddressError';
  }
}

/**
 * Staff add someone to lists on their word (consent given elsewhere, noted in `consentNote`,
 * or the private list's legitimate interest): confirmed at once, with the staff member as proof.
 */
export async function staffSubscribe(
  db: Db,
  input: {
    subscriberId?: string;
    email?: string;
    name?: string;
    locale?: 'fr' | 'en';
    listIds: number[];
    consentNote: string | null;
    actorId: string;
    now: Date;
  },
): Promise<{ subscriberId: string }> {
  return db.transaction(async (tx) => {
    let subscriberId = input.subscriberId;
    if (!subscriberId) {
      const email = input.email!.trim();
      if (await isSuppressed(tx, email)) throw new SuppressedAddressError();
      const [existing] = await tx
        .select({ id: subscribers.id })
        .from(subscribers)
        .where(sql`lower(${subscribers.email}) = lower(${email})`);
      if (existing) throw new DuplicateSubscriberError(existing.id);
      const [created] = await tx
        .insert(subscribers)
        .values({
          email,
          name: input.name?.trim() ?? '',
          locale: input.locale ?? 'fr',
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning({ id: subscribers.id });
      subscriberId = created!.id;
    } else {
      const [s] = await tx
        .select({ email: subscribers.email })
        .from(subscribers)
        .where(eq(subscribers.id, subscriberId));
      if (s && (await isSuppressed(tx, s.email))) throw new SuppressedAddressError();
    }
    const targets = await tx
      .select({ id: lists.id, legalBasis: lists.legalBasis })
      .from(lists)
      .where(inArray(lists.id, input.listIds));
    for (const list of targets) {
      const proof = {
        status: 'confirmed' as const,
        legalBasis: list.legalBasis,
        consentAt: input.now,
        consentSource: 'staff' as const,
        consentFormId: null,
        consentTextVersion: null,
        consentIp: null,
        consentNote: input.consentNote,
        confirmedAt: input.now,
        unsubscribedAt: null,
        updatedAt: input.now,
      };
      const changed = await tx
        .insert(subscriptions)
        .values({ subscriberId, listId: list.id, ...proof })
        .onConflictDoUpdate({
          target: [subscriptions.subscriberId, subscriptions.listId],
          set: proof,
          setWhere: sql`${subscriptions.status} <> 'confirmed'`,
        })
        .returning({ id: subscriptions.id });
      if (changed.length) {
        await appendEvents(tx, [
          {
            type: 'subscribed',
            subscriberId,
            listId: list.id,
            source: 'staff',
            actorId: input.actorId,
            at: input.now,
            data: { legalBasis: list.legalBasis },
          },
        ]);
        await appendEvents(tx, [
          { type: 'confirmed', subscriberId, listId: list.id, source: 'staff', actorId: input.actorId, at: input.now },
        ]);
      }
    }
    return { subscriberId };
  });
}

import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { confirmations, lists, subscribers, subscriptions, suppressions } from '../schema';
import { appendEvents } from '../shared/subscription-events';
import { emailHash, suppressionReason } from '../shared/suppressions';

export type ListSummary = { id: number; slug: string; name: string; description: string };

/** For the mail worker: records the token's hash and returns what the email needs, or null if moot or already sent. */
export async function prepareConfirmationEmail(
  db: Db,
  input: { confirmationId: string; tokenHash: string; now: Date },
): Promise<{ email: string; subscriberId: string; lists: ListSummary[] } | null> {
  const [row] = await db
    .update(confirmations)
    .set({ tokenHash: input.tokenHash })
    .where(
      and(
        eq(confirmations.id, input.confirmationId),
        isNull(confirmations.usedAt),
        gt(confirmations.expiresAt, input.now),
        isNull(confirmations.sentAt),
      ),
    )
    .returning({ subscriberId: confirmations.subscriberId, listIds: confirmations.listIds });
  if (!row) return null;
  const [subscriber] = await db
    .select({ email: subscribers.email })
    .from(subscribers)
    .where(eq(subscribers.id, row.subscriberId));
  if (!subscriber) return null;
  const listRows = await db
    .select({ id: lists.id, slug: lists.slug, name: lists.name, description: lists.description })
    .from(lists)
    .where(inArray(lists.id, row.listIds));
  return { email: subscriber.email, subscriberId: row.subscriberId, lists: listRows };
}

/** For the confirmation page: the lists a valid token would confirm. */
export async function findOpenConfirmation(
  db: Db,
  input: { tokenHash: string; now: Date },
): Promise<{ lists: ListSummary[] } | null> {
  const [row] = await db
    .select({ listIds: confirmations.listIds })
    .from(confirmations)
    .where(
      and(
        eq(confirmations.tokenHash, input.tokenHash),
        isNull(confirmations.usedAt),
        gt(confirmations.expiresAt, input.now),
      ),
    );
  if (!row) return null;
  return {
    lists: await db
      .select({ id: lists.id, slug: lists.slug, name: lists.name, description: lists.description })
      .from(lists)
      .where(inArray(lists.id, row.listIds)),
  };
}

/**
 * The click on "Confirmer": single use; each list becomes confirmed with its consent proof.
 * This fresh consent lifts an erasure's suppression (the ledger says so); any other suppression refuses it.
 */
export async function confirmSubscription(
  db: Db,
  input: { tokenHash: string; ip: string | null; now: Date },
): Promise<{
  subscriberId: string;
  confirmed: { subscriptionId: string; listId: number }[];
  /** the instant every list just confirmed owes its welcome from: the one welcome job's key */
  welcomeDueAt: Date;
} | null> {
  return db.transaction(async (tx) => {
    const [c] = await tx
      .update(confirmations)
      .set({ usedAt: input.now })
      .where(
        and(
          eq(confirmations.tokenHash, input.tokenHash),
          isNull(confirmations.usedAt),
          gt(confirmations.expiresAt, input.now),
        ),
      )
      .returning();
    if (!c) return null;
    const [person] = await tx
      .select({ email: subscribers.email })
      .from(subscribers)
      .where(eq(subscribers.id, c.subscriberId));
    const suppression = person ? await suppressionReason(tx, person.email) : null;
    if (suppression && suppression !== 'erased') return null;
    if (suppression === 'erased') {
      const erased = and(eq(suppressions.emailHash, emailHash(person!.email)), eq(suppressions.reason, 'erased'));
      await tx.delete(suppressions).where(erased);
    }
    // no personal data in the ledger: only why the suppression went
    const lifted = suppression === 'erased' ? { liftedSuppression: 'erased' } : {};
    const confirmed = await tx
      .insert(subscriptions)
      .values(
        c.listIds.map((listId) => ({
          subscriberId: c.subscriberId,
          listId,
          status: 'confirmed' as const,
          legalBasis: 'consent' as const,
          welcomeDueAt: input.now,
        })),
      )
      .onConflictDoUpdate({
        target: [subscriptions.subscriberId, subscriptions.listId],
        set: {
          status: 'confirmed',
          legalBasis: 'consent',
          consentAt: input.now,
          consentSource: 'form',
          consentFormId: c.formId,
          consentTextVersion: c.textVersion,
          consentIp: input.ip ?? c.ip,
          consentNote: null,
          confirmedAt: input.now,
          unsubscribedAt: null,
          updatedAt: input.now,
          // this confirmation owes a welcome, even to someone who had one before leaving
          welcomeDueAt: input.now,
          welcomeSentAt: null,
        },
        setWhere: sql`${subscriptions.status} <> 'confirmed'`,
      })
      .returning({ subscriptionId: subscriptions.id, listId: subscriptions.listId });
    // rows inserted by the conflict-free path need their proof too
    await tx
      .update(subscriptions)
      .set({
        consentAt: input.now,
        consentSource: 'form',
        consentFormId: c.formId,
        consentTextVersion: c.textVersion,
        consentIp: input.ip ?? c.ip,
        confirmedAt: input.now,
      })
      .where(
        and(
          eq(subscriptions.subscriberId, c.subscriberId),
          inArray(subscriptions.listId, c.listIds),
          isNull(subscriptions.consentAt),
        ),
      );
    await appendEvents(
      tx,
      confirmed.map((s) => ({
        type: 'confirmed' as const,
        subscriberId: c.subscriberId,
        listId: s.listId,
        source: 'form' as const,
        at: input.now,
        data: { formId: c.formId, textVersion: c.textVersion, ...lifted },
      })),
    );
    return { subscriberId: c.subscriberId, confirmed, welcomeDueAt: input.now };
  });
}

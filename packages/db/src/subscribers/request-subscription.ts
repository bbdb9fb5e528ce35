import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { confirmations, lists, subscribers, subscriptions } from '../schema';
import { appendEvents } from '../shared/subscription-events';
import { suppressionReason } from '../shared/suppressions';
import type { DbOrTx } from '../shared/tx';

export type SubscriptionRequest = {
  email: string;
  name: string;
  listSlugs: string[];
  formId: string;
  textVersion: string;
  ip: string | null;
  now: Date;
  confirmationTtlMs: number;
  /** at most one confirmation email per address in this window */
  resendAfterMs: number;
};

/**
 * The public form's subscribe: pending subscriptions plus a double opt-in request.
 * Returns the confirmation whose email is owed (queue it under `confirmJobId`: a flood queues one job),
 * or null when nothing must be sent (suppressed, already confirmed, or an email went out in the last 24 h).
 * The 24 h count from `last_confirmation_sent_at`, which the mail worker stamps once the email went out.
 * An erased person may come back through double opt-in: their confirmation lifts the erasure's suppression.
 */
export async function requestSubscription(
  db: DbOrTx,
  input: SubscriptionRequest,
): Promise<{ confirmationId: string | null; subscriberId: string | null }> {
  // bounces, complaints and staff suppressions stand for good; only an erasure yields to a new consent
  const suppression = await suppressionReason(db, input.email);
  if (suppression && suppression !== 'erased') return { confirmationId: null, subscriberId: null };
  return db.transaction(async (tx) => {
    const wanted = await tx
      .select({ id: lists.id })
      .from(lists)
      .where(and(inArray(lists.slug, input.listSlugs), eq(lists.visibility, 'public')));
    if (!wanted.length) return { confirmationId: null, subscriberId: null };

    await tx.insert(subscribers).values({ email: input.email.trim(), name: input.name.trim() }).onConflictDoNothing();
    const [subscriber] = await tx
      .select({ id: subscribers.id, lastSentAt: subscribers.lastConfirmationSentAt })
      .from(subscribers)
      .where(sql`lower(${subscribers.email}) = lower(${input.email.trim()})`)
      .for('update');
    const subscriberId = subscriber!.id;

    const existing = await tx
      .select({ listId: subscriptions.listId, status: subscriptions.status })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.subscriberId, subscriberId),
          inArray(
            subscriptions.listId,
            wanted.map((l) => l.id),
          ),
        ),
      );
    const known = new Map(existing.map((s) => [s.listId, s.status]));
    const fresh = wanted.filter((l) => !known.has(l.id));
    if (fresh.length) {
      await tx.insert(subscriptions).values(
        fresh.map((l) => ({
          subscriberId,
          listId: l.id,
          status: 'pending' as const,
          legalBasis: 'consent' as const,
        })),
      );
      await appendEvents(
        tx,
        fresh.map((l) => ({
          type: 'subscribed' as const,
          subscriberId,
          listId: l.id,
          source: 'form' as const,
          at: input.now,
          data: { formId: input.formId },
        })),
      );
    }
    // someone who left may come back, but only through a new confirmation
    const toConfirm = wanted.filter((l) => known.get(l.id) !== 'confirmed').map((l) => l.id);
    if (!toConfirm.length) return { confirmationId: null, subscriberId };

    const [open] = await tx
      .select({ id: confirmations.id, listIds: confirmations.listIds, sentAt: confirmations.sentAt })
      .from(confirmations)
      .where(
        and(
          eq(confirmations.subscriberId, subscriberId),
          isNull(confirmations.usedAt),
          gt(confirmations.expiresAt, input.now),
        ),
      )
      .orderBy(sql`${confirmations.createdAt} desc`)
      .limit(1);
    const listIds = open ? [...new Set([...open.listIds, ...toConfirm])] : toConfirm;
    const expiresAt = new Date(input.now.getTime() + input.confirmationTtlMs);
    const request = { expiresAt, formId: input.formId, textVersion: input.textVersion, ip: input.ip };
    if (open && !open.sentAt) {
      // its email has not gone out yet: this request joins it, and its one job id keeps it to one email
      await tx
        .update(confirmations)
        .set({ listIds, ...request })
        .where(eq(confirmations.id, open.id));
      return { confirmationId: open.id, subscriberId };
    }
    const lastSentAt = subscriber!.lastSentAt;
    const allowed = !lastSentAt || lastSentAt.getTime() <= input.now.getTime() - input.resendAfterMs;
    if (!allowed) {
      // one open request per person: a later form adds its lists to it, but no second email within 24 h
      if (open) await tx.update(confirmations).set({ listIds }).where(eq(confirmations.id, open.id));
      return { confirmationId: null, subscriberId };
    }
    // a new email is a new row (new job id); the previous link works until this email goes out
    const [created] = await tx
      .insert(confirmations)
      .values({ subscriberId, listIds, ...request, createdAt: input.now })
      .returning({ id: confirmations.id });
    return { confirmationId: created!.id, subscriberId };
  });
}

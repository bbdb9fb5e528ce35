import { and, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../shared/tx';
import { articles, dossiers, staffMail, users } from '../schema';

export type ReviewEvent = NonNullable<(typeof staffMail.$inferInsert)['event']>;

// who hears of what: a submission goes to the editors, every decision and comment to the piece's owner
const TO_EDITORS: ReadonlySet<ReviewEvent> = new Set(['submitted', 'update_submitted', 'withdrawn']);

/**
 * Writes one `staff_mail` row per person to tell (never the actor, never someone who turned review emails
 * off or is not active) and returns their ids, to hand to `enqueueStaffMail` once the transaction commits.
 * A comment by the owner goes to the editors; any other comment to the owner.
 */
export async function queueReviewMail(
  db: DbOrTx,
  input: {
    event: ReviewEvent;
    actorId: string;
    articleId?: string;
    dossierId?: string;
    commentId?: number;
  },
): Promise<string[]> {
  const ownerId = input.articleId
    ? (await db.select({ id: articles.createdBy }).from(articles).where(eq(articles.id, input.articleId)))[0]?.id
    : input.dossierId
      ? (await db.select({ id: dossiers.createdBy }).from(dossiers).where(eq(dossiers.id, input.dossierId)))[0]?.id
      : null;
  const toEditors = TO_EDITORS.has(input.event) || (input.event === 'commented' && ownerId === input.actorId);
  const willing = and(eq(users.status, 'active'), eq(users.notifyReview, true), ne(users.id, input.actorId));
  const recipients = toEditors
    ? await db
        .select({ id: users.id })
        .from(users)
        .where(and(willing, inArray(users.role, ['admin', 'editor'])))
    : ownerId
      ? await db
          .select({ id: users.id })
          .from(users)
          .where(and(willing, eq(users.id, ownerId)))
      : [];
  if (recipients.length === 0) return [];
  const rows = await db
    .insert(staffMail)
    .values(
      recipients.map((r) => ({
        kind: 'review' as const,
        recipientId: r.id,
        event: input.event,
        articleId: input.articleId ?? null,
        dossierId: input.dossierId ?? null,
        actorId: input.actorId,
        commentId: input.commentId ?? null,
      })),
    )
    .returning({ id: staffMail.id });
  return rows.map((r) => r.id);
}

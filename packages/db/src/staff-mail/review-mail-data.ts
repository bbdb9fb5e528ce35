import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../shared/tx';
import { articleComments, articles, dossiers, staffMail, users } from '../schema';
import type { StaffMailSkip } from './prepare-invitation-email';
import type { ReviewEvent } from './queue-review-mail';

export type ReviewMailData = {
  recipient: { email: string; name: string };
  event: ReviewEvent;
  /** what it is about: an article or a dossier (its working title) */
  subject: { kind: 'article' | 'dossier'; id: string; title: string; scheduledAt: Date | null };
  /** who did it: their name, else their address; null if their account was deleted */
  actor: string | null;
  /** the note or comment that came with it */
  comment: { body: string; quote: string } | null;
};

const actors = alias(users, 'actors');

/**
 * What a review email says, read when it is sent. Says why not when the person turned review emails off
 * since, is no longer active, or the piece is gone.
 */
export async function reviewMailData(db: DbOrTx, staffMailId: string): Promise<ReviewMailData | StaffMailSkip> {
  const [row] = await db
    .select({
      sentAt: staffMail.sentAt,
      event: staffMail.event,
      articleId: staffMail.articleId,
      dossierId: staffMail.dossierId,
      commentId: staffMail.commentId,
      email: users.email,
      name: users.name,
      status: users.status,
      notifyReview: users.notifyReview,
      actorName: actors.name,
      actorEmail: actors.email,
    })
    .from(staffMail)
    .innerJoin(users, eq(users.id, staffMail.recipientId))
    .leftJoin(actors, eq(actors.id, staffMail.actorId))
    .where(and(eq(staffMail.id, staffMailId), eq(staffMail.kind, 'review')));
  if (!row || !row.event) return { skip: 'review email gone' };
  if (row.sentAt) return { skip: 'already sent' };
  if (row.status !== 'active') return { skip: `recipient ${row.status}` };
  if (!row.notifyReview) return { skip: 'recipient turned review emails off' };
  const subject = await subjectOf(db, row);
  if (!subject) return { skip: 'article or dossier gone' };
  const [comment] =
    row.commentId !== null && subject.kind === 'article'
      ? await db
          .select({ body: articleComments.body, quote: articleComments.quote })
          .from(articleComments)
          .where(and(eq(articleComments.id, row.commentId), eq(articleComments.articleId, subject.id)))
      : [];
  return {
    recipient: { email: row.email, name: row.name },
    event: row.event,
    subject,
    actor: row.actorName?.trim() || row.actorEmail || null,
    comment: comment ?? null,
  };
}

async function subjectOf(
  db: DbOrTx,
  row: { articleId: string | null; dossierId: string | null },
): Promise<ReviewMailData['subject'] | null> {
  if (row.articleId) {
    const [article] = await db
      .select({ id: articles.id, title: articles.title, scheduledAt: articles.scheduledAt })
      .from(articles)
      .where(eq(articles.id, row.articleId));
    return article ? { kind: 'article', ...article } : null;
  }
  if (row.dossierId) {
    const [dossier] = await db
      .select({ id: dossiers.id, title: dossiers.title, scheduledAt: dossiers.scheduledAt })
      .from(dossiers)
      .where(eq(dossiers.id, row.dossierId));
    return dossier ? { kind: 'dossier', ...dossier } : null;
  }
  return null;
}

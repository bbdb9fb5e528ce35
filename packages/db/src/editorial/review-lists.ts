// The two home-page lists of the review: what editors have to read, and what an author has written.
import { sql } from 'drizzle-orm';
import { queryRows } from '../shared/query-rows';
import type { DbOrTx } from '../shared/tx';
import type { ArticleStatus } from './articles';

export type ReviewQueueRow = {
  id: string;
  title: string;
  status: ArticleStatus;
  /** a live article whose author proposed changes */
  updateInReview: boolean;
  authors: string[];
  /** the staff member who created the piece, by name (else address) */
  owner: string | null;
  sentAt: Date;
  /** the note sent with the submission, if any */
  note: string | null;
};

export type MyArticleRow = {
  id: string;
  title: string;
  status: ArticleStatus;
  updateInReview: boolean;
  updatedAt: Date;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  /** the editors' latest decision note, while it is the last word on the piece */
  decision: { body: string; by: string | null; at: Date } | null;
};

const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));
const toDateOrNull = (value: string | Date | null) => (value === null ? null : toDate(value));

// the last workflow note of each article (submission, changes requested, withdrawal): plain comments do not count
const LAST_NOTE = sql`left join lateral (
    select c.kind, c.body, c.created_at, coalesce(nullif(n.name, ''), n.email) as by
    from article_comments c left join users n on n.id = c.author_id
    where c.article_id = a.id and c.kind <> 'comment'
    order by c.id desc limit 1
  ) note on true`;

/** Articles waiting for an editor, oldest submission first (100 at most). */
export async function reviewQueue(db: DbOrTx): Promise<ReviewQueueRow[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    status: ArticleStatus;
    update_in_review: boolean;
    authors: string[];
    owner: string | null;
    sent_at: string | Date;
    note: string | null;
  }>(
    db,
    sql`select a.id, a.title, a.status, a.update_in_review, a.authors,
          coalesce(nullif(u.name, ''), u.email) as owner,
          -- when it was sent: the submitted version or the submission note, else the last change of state
          coalesce(greatest(sub.saved_at, case when note.kind = 'submission' then note.created_at end), a.updated_at)
            as sent_at,
          case when note.kind = 'submission' then note.body end as note
        from articles a
        left join users u on u.id = a.created_by
        left join lateral (
          select max(r.saved_at) as saved_at from article_revisions r
          where r.article_id = a.id and r.step = 'submitted'
        ) sub on true
        ${LAST_NOTE}
        where a.status = 'in_review' or (a.status = 'published' and a.update_in_review)
        order by sent_at asc, a.id
        limit 100`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    updateInReview: r.update_in_review,
    authors: r.authors,
    owner: r.owner,
    sentAt: toDate(r.sent_at),
    note: r.note,
  }));
}

/** The articles this person created, last changed first (50 at most), with the editors' latest decision note. */
export async function myArticles(db: DbOrTx, userId: string): Promise<MyArticleRow[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    status: ArticleStatus;
    update_in_review: boolean;
    updated_at: string | Date;
    scheduled_at: string | Date | null;
    published_at: string | Date | null;
    note_kind: string | null;
    note_body: string | null;
    note_by: string | null;
    note_at: string | Date | null;
  }>(
    db,
    sql`select a.id, a.title, a.status, a.update_in_review, a.updated_at, a.scheduled_at, a.published_at,
          note.kind as note_kind, note.body as note_body, note.by as note_by, note.created_at as note_at
        from articles a
        ${LAST_NOTE}
        where a.created_by = ${userId}::uuid
        order by a.updated_at desc, a.id
        limit 50`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    updateInReview: r.update_in_review,
    updatedAt: toDate(r.updated_at),
    scheduledAt: toDateOrNull(r.scheduled_at),
    publishedAt: toDateOrNull(r.published_at),
    decision:
      r.note_kind === 'changes_requested' && r.note_body !== null && r.note_at !== null
        ? { body: r.note_body, by: r.note_by, at: toDate(r.note_at) }
        : null,
  }));
}

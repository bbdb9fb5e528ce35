import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  addComment,
  getArticle,
  listComments,
  myArticles,
  queueReviewMail,
  reviewQueue,
  setCommentResolved,
} from '@crieur/db';
import { enqueueStaffMail, promptly } from '@crieur/queue';
import { requireStaff } from '../auth/register-access';
import { forbidden, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import type { RouteContext } from './context';
import { commentView, myArticle, reviewQueueItem } from './comment-views';

const isEditor = (role: string) => role === 'admin' || role === 'editor';

/** The review's conversation on an article, and the home page's "À relire" and "Mes articles" lists. */
export function commentRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  // as for editing: editors and admins on every article, an author only on the articles they created
  const reviewable = async (request: FastifyRequest, id: string) => {
    const staff = requireStaff(request);
    const article = await getArticle(db, id);
    if (!article) throw notFound('Article');
    if (!isEditor(staff.role) && article.createdBy !== staff.id) throw forbidden();
    return staff;
  };

  handle(app, 'GET /api/articles/:id/comments', async ({ params: { id } }, request) => {
    await reviewable(request, id);
    return { comments: (await listComments(db, id)).map(commentView) };
  });

  handle(app, 'POST /api/articles/:id/comments', async ({ params: { id }, body }, request, reply) => {
    const staff = await reviewable(request, id);
    const { comment, mailIds } = await db.transaction(async (tx) => {
      const row = await addComment(tx, {
        articleId: id,
        authorId: staff.id,
        body: body.body,
        anchorId: body.anchorId ?? null,
        quote: body.quote ?? '',
        now: ctx.now(),
      });
      const ids = await queueReviewMail(tx, {
        event: 'commented',
        actorId: staff.id,
        articleId: id,
        commentId: row.id,
      });
      return { comment: row, mailIds: ids };
    });
    // the rows are written: if Redis is down, the mail reconcile sends them within a minute
    await promptly(enqueueStaffMail(ctx.mailQueue, mailIds)).catch((error: Error) =>
      request.log.warn({ reason: error.message }, 'could not queue review mail'),
    );
    return reply.status(201).send({ comment: commentView(comment) });
  });

  for (const action of ['resolve', 'reopen'] as const) {
    handle(
      app,
      `POST /api/articles/:id/comments/:commentId/${action}`,
      async ({ params: { id, commentId } }, request) => {
        const staff = await reviewable(request, id);
        const comment = await setCommentResolved(db, {
          articleId: id,
          commentId,
          resolved: action === 'resolve',
          userId: staff.id,
          now: ctx.now(),
        });
        if (!comment) throw notFound('Commentaire');
        return { comment: commentView(comment) };
      },
    );
  }

  handle(app, 'GET /api/articles/review-queue', async () => ({
    articles: (await reviewQueue(db)).map(reviewQueueItem),
  }));

  handle(app, 'GET /api/articles/mine', async (_input, request) => ({
    articles: (await myArticles(db, requireStaff(request).id)).map(myArticle),
  }));
}

import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { validationSummary, type EditConflict } from '@crieur/api';
import { EMPTY_DOC, type ArticleDoc } from '@crieur/content';
import {
  addComment,
  calendarItems,
  createArticle,
  EditConflictError,
  getArticle,
  getRevision,
  listArticles,
  listComments,
  listRevisions,
  listRubriques,
  saveArticle,
  setArticleStatus,
  SlugTakenError,
  type ArticleWithRefs,
} from '@crieur/db';
import { canCreate, canEdit, canTransition, slugify, TRANSITIONS, type EditorialRole } from '@crieur/editorial';
import { promptly, schedulePublication } from '@crieur/queue';
import { requireStaff } from '../auth/register-access';
import { ApiError, forbidden, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import { fieldError } from '../http/field-error';
import { ExternalImageError, importExternalImages } from '../media/import-external-images';
import type { RouteContext } from './context';
import { articleDetail, articleSummary } from './editorial-views';

export function editorialRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  const load = async (id: string): Promise<ArticleWithRefs> => {
    const article = await getArticle(db, id);
    if (!article) throw notFound('Article');
    return article;
  };
  const detail = async (id: string, viewer: ReturnType<typeof requireStaff>) => {
    const article = await load(id);
    return { article: articleDetail(article, viewer, await listComments(db, id)) };
  };
  const mediaDir = path.join(ctx.config.dataDir, 'uploads', 'media');
  const importer = { db, mediaDir, publicUrl: ctx.config.publicUrl, settings: ctx.imageImport };
  // privacy over convenience: an outside image would tell a third party who reads the piece, so it is copied here
  const withOwnImages = async (doc: ArticleDoc, userId: string) => {
    try {
      return await importExternalImages(importer, { doc, userId, now: ctx.now() });
    } catch (error) {
      if (!(error instanceof ExternalImageError)) throw error;
      // the message names the text; the issue points at the image
      const issue = { path: `body.content.${error.index}.attrs.src`, message: error.message };
      throw new ApiError(400, 'VALIDATION', validationSummary([{ path: ['body'], message: error.message }]), {
        issues: [issue],
      });
    }
  };
  const rubriqueId = async (slug: string) => {
    const found = (await listRubriques(db)).find((r) => r.slug === slug);
    if (!found) throw fieldError('rubrique', 'Rubrique inconnue.');
    return found.id;
  };
  const conflict = (error: EditConflictError) => {
    const current: EditConflict = {
      version: error.current.version,
      updatedAt: error.current.updatedAt.toISOString(),
      updatedBy: error.current.updatedBy,
    };
    return new ApiError(409, 'EDIT_CONFLICT', 'Quelqu’un d’autre a enregistré cet article entre-temps.', { current });
  };

  handle(app, 'GET /api/rubriques', async () => ({
    rubriques: (await listRubriques(db)).map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      description: r.description,
    })),
  }));

  handle(app, 'GET /api/articles', async ({ query }) => ({
    articles: (
      await listArticles(db, {
        status: query.status,
        rubrique: query.rubrique,
        dossierId: query.dossier,
        author: query.author,
        q: query.q,
      })
    ).map(articleSummary),
  }));

  handle(app, 'POST /api/articles', async ({ body }, request, reply) => {
    const staff = requireStaff(request);
    if (!canCreate(staff.role as EditorialRole)) throw forbidden();
    const id = await createArticle(db, {
      title: body.title,
      slug: slugify(body.title),
      rubriqueId: await rubriqueId(body.rubrique),
      dossierId: body.dossierId ?? null,
      body: EMPTY_DOC as unknown as Record<string, unknown>,
      // never a staff email on the public site: a name, or none until the editor adds one
      authors: staff.name ? [staff.name] : [],
      userId: staff.id,
      now: ctx.now(),
    });
    return reply.status(201).send(await detail(id, staff));
  });

  handle(app, 'GET /api/articles/:id', async ({ params }, request) => detail(params.id, requireStaff(request)));

  handle(app, 'PUT /api/articles/:id', async ({ params: { id }, body }, request) => {
    const staff = requireStaff(request);
    const article = await load(id);
    if (
      !canEdit({ role: staff.role as EditorialRole, isOwner: article.createdBy === staff.id, status: article.status })
    )
      throw forbidden();
    // the contract already checked the text against @crieur/content's schema
    const ownImages = await withOwnImages(body.body, staff.id);
    try {
      await saveArticle(db, {
        id,
        version: body.version,
        userId: staff.id,
        now: ctx.now(),
        fields: {
          title: body.title,
          slug: body.slug || slugify(body.title),
          lede: body.lede,
          body: ownImages as unknown as Record<string, unknown>,
          rubriqueId: await rubriqueId(body.rubrique),
          dossierId: body.dossierId,
          tags: body.tags,
          authors: body.authors,
          coverMediaId: body.coverMediaId,
        },
      });
    } catch (error) {
      if (error instanceof EditConflictError) throw conflict(error);
      if (error instanceof SlugTakenError)
        throw new ApiError(409, 'SLUG_TAKEN', 'Un autre contenu utilise déjà cette adresse (slug).');
      throw error;
    }
    return detail(id, staff);
  });

  handle(app, 'POST /api/articles/:id/transition', async ({ params: { id }, body }, request) => {
    const staff = requireStaff(request);
    const article = await load(id);
    const isOwner = article.createdBy === staff.id;
    if (!canTransition({ role: staff.role as EditorialRole, isOwner, status: article.status, action: body.action })) {
      throw new ApiError(
        409,
        'TRANSITION_NOT_ALLOWED',
        `Cannot ${body.action} an article that is ${article.status} with your role`,
      );
    }
    const now = ctx.now();
    const rule = TRANSITIONS[body.action];
    let scheduledAt: Date | null | undefined;
    let publishedAt: Date | null | undefined;
    if (body.action === 'schedule') {
      scheduledAt = body.scheduledAt ? new Date(body.scheduledAt) : undefined;
      if (!scheduledAt || scheduledAt <= now)
        throw fieldError('scheduledAt', 'Choisissez une date de publication à venir.');
    }
    if (body.action === 'unschedule') scheduledAt = null;
    if (body.action === 'publish') publishedAt = now;
    if (
      !(await setArticleStatus(db, {
        id,
        from: article.status,
        to: rule.to,
        scheduledAt,
        publishedAt,
        userId: staff.id,
        now,
      }))
    ) {
      throw new ApiError(409, 'TRANSITION_NOT_ALLOWED', 'L’article a changé d’état entre-temps : rechargez-le.');
    }
    if (body.action === 'schedule' && scheduledAt) {
      // the database already says "scheduled": if this fails, the workers' reconcile re-creates the job
      const publication = { articleId: id, at: scheduledAt, now };
      await promptly(schedulePublication(ctx.publishingQueue, publication)).catch((error: Error) =>
        request.log.warn({ reason: error.message }, 'could not queue publication'),
      );
    }
    return detail(id, staff);
  });

  handle(app, 'POST /api/articles/:id/comments', async ({ params: { id }, body }, request, reply) => {
    const staff = requireStaff(request);
    await load(id);
    const comment = await addComment(db, { articleId: id, authorId: staff.id, body: body.body, now: ctx.now() });
    return reply.status(201).send({
      comment: {
        id: comment.id,
        author: staff.name || staff.email,
        body: comment.body,
        at: comment.createdAt.toISOString(),
      },
    });
  });

  handle(app, 'GET /api/articles/:id/revisions', async ({ params: { id } }) => {
    await load(id);
    return {
      revisions: (await listRevisions(db, id)).map((r) => ({
        id: r.id,
        version: r.version,
        title: r.title,
        savedAt: r.savedAt.toISOString(),
        savedBy: r.savedBy,
      })),
    };
  });

  handle(app, 'GET /api/articles/:id/revisions/:revisionId', async ({ params: { id, revisionId } }) => {
    const r = await getRevision(db, { articleId: id, revisionId });
    if (!r) throw notFound('Revision');
    return {
      revision: {
        id: r.id,
        version: r.version,
        title: r.title,
        lede: r.lede,
        body: r.body as unknown as ArticleDoc,
        savedAt: r.savedAt.toISOString(),
        savedBy: r.savedByName,
      },
    };
  });

  handle(
    app,
    'POST /api/articles/:id/revisions/:revisionId/restore',
    async ({ params: { id, revisionId }, body: { version } }, request) => {
      const staff = requireStaff(request);
      const article = await load(id);
      if (
        !canEdit({ role: staff.role as EditorialRole, isOwner: article.createdBy === staff.id, status: article.status })
      )
        throw forbidden();
      const r = await getRevision(db, { articleId: id, revisionId });
      if (!r) throw notFound('Revision');
      try {
        await saveArticle(db, {
          id,
          version,
          userId: staff.id,
          now: ctx.now(),
          fields: {
            title: r.title,
            slug: article.slug,
            lede: r.lede,
            body: r.body,
            rubriqueId: article.rubriqueId,
            dossierId: article.dossierId,
            tags: article.tags,
            authors: article.authors,
            coverMediaId: article.coverMediaId,
          },
        });
      } catch (error) {
        if (error instanceof EditConflictError) throw conflict(error);
        throw error;
      }
      return detail(id, staff);
    },
  );

  handle(app, 'GET /api/calendar', async ({ query }) => {
    const items = await calendarItems(db, { from: new Date(query.from), to: new Date(query.to) });
    return {
      items: items.map((a) => ({
        id: a.id,
        title: a.title,
        status: a.status,
        scheduledAt: a.scheduledAt?.toISOString() ?? null,
        publishedAt: a.publishedAt?.toISOString() ?? null,
        rubrique: a.rubrique,
      })),
    };
  });
}

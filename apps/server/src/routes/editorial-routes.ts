import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EMPTY_DOC, parseArticleDoc, type ArticleDoc } from '@crieur/content';
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
import { parse } from '../http/parse-body';
import { ExternalImageError, importExternalImages } from '../media/import-external-images';
import type { RouteContext } from './context';
import { articleDetail, articleSummary } from './editorial-views';

const Status = z.enum(['draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished']);
const ListQuery = z.object({
  status: Status.optional(),
  rubrique: z.string().max(60).optional(),
  dossier: z.uuid().optional(),
  author: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
});
const IdParams = z.object({ id: z.uuid('Unknown article') });
const RevisionParams = z.object({ id: z.uuid(), revisionId: z.coerce.number().int().positive() });
const CreateBody = z.object({
  title: z.string().trim().min(1, 'Title is required').max(300),
  rubrique: z.string().max(60),
  dossierId: z.uuid().nullable().optional(),
});
const SaveBody = z.object({
  version: z.number().int().positive(),
  title: z.string().trim().min(1, 'Title is required').max(300),
  slug: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes')
    .or(z.literal('')),
  lede: z.string().max(2000).default(''),
  body: z.unknown(),
  rubrique: z.string().max(60),
  dossierId: z.uuid().nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  authors: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
  coverMediaId: z.uuid().nullable().default(null),
});
const TransitionBody = z.object({
  action: z.enum(['submit', 'request_changes', 'approve', 'schedule', 'unschedule', 'publish', 'unpublish']),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
});
const CommentBody = z.object({ body: z.string().trim().min(1, 'Write a comment').max(5000) });
const CalendarQuery = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });

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
      const issue = { path: `body.content.${error.index}.attrs.src`, message: error.message };
      throw new ApiError(400, 'VALIDATION', 'An outside image could not be imported', { issues: [issue] });
    }
  };
  const rubriqueId = async (slug: string) => {
    const found = (await listRubriques(db)).find((r) => r.slug === slug);
    if (!found)
      throw new ApiError(400, 'VALIDATION', 'Unknown rubrique', {
        issues: [{ path: 'rubrique', message: 'Unknown rubrique' }],
      });
    return found.id;
  };

  app.get('/api/rubriques', async () => ({
    rubriques: (await listRubriques(db)).map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      description: r.description,
    })),
  }));

  app.get('/api/articles', async (request) => {
    const q = parse(ListQuery, request.query);
    return {
      articles: (
        await listArticles(db, {
          status: q.status,
          rubrique: q.rubrique,
          dossierId: q.dossier,
          author: q.author,
          q: q.q,
        })
      ).map(articleSummary),
    };
  });

  app.post('/api/articles', async (request, reply) => {
    const staff = requireStaff(request);
    if (!canCreate(staff.role as EditorialRole)) throw forbidden();
    const body = parse(CreateBody, request.body);
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

  app.get('/api/articles/:id', async (request) => detail(parse(IdParams, request.params).id, requireStaff(request)));

  app.put('/api/articles/:id', async (request) => {
    const staff = requireStaff(request);
    const { id } = parse(IdParams, request.params);
    const body = parse(SaveBody, request.body);
    const article = await load(id);
    if (
      !canEdit({ role: staff.role as EditorialRole, isOwner: article.createdBy === staff.id, status: article.status })
    )
      throw forbidden();
    const doc = parseArticleDoc(body.body);
    if (!doc.ok)
      throw new ApiError(400, 'VALIDATION', 'The text contains something not allowed', {
        issues: doc.issues.map((i: { path: string; message: string }) => ({
          path: `body.${i.path}`,
          message: i.message,
        })),
      });
    const ownImages = await withOwnImages(doc.doc, staff.id);
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
      if (error instanceof EditConflictError) {
        throw new ApiError(409, 'EDIT_CONFLICT', 'Someone else saved this article meanwhile', {
          current: {
            version: error.current.version,
            updatedAt: error.current.updatedAt.toISOString(),
            updatedBy: error.current.updatedBy,
          },
        });
      }
      if (error instanceof SlugTakenError)
        throw new ApiError(409, 'SLUG_TAKEN', 'Another piece already uses this address');
      throw error;
    }
    return detail(id, staff);
  });

  app.post('/api/articles/:id/transition', async (request) => {
    const staff = requireStaff(request);
    const { id } = parse(IdParams, request.params);
    const body = parse(TransitionBody, request.body);
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
        throw new ApiError(400, 'VALIDATION', 'Choose a publication time in the future', {
          issues: [{ path: 'scheduledAt', message: 'Choose a publication time in the future' }],
        });
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
      throw new ApiError(409, 'TRANSITION_NOT_ALLOWED', 'The article changed status meanwhile: reload it');
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

  app.post('/api/articles/:id/comments', async (request, reply) => {
    const staff = requireStaff(request);
    const { id } = parse(IdParams, request.params);
    await load(id);
    const comment = await addComment(db, {
      articleId: id,
      authorId: staff.id,
      body: parse(CommentBody, request.body).body,
      now: ctx.now(),
    });
    return reply.status(201).send({
      comment: {
        id: comment.id,
        author: staff.name || staff.email,
        body: comment.body,
        at: comment.createdAt.toISOString(),
      },
    });
  });

  app.get('/api/articles/:id/revisions', async (request) => {
    const { id } = parse(IdParams, request.params);
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

  app.get('/api/articles/:id/revisions/:revisionId', async (request) => {
    const { id, revisionId } = parse(RevisionParams, request.params);
    const r = await getRevision(db, { articleId: id, revisionId });
    if (!r) throw notFound('Revision');
    return {
      revision: {
        id: r.id,
        version: r.version,
        title: r.title,
        lede: r.lede,
        body: r.body,
        savedAt: r.savedAt.toISOString(),
        savedBy: r.savedByName,
      },
    };
  });

  app.post('/api/articles/:id/revisions/:revisionId/restore', async (request) => {
    const staff = requireStaff(request);
    const { id, revisionId } = parse(RevisionParams, request.params);
    const { version } = parse(z.object({ version: z.number().int().positive() }), request.body);
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
      if (error instanceof EditConflictError)
        throw new ApiError(409, 'EDIT_CONFLICT', 'Someone else saved this article meanwhile', {
          current: {
            version: error.current.version,
            updatedAt: error.current.updatedAt.toISOString(),
            updatedBy: error.current.updatedBy,
          },
        });
      throw error;
    }
    return detail(id, staff);
  });

  app.get('/api/calendar', async (request) => {
    const q = parse(CalendarQuery, request.query);
    const items = await calendarItems(db, { from: new Date(q.from), to: new Date(q.to) });
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

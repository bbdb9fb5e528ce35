import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { validationSummary, type EditConflict } from '@crieur/api';
import { EMPTY_DOC, type ArticleDoc } from '@crieur/content';
import {
  appendAudit,
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
  SlugTakenError,
  type ArticleWithRefs,
} from '@crieur/db';
import { canCreate, canEdit, slugify, thinRevisions, type EditorialRole } from '@crieur/editorial';
import { requireStaff } from '../auth/register-access';
import { ApiError, forbidden, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import { fieldError } from '../http/field-error';
import { ExternalImageError, importExternalImages } from '../media/import-external-images';
import type { RouteContext } from './context';
import { articleTransitionRoute } from './article-transition-route';
import { articleDetail, articleState, articleSummary } from './editorial-views';

// the versions panel lists this many at most, after thinning the autosaves
const REVISIONS_SHOWN = 200;

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
  // authors edit their own drafts, and their own live article while no proposal waits (@crieur/editorial)
  const mayEdit = (article: ArticleWithRefs, staff: ReturnType<typeof requireStaff>) =>
    canEdit({ role: staff.role as EditorialRole, isOwner: article.createdBy === staff.id, ...articleState(article) });
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
    await appendAudit(db, {
      action: 'article_created',
      actorId: staff.id,
      targetType: 'article',
      targetId: id,
      ip: request.ip,
    });
    return reply.status(201).send(await detail(id, staff));
  });

  handle(app, 'GET /api/articles/:id', async ({ params }, request) => detail(params.id, requireStaff(request)));

  handle(app, 'PUT /api/articles/:id', async ({ params: { id }, body }, request) => {
    const staff = requireStaff(request);
    const article = await load(id);
    if (!mayEdit(article, staff)) throw forbidden();
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

  articleTransitionRoute(app, ctx, { load, detail });

  handle(app, 'GET /api/articles/:id/revisions', async ({ params: { id } }) => {
    const article = await load(id);
    // every named step stays; autosaves are thinned to the last of each editing session
    const kept = thinRevisions(await listRevisions(db, id)).slice(0, REVISIONS_SHOWN);
    return {
      revisions: kept.map((r) => ({
        id: r.id,
        version: r.version,
        title: r.title,
        step: r.step,
        savedAt: r.savedAt.toISOString(),
        savedBy: r.savedBy,
        saves: r.saves,
        isLive: r.id === article.liveRevisionId,
      })),
    };
  });

  handle(app, 'GET /api/articles/:id/revisions/:revisionId', async ({ params: { id, revisionId } }) => {
    const article = await load(id);
    const r = await getRevision(db, { articleId: id, revisionId });
    if (!r) throw notFound('Revision');
    return {
      revision: {
        id: r.id,
        version: r.version,
        title: r.title,
        step: r.step,
        lede: r.lede,
        body: r.body as unknown as ArticleDoc,
        coverMediaId: r.coverMediaId,
        tags: r.tags,
        authors: r.authors,
        savedAt: r.savedAt.toISOString(),
        savedBy: r.savedByName,
        isLive: r.id === article.liveRevisionId,
      },
    };
  });

  handle(
    app,
    'POST /api/articles/:id/revisions/:revisionId/restore',
    async ({ params: { id, revisionId }, body: { version } }, request) => {
      const staff = requireStaff(request);
      const article = await load(id);
      if (!mayEdit(article, staff)) throw forbidden();
      const r = await getRevision(db, { articleId: id, revisionId });
      if (!r) throw notFound('Revision');
      try {
        await saveArticle(db, {
          id,
          version,
          userId: staff.id,
          now: ctx.now(),
          step: 'restored',
          // what a version keeps comes back whole; the address, rubrique and dossier stay as they are
          fields: {
            title: r.title,
            slug: article.slug,
            lede: r.lede,
            body: r.body,
            rubriqueId: article.rubriqueId,
            dossierId: article.dossierId,
            tags: r.tags,
            authors: r.authors,
            coverMediaId: r.coverMediaId,
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

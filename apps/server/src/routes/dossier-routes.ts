import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { validationSummary, type DossierAction, type EditConflict } from '@crieur/api';
import { EMPTY_DOC, type ArticleDoc } from '@crieur/content';
import {
  appendAudit,
  addArticleToDossier,
  createDossier,
  DossierStateError,
  EditConflictError,
  getDossier,
  listDossiers,
  orderDossier,
  publishDossier,
  removeArticleFromDossier,
  saveDossier,
  scheduleDossier,
  searchDossierCandidates,
  SlugTakenError,
  unpublishDossier,
  unscheduleDossier,
  type AuditAction,
} from '@crieur/db';
import { slugify } from '@crieur/editorial';
import { enqueueStaffMail, promptly, scheduleDossierPublication } from '@crieur/queue';
import { requireStaff } from '../auth/register-access';
import { ApiError, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import { fieldError } from '../http/field-error';
import { ExternalImageError, importExternalImages } from '../media/import-external-images';
import type { RouteContext } from './context';
import { dossierDetail, dossierSummary } from './dossier-views';

// the activity log says each step in words (audit-sentences.ts)
const DOSSIER_AUDIT: Record<DossierAction, AuditAction> = {
  publish: 'dossier_published',
  schedule: 'dossier_scheduled',
  unschedule: 'dossier_unscheduled',
  update: 'dossier_updated',
  unpublish: 'dossier_unpublished',
};

const CANDIDATES = 20;

export function dossierRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const load = async (id: string) => {
    const d = await getDossier(db, id);
    if (!d) throw notFound('Dossier');
    return d;
  };
  const detail = async (id: string) => ({ dossier: dossierDetail(await load(id)) });
  const domainError = (error: unknown): never => {
    if (error instanceof SlugTakenError)
      throw new ApiError(409, 'SLUG_TAKEN', 'Un autre dossier utilise déjà cette adresse (slug).');
    if (error instanceof EditConflictError) {
      const current: EditConflict = {
        version: error.current.version,
        updatedAt: error.current.updatedAt.toISOString(),
        updatedBy: error.current.updatedBy,
      };
      throw new ApiError(409, 'EDIT_CONFLICT', 'Quelqu’un d’autre a enregistré ce dossier entre-temps.', { current });
    }
    if (error instanceof DossierStateError)
      throw new ApiError(409, 'TRANSITION_NOT_ALLOWED', 'Le dossier a changé d’état entre-temps : rechargez-le.');
    throw error;
  };
  // review emails are rows already: if Redis is away, the mail worker's reconcile queues them later
  const sendMail = (ids: string[], log: FastifyBaseLogger) =>
    ids.length
      ? promptly(enqueueStaffMail(ctx.mailQueue, ids)).catch((error: Error) =>
          log.warn({ reason: error.message }, 'could not queue review emails'),
        )
      : undefined;
  const importer = {
    db,
    mediaDir: path.join(ctx.config.dataDir, 'uploads', 'media'),
    publicUrl: ctx.config.publicUrl,
    settings: ctx.imageImport,
  };
  // as for articles: an outside image would tell a third party who reads the dossier, so it is copied here
  const withOwnImages = async (doc: ArticleDoc, userId: string) => {
    try {
      return await importExternalImages(importer, { doc, userId, now: ctx.now() });
    } catch (error) {
      if (!(error instanceof ExternalImageError)) throw error;
      const issue = { path: `editorialNote.content.${error.index}.attrs.src`, message: error.message };
      throw new ApiError(400, 'VALIDATION', validationSummary([{ path: ['editorialNote'], message: error.message }]), {
        issues: [issue],
      });
    }
  };

  handle(app, 'GET /api/dossiers', async () => ({ dossiers: (await listDossiers(db)).map(dossierSummary) }));

  handle(app, 'POST /api/dossiers', async ({ body }, request, reply) => {
    const staff = requireStaff(request);
    const id = await createDossier(db, {
      title: body.title,
      slug: slugify(body.title),
      lede: body.lede,
      editorialNote: EMPTY_DOC as unknown as Record<string, unknown>,
      userId: staff.id,
      now: ctx.now(),
    }).catch(domainError);
    await appendAudit(db, {
      action: 'dossier_created',
      actorId: staff.id,
      targetType: 'dossier',
      targetId: id,
      ip: request.ip,
    });
    return reply.status(201).send(await detail(id));
  });

  handle(app, 'GET /api/dossiers/:id', async ({ params }) => detail(params.id));

  handle(app, 'PUT /api/dossiers/:id', async ({ params: { id }, body }, request) => {
    const staff = requireStaff(request);
    const current = await load(id);
    const slug = body.slug || slugify(body.title);
    // shared links must keep working: a published dossier keeps its address
    if (current.status === 'published' && slug !== current.slug)
      throw fieldError('slug', 'L’adresse d’un dossier publié ne change plus : les liens partagés seraient cassés.');
    const note = await withOwnImages(body.editorialNote, staff.id);
    await saveDossier(db, {
      id,
      version: body.version,
      userId: staff.id,
      now: ctx.now(),
      fields: {
        title: body.title,
        slug,
        lede: body.lede,
        editorialNote: note as unknown as Record<string, unknown>,
        coverMediaId: body.coverMediaId,
      },
    }).catch(domainError);
    return detail(id);
  });

  handle(app, 'POST /api/dossiers/:id/transition', async ({ params: { id }, body }, request) => {
    const staff = requireStaff(request);
    const current = await load(id);
    const now = ctx.now();
    const stale = () => {
      throw new DossierStateError(current.status);
    };
    let mailIds: string[] = [];
    try {
      switch (body.action) {
        case 'publish':
        case 'update':
          ({ mailIds } = await publishDossier(db, {
            id,
            mode: body.action,
            version: body.version,
            userId: staff.id,
            now,
          }));
          break;
        case 'schedule': {
          const at = body.scheduledAt ? new Date(body.scheduledAt) : null;
          if (!at || at <= now) throw fieldError('scheduledAt', 'Choisissez une date de publication à venir.');
          const scheduled = await scheduleDossier(db, { id, at, userId: staff.id, now });
          if (!scheduled) stale();
          mailIds = scheduled!.mailIds;
          // the database already says "scheduled": if this fails, the workers' reconcile re-creates the job
          await promptly(scheduleDossierPublication(ctx.publishingQueue, { dossierId: id, at, now })).catch(
            (error: Error) => request.log.warn({ reason: error.message }, 'could not queue dossier publication'),
          );
          break;
        }
        case 'unschedule':
          if (!(await unscheduleDossier(db, { id }))) stale();
          break;
        case 'unpublish':
          if (!(await unpublishDossier(db, { id }))) stale();
          break;
      }
    } catch (error) {
      domainError(error);
    }
    await appendAudit(db, {
      action: DOSSIER_AUDIT[body.action],
      actorId: staff.id,
      targetType: 'dossier',
      targetId: id,
      data: body.action === 'schedule' && body.scheduledAt ? { at: body.scheduledAt } : {},
      ip: request.ip,
    });
    await sendMail(mailIds, request.log);
    return detail(id);
  });

  handle(app, 'PUT /api/dossiers/:id/order', async ({ params: { id }, body }) => {
    await load(id);
    await orderDossier(db, { id, articleIds: body.articleIds });
    return detail(id);
  });

  handle(app, 'GET /api/dossiers/:id/candidates', async ({ params: { id }, query }) => {
    await load(id);
    return { articles: await searchDossierCandidates(db, { dossierId: id, q: query.q, limit: CANDIDATES }) };
  });

  handle(app, 'POST /api/dossiers/:id/articles', async ({ params: { id }, body }, request) => {
    const staff = requireStaff(request);
    await load(id);
    const added = await addArticleToDossier(db, {
      dossierId: id,
      articleId: body.articleId,
      userId: staff.id,
      now: ctx.now(),
    });
    if (!added) throw notFound('Article');
    const left = added.movedFrom ? await getDossier(db, added.movedFrom) : null;
    return { ...(await detail(id)), movedFrom: left?.title ?? null };
  });

  handle(app, 'DELETE /api/dossiers/:id/articles/:articleId', async ({ params: { id, articleId } }, request) => {
    const staff = requireStaff(request);
    await load(id);
    if (!(await removeArticleFromDossier(db, { dossierId: id, articleId, userId: staff.id, now: ctx.now() })))
      throw notFound('Article');
    return detail(id);
  });
}

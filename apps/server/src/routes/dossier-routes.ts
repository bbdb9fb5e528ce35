import type { FastifyInstance } from 'fastify';
import { createDossier, getDossier, listDossiers, orderDossier, SlugTakenError, updateDossier } from '@crieur/db';
import { slugify } from '@crieur/editorial';
import { ApiError, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import type { RouteContext } from './context';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function dossierRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const detail = async (id: string) => {
    const d = await getDossier(db, id);
    if (!d) throw notFound('Dossier');
    return {
      dossier: {
        id: d.id,
        slug: d.slug,
        title: d.title,
        lede: d.lede,
        editorialNote: d.editorialNote,
        coverMediaId: d.coverMediaId,
        status: d.status,
        publishedAt: iso(d.publishedAt),
        articles: d.articles,
      },
    };
  };
  const slugTaken = (error: unknown) => {
    if (error instanceof SlugTakenError)
      throw new ApiError(409, 'SLUG_TAKEN', 'Un autre dossier utilise déjà cette adresse (slug).');
    throw error;
  };

  handle(app, 'GET /api/dossiers', async () => ({
    dossiers: (await listDossiers(db)).map(({ d, articleCount }) => ({
      id: d.id,
      slug: d.slug,
      title: d.title,
      lede: d.lede,
      status: d.status,
      articleCount,
      publishedAt: iso(d.publishedAt),
    })),
  }));

  handle(app, 'POST /api/dossiers', async ({ body }, _request, reply) => {
    const id = await createDossier(db, { ...body, slug: slugify(body.title), now: ctx.now() }).catch(slugTaken);
    return reply.status(201).send(await detail(id));
  });

  handle(app, 'GET /api/dossiers/:id', async ({ params }) => detail(params.id));

  handle(app, 'PATCH /api/dossiers/:id', async ({ params: { id }, body }) => {
    await detail(id);
    await updateDossier(db, { id, ...body, now: ctx.now() }).catch(slugTaken);
    return detail(id);
  });

  handle(app, 'PUT /api/dossiers/:id/order', async ({ params: { id }, body }) => {
    await detail(id);
    await orderDossier(db, { id, articleIds: body.articleIds });
    return detail(id);
  });
}

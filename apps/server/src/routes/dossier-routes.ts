import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createDossier, getDossier, listDossiers, orderDossier, SlugTakenError, updateDossier } from '@crieur/db';
import { slugify } from '@crieur/editorial';
import { ApiError, notFound } from '../http/api-error';
import { parse } from '../http/parse-body';
import type { RouteContext } from './context';

const IdParams = z.object({ id: z.uuid('Unknown dossier') });
const CreateBody = z.object({
  title: z.string().trim().min(1, 'Title is required').max(300),
  lede: z.string().max(2000).default(''),
  editorialNote: z.string().max(20_000).default(''),
});
const PatchBody = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes')
    .max(100)
    .optional(),
  lede: z.string().max(2000).optional(),
  editorialNote: z.string().max(20_000).optional(),
  coverMediaId: z.uuid().nullable().optional(),
  status: z.enum(['draft', 'published']).optional(),
});
const OrderBody = z.object({ articleIds: z.array(z.uuid()).max(200) });

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
      throw new ApiError(409, 'SLUG_TAKEN', 'Another dossier already uses this address');
    throw error;
  };

  app.get('/api/dossiers', async () => ({
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

  app.post('/api/dossiers', async (request, reply) => {
    const body = parse(CreateBody, request.body);
    const id = await createDossier(db, { ...body, slug: slugify(body.title), now: ctx.now() }).catch(slugTaken);
    return reply.status(201).send(await detail(id));
  });

  app.get('/api/dossiers/:id', async (request) => detail(parse(IdParams, request.params).id));

  app.patch('/api/dossiers/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    await detail(id);
    await updateDossier(db, { id, ...parse(PatchBody, request.body), now: ctx.now() }).catch(slugTaken);
    return detail(id);
  });

  app.put('/api/dossiers/:id/order', async (request) => {
    const { id } = parse(IdParams, request.params);
    await detail(id);
    await orderDossier(db, { id, articleIds: parse(OrderBody, request.body).articleIds });
    return detail(id);
  });
}

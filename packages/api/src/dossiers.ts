import { z } from 'zod';
import { Timestamp, Uuid } from './common';
import { ARTICLE_STATUSES } from './enums/articles';
import { DOSSIER_STATUSES } from './enums/dossiers';
import { defineRoutes } from './route';

export const DossierStatus = z.enum(DOSSIER_STATUSES);
export type DossierStatus = z.infer<typeof DossierStatus>;

/** A row of the dossiers list. */
export const DossierSummary = z.object({
  id: Uuid,
  slug: z.string(),
  title: z.string(),
  lede: z.string(),
  status: DossierStatus,
  articleCount: z.number().int(),
  publishedAt: Timestamp.nullable(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

/** An article as its dossier lists it, in the editors' order (`position`). */
export const DossierArticle = z.object({
  id: Uuid,
  title: z.string(),
  // the article status schema is editorial.ts's; the list is shared, not the name (both files are re-exported)
  status: z.enum(ARTICLE_STATUSES),
  position: z.number().int(),
});
export type DossierArticle = z.infer<typeof DossierArticle>;

export const DossierDetail = z.object({
  id: Uuid,
  slug: z.string(),
  title: z.string(),
  lede: z.string(),
  editorialNote: z.string(),
  coverMediaId: Uuid.nullable(),
  status: DossierStatus,
  publishedAt: Timestamp.nullable(),
  articles: z.array(DossierArticle),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

export const DossierParams = z.object({ id: Uuid });

const Title = z.string().trim().min(1).max(300);
const Lede = z.string().max(2000);
const EditorialNote = z.string().max(20_000);

export const CreateDossierBody = z.object({
  title: Title,
  lede: Lede.default(''),
  editorialNote: EditorialNote.default(''),
});
export type CreateDossierBody = z.input<typeof CreateDossierBody>;

export const PatchDossierBody = z.object({
  title: Title.optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lettres minuscules sans accent, chiffres et tirets seulement.')
    .max(100)
    .optional(),
  lede: Lede.optional(),
  editorialNote: EditorialNote.optional(),
  coverMediaId: Uuid.nullable().optional(),
  status: DossierStatus.optional(),
});
export type PatchDossierBody = z.infer<typeof PatchDossierBody>;

/** The dossier's article ids in their new order; ids of articles not in the dossier are ignored. */
export const OrderDossierBody = z.object({ articleIds: z.array(Uuid).max(200) });
export type OrderDossierBody = z.infer<typeof OrderDossierBody>;

const DossierAnswer = z.object({ dossier: DossierDetail });

export const dossiersRoutes = defineRoutes({
  'GET /api/dossiers': {
    summary: 'The dossiers, newest first, with their article counts',
    response: z.object({ dossiers: z.array(DossierSummary) }),
  },
  'POST /api/dossiers': {
    summary: 'Create a dossier (its address is made from the title)',
    body: CreateDossierBody,
    status: 201,
    response: DossierAnswer,
  },
  'GET /api/dossiers/:id': {
    summary: 'A dossier with its articles in order',
    params: DossierParams,
    response: DossierAnswer,
  },
  'PATCH /api/dossiers/:id': {
    summary: 'Change a dossier’s presentation, cover or status',
    params: DossierParams,
    body: PatchDossierBody,
    response: DossierAnswer,
  },
  'PUT /api/dossiers/:id/order': {
    summary: 'Set the order of a dossier’s articles',
    params: DossierParams,
    body: OrderDossierBody,
    response: DossierAnswer,
  },
});

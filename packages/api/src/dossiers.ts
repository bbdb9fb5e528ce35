import { z } from 'zod';
import { Timestamp, Uuid } from './common';
import { ARTICLE_STATUSES } from './enums/articles';
import { DOSSIER_ACTIONS, DOSSIER_STATUSES } from './enums/dossiers';
import { defineRoutes } from './route';
import { SentTiptapDoc, StoredTiptapDoc } from './tiptap-doc';

export const DossierStatus = z.enum(DOSSIER_STATUSES);
export type DossierStatus = z.infer<typeof DossierStatus>;

export const DossierAction = z.enum(DOSSIER_ACTIONS);
export type DossierAction = z.infer<typeof DossierAction>;

// the article status schema is editorial.ts's; the list is shared, not the name (both files are re-exported)
const ArticleStatusOfDossier = z.enum(ARTICLE_STATUSES);

/** A row of the dossiers list. A draft with `scheduledAt` is scheduled. */
export const DossierSummary = z.object({
  id: Uuid,
  slug: z.string(),
  title: z.string(),
  lede: z.string(),
  status: DossierStatus,
  /** every article in the dossier, whatever its status */
  articleCount: z.number().int(),
  /** those readers can see */
  publishedCount: z.number().int(),
  scheduledAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

/** An article as its dossier lists it, in the editors' order (`position`). */
export const DossierArticle = z.object({
  id: Uuid,
  title: z.string(),
  status: ArticleStatusOfDossier,
  position: z.number().int(),
});
export type DossierArticle = z.infer<typeof DossierArticle>;

/** The version readers see, and whether the working version differs from it. */
export const DossierLiveVersion = z.object({
  savedAt: Timestamp,
  savedBy: z.string().nullable(),
  differs: z.boolean(),
});
export type DossierLiveVersion = z.infer<typeof DossierLiveVersion>;

/** A dossier in the studio: its working version (what is edited and autosaved), its articles, its live version. */
export const DossierDetail = z.object({
  id: Uuid,
  slug: z.string(),
  title: z.string(),
  lede: z.string(),
  editorialNote: StoredTiptapDoc,
  coverMediaId: Uuid.nullable(),
  status: DossierStatus,
  scheduledAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
  version: z.number().int(),
  updatedAt: Timestamp,
  updatedBy: z.string().nullable(),
  articles: z.array(DossierArticle),
  /** null until its first publication */
  live: DossierLiveVersion.nullable(),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

export const DossierParams = z.object({ id: Uuid });
export const DossierArticleParams = z.object({ id: Uuid, articleId: Uuid });
/** Any id: the preview answers its "page not found" to anything that is not a dossier. */
const PreviewParams = z.object({ id: z.string() });

const Title = z.string().trim().min(1).max(300);
const Lede = z.string().max(2000);

export const CreateDossierBody = z.object({ title: Title, lede: Lede.default('') });
export type CreateDossierBody = z.input<typeof CreateDossierBody>;

/** The whole working version and the version it was based on (409 EDIT_CONFLICT when someone saved since). */
export const SaveDossierBody = z.object({
  version: z.number().int().positive(),
  title: Title,
  // empty: made from the title
  slug: z
    .string()
    .trim()
    .max(100)
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, 'Lettres minuscules sans accent, chiffres et tirets seulement.'),
  lede: Lede,
  editorialNote: SentTiptapDoc,
  coverMediaId: Uuid.nullable(),
});
export type SaveDossierBody = z.input<typeof SaveDossierBody>;

/** A step, over the version the editor sees (publish and update put exactly that version live). */
export const DossierTransitionBody = z.object({
  action: DossierAction,
  version: z.number().int().positive(),
  scheduledAt: Timestamp.optional(),
});
export type DossierTransitionBody = z.infer<typeof DossierTransitionBody>;

/** The dossier's article ids in their new order; ids of articles not in the dossier are ignored. */
export const OrderDossierBody = z.object({ articleIds: z.array(Uuid).max(200) });
export type OrderDossierBody = z.infer<typeof OrderDossierBody>;

export const AddDossierArticleBody = z.object({ articleId: Uuid });
export type AddDossierArticleBody = z.infer<typeof AddDossierArticleBody>;

export const DossierCandidatesQuery = z.object({ q: z.string().trim().max(200).default('') });
export type DossierCandidatesQuery = z.input<typeof DossierCandidatesQuery>;

/** An article that could join the dossier; `dossier`: the one it would leave. */
export const DossierCandidate = z.object({
  id: Uuid,
  title: z.string(),
  status: ArticleStatusOfDossier,
  dossier: z.object({ id: Uuid, title: z.string() }).nullable(),
});
export type DossierCandidate = z.infer<typeof DossierCandidate>;

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
    summary: 'A dossier (its working version) with its articles in order and its live version',
    params: DossierParams,
    response: DossierAnswer,
  },
  'PUT /api/dossiers/:id': {
    summary: 'Autosave the working version over the version it was based on',
    params: DossierParams,
    body: SaveDossierBody,
    response: DossierAnswer,
  },
  'POST /api/dossiers/:id/transition': {
    summary: 'Publish, schedule, unschedule, update the live version or unpublish',
    params: DossierParams,
    body: DossierTransitionBody,
    response: DossierAnswer,
  },
  'PUT /api/dossiers/:id/order': {
    summary: 'Set the order of a dossier’s articles',
    params: DossierParams,
    body: OrderDossierBody,
    response: DossierAnswer,
  },
  'GET /api/dossiers/:id/candidates': {
    summary: 'Articles to add, by title (any status; those in no dossier first), 20 at most',
    params: DossierParams,
    query: DossierCandidatesQuery,
    response: z.object({ articles: z.array(DossierCandidate) }),
  },
  'POST /api/dossiers/:id/articles': {
    summary: 'Add an article at the end of the dossier (it leaves any other dossier)',
    params: DossierParams,
    body: AddDossierArticleBody,
    response: z.object({ dossier: DossierDetail, movedFrom: z.string().nullable() }),
  },
  'DELETE /api/dossiers/:id/articles/:articleId': {
    summary: 'Take an article out of the dossier (the article itself stays)',
    params: DossierArticleParams,
    response: DossierAnswer,
  },
  'GET /api/dossiers/:id/preview': {
    summary: 'The dossier page as readers will see it, from the working version (HTML page)',
    params: PreviewParams,
    response: null,
    produces: 'text/html',
  },
});

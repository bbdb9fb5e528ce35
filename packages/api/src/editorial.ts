import { z } from 'zod';
import { parseArticleDoc, type ArticleDoc } from '@crieur/content';
import { ArticleComment } from './article-comments';
import { NumericId, Timestamp, Uuid } from './common';
import { ARTICLE_ACTIONS, ARTICLE_STATUSES, REVISION_STEPS } from './enums/articles';
import { defineRoutes } from './route';

export const ArticleStatus = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

export const ArticleAction = z.enum(ARTICLE_ACTIONS);
export type ArticleAction = z.infer<typeof ArticleAction>;

export const RevisionStep = z.enum(REVISION_STEPS);
export type RevisionStep = z.infer<typeof RevisionStep>;

export const Rubrique = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), description: z.string() });
export type Rubrique = z.infer<typeof Rubrique>;

const RubriqueRef = z.object({ slug: z.string(), name: z.string() });

const DOC_DESCRIPTION = 'Tiptap JSON: the nodes, marks and attributes of @crieur/content’s ArticleDoc';

/**
 * An article's body as the server answers it: @crieur/content's document, checked by its parser.
 * (Checked, not rewritten: the ArticleDoc schema normalises on the way in, and the answer is the stored document.)
 */
const StoredDoc = z.custom<ArticleDoc>((value) => parseArticleDoc(value).ok).meta({ description: DOC_DESCRIPTION });

/**
 * An article's body as staff send it: @crieur/content's size limits first (a hostile document cannot
 * exhaust the stack), then its schema, with its French messages and paths ("body.content.0.attrs.src").
 */
const SentDoc = z
  .unknown()
  .transform((input, ctx) => {
    const parsed = parseArticleDoc(input);
    if (parsed.ok) return parsed.doc;
    for (const issue of parsed.issues) {
      const path = issue.path ? issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
      ctx.addIssue({ code: 'custom', message: issue.message, path });
    }
    return z.NEVER;
  })
  .meta({ description: DOC_DESCRIPTION }) as unknown as z.ZodType<ArticleDoc, ArticleDoc>;

/** A row of the articles list. */
export const ArticleSummary = z.object({
  id: Uuid,
  slug: z.string(),
  title: z.string(),
  status: ArticleStatus,
  rubrique: RubriqueRef,
  dossier: z.object({ id: Uuid, title: z.string() }).nullable(),
  authors: z.array(z.string()),
  updatedAt: Timestamp,
  scheduledAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
  version: z.number().int(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** An article in the editor: its fields, what the viewer may do with it, and its comments. */
export const ArticleDetail = ArticleSummary.extend({
  lede: z.string(),
  body: StoredDoc,
  tags: z.array(z.string()),
  coverMediaId: Uuid.nullable(),
  wordCount: z.number().int(),
  canEdit: z.boolean(),
  allowedTransitions: z.array(ArticleAction),
  updatedBy: z.string().nullable(),
  comments: z.array(ArticleComment),
  /** an author proposed the working version of this live article: it waits for an editor's "Mettre à jour" */
  updateInReview: z.boolean(),
  /** the version readers see once published (null: never published); the fields above are the working version */
  live: z
    .object({
      revisionId: z.number().int(),
      savedAt: Timestamp,
      /** the working version differs from it in title, lede, text, cover, tags or authors */
      differs: z.boolean(),
    })
    .nullable(),
});
export type ArticleDetail = z.infer<typeof ArticleDetail>;

/** `current` of a 409 EDIT_CONFLICT: the version someone else saved meanwhile. */
export const EditConflict = z.object({
  version: z.number().int(),
  updatedAt: Timestamp,
  updatedBy: z.string().nullable(),
});
export type EditConflict = z.infer<typeof EditConflict>;

/** A saved version: who (null: the publishing worker, or an account since deleted), when, and which step. */
export const RevisionSummary = z.object({
  id: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  step: RevisionStep,
  savedAt: Timestamp,
  savedBy: z.string().nullable(),
  /** autosaves this one stands for in the list (the last of an editing session); 1 for a named step */
  saves: z.number().int(),
  /** the version readers see */
  isLive: z.boolean(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const Revision = RevisionSummary.omit({ saves: true }).extend({
  lede: z.string(),
  body: StoredDoc,
  coverMediaId: Uuid.nullable(),
  tags: z.array(z.string()),
  authors: z.array(z.string()),
});
export type Revision = z.infer<typeof Revision>;

export const CalendarItem = z.object({
  id: Uuid,
  title: z.string(),
  status: ArticleStatus,
  scheduledAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
  rubrique: RubriqueRef,
});
export type CalendarItem = z.infer<typeof CalendarItem>;

export const ArticleListQuery = z.object({
  status: ArticleStatus.optional(),
  /** a rubrique's slug */
  rubrique: z.string().max(60).optional(),
  /** a dossier's id */
  dossier: Uuid.optional(),
  author: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ArticleListQuery = z.input<typeof ArticleListQuery>;

const Title = z.string().trim().min(1).max(300);
const RubriqueSlug = z.string().max(60);

export const CreateArticleBody = z.object({
  title: Title,
  rubrique: RubriqueSlug,
  dossierId: Uuid.nullable().optional(),
});
export type CreateArticleBody = z.infer<typeof CreateArticleBody>;

/** The whole article and the version it was based on (409 EDIT_CONFLICT when someone saved since). */
export const SaveArticleBody = z.object({
  version: z.number().int().positive(),
  title: Title,
  // empty: made from the title
  slug: z
    .string()
    .trim()
    .max(100)
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, 'Lettres minuscules sans accent, chiffres et tirets seulement.'),
  lede: z.string().max(2000).default(''),
  body: SentDoc,
  rubrique: RubriqueSlug,
  dossierId: Uuid.nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  authors: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
  coverMediaId: Uuid.nullable().default(null),
});
export type SaveArticleBody = z.input<typeof SaveArticleBody>;

/** A workflow step, with a note for the team (kept as a comment; required to ask for changes). */
export const TransitionBody = z
  .object({
    action: ArticleAction,
    scheduledAt: Timestamp.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'request_changes' && !body.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Dites ce qu’il faut changer.' });
  });
export type TransitionBody = z.input<typeof TransitionBody>;

export const RestoreBody = z.object({ version: z.number().int().positive() });
export type RestoreBody = z.infer<typeof RestoreBody>;

export const CalendarQuery = z.object({ from: Timestamp, to: Timestamp });
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const ArticleParams = z.object({ id: Uuid });
export const RevisionParams = z.object({ id: Uuid, revisionId: NumericId });
/** Any id: the preview answers its "page not found" to anything that is not an article. */
const PreviewParams = z.object({ id: z.string() });

const ArticleAnswer = z.object({ article: ArticleDetail });

export const editorialRoutes = defineRoutes({
  'GET /api/rubriques': {
    summary: 'The rubriques, in their order on the site',
    response: z.object({ rubriques: z.array(Rubrique) }),
  },
  'GET /api/articles': {
    summary: 'The articles, last changed first, filtered by status, rubrique, dossier, author or title (500 at most)',
    query: ArticleListQuery,
    response: z.object({ articles: z.array(ArticleSummary) }),
  },
  'POST /api/articles': {
    summary: 'Start a draft (its address is made from the title)',
    body: CreateArticleBody,
    status: 201,
    response: ArticleAnswer,
  },
  'GET /api/articles/:id': {
    summary: 'An article with its comments and what the viewer may do with it',
    params: ArticleParams,
    response: ArticleAnswer,
  },
  'PUT /api/articles/:id': {
    summary: 'Save the whole article over the version it was based on; outside images are copied to the library',
    params: ArticleParams,
    body: SaveArticleBody,
    response: ArticleAnswer,
  },
  'POST /api/articles/:id/transition': {
    summary:
      'A workflow step (submit, withdraw, approve, schedule, publish, update a live article…), if the viewer’s ' +
      'role allows it, with an optional note for the team',
    params: ArticleParams,
    body: TransitionBody,
    response: ArticleAnswer,
  },
  'GET /api/articles/:id/revisions': {
    summary:
      'The saved versions of an article, newest first (200 at most): every named step, and the last autosave of ' +
      'each editing session (one person, no pause over 30 minutes)',
    params: ArticleParams,
    response: z.object({ revisions: z.array(RevisionSummary) }),
  },
  'GET /api/articles/:id/revisions/:revisionId': {
    summary: 'One saved version, with its text',
    params: RevisionParams,
    response: z.object({ revision: Revision }),
  },
  'POST /api/articles/:id/revisions/:revisionId/restore': {
    summary: 'Save an earlier version’s title, lede and text as the new version',
    params: RevisionParams,
    body: RestoreBody,
    response: ArticleAnswer,
  },
  'GET /api/articles/:id/preview': {
    summary: 'The article as readers will see it, whatever its status (HTML page)',
    params: PreviewParams,
    response: null,
    produces: 'text/html',
  },
  'GET /api/calendar': {
    summary: 'Scheduled and published articles between two instants',
    query: CalendarQuery,
    response: z.object({ items: z.array(CalendarItem) }),
  },
});

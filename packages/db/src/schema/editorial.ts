import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tsvector } from './columns';
import { users } from './users';

export const articleStatusEnum = pgEnum('article_status', [
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'unpublished',
]);
export const dossierStatusEnum = pgEnum('dossier_status', ['draft', 'published']);
// what made a version: the versions panel names each one by who, when and this step
export const revisionStepEnum = pgEnum('revision_step', ['autosave', 'submitted', 'published', 'restored']);
export const commentKindEnum = pgEnum('comment_kind', ['comment', 'submission', 'changes_requested', 'withdrawn']);

export const rubriques = pgTable('rubriques', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
});

export const media = pgTable('media', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull().default(''),
  mime: text('mime').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  // a transparent image goes to email as PNG (JPEG would flatten it on white)
  hasAlpha: boolean('has_alpha').notNull().default(false),
  alt: text('alt').notNull(),
  caption: text('caption').notNull().default(''),
  // the photographer or source, shown under a cover (« Photo : … »)
  credit: text('credit').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const dossiers = pgTable('dossiers', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  lede: text('lede').notNull().default(''),
  // a Tiptap document, like an article's body
  editorialNote: jsonb('editorial_note').$type<Record<string, unknown>>().notNull(),
  coverMediaId: uuid('cover_media_id').references(() => media.id, { onDelete: 'set null' }),
  status: dossierStatusEnum('status').notNull().default('draft'),
  // a draft with a date is scheduled: the publishing worker publishes it then
  scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  // what readers see once published; edits go to the row (the working version) until "Mettre à jour"
  liveRevisionId: bigint('live_revision_id', { mode: 'number' }).references((): AnyPgColumn => dossierRevisions.id, {
    onDelete: 'set null',
  }),
  // optimistic lock: a save must name the version it started from
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    lede: text('lede').notNull().default(''),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    coverMediaId: uuid('cover_media_id').references(() => media.id, { onDelete: 'set null' }),
    rubriqueId: integer('rubrique_id')
      .notNull()
      .references(() => rubriques.id),
    dossierId: uuid('dossier_id').references(() => dossiers.id, { onDelete: 'set null' }),
    dossierPosition: integer('dossier_position').notNull().default(0),
    tags: text('tags').array().notNull().default([]),
    // authors may be outside contributors: names, not user ids
    authors: text('authors').array().notNull().default([]),
    status: articleStatusEnum('status').notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // what readers see once published; edits go to the row (the working version) until "Mettre à jour"
    liveRevisionId: bigint('live_revision_id', { mode: 'number' }).references((): AnyPgColumn => articleRevisions.id, {
      onDelete: 'set null',
    }),
    // an author proposed changes to a live article: they wait for an editor's "Mettre à jour"
    updateInReview: boolean('update_in_review').notNull().default(false),
    // optimistic lock: a save must name the version it started from
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_dossier_idx').on(t.dossierId, t.dossierPosition),
    index('articles_rubrique_idx').on(t.rubriqueId),
    index('articles_live_revision_idx').on(t.liveRevisionId),
  ],
);

export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    lede: text('lede').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    coverMediaId: uuid('cover_media_id').references(() => media.id, { onDelete: 'set null' }),
    tags: text('tags').array().notNull().default([]),
    authors: text('authors').array().notNull().default([]),
    step: revisionStepEnum('step').notNull().default('autosave'),
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'set null' }),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
    // French, accent-insensitive words of a published revision (title A; lede, authors, tags B; body D); else null
    search: tsvector('search'),
    // the same for the title, lede, authors and tags only: small enough to rank every hit of a query (issue 16)
    searchHead: tsvector('search_head'),
    // every pair of words one or two apart ('assembl 1 citoyen'): a phrase is found by the index, not by reading
    searchPairs: tsvector('search_pairs'),
  },
  (t) => [
    index('article_revisions_article_idx').on(t.articleId, t.version),
    index('article_revisions_search_idx')
      .using('gin', t.search)
      .where(sql`${t.search} is not null`),
    index('article_revisions_search_pairs_idx')
      .using('gin', t.searchPairs)
      .where(sql`${t.searchPairs} is not null`),
  ],
);

export const dossierRevisions = pgTable(
  'dossier_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references((): AnyPgColumn => dossiers.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    lede: text('lede').notNull(),
    editorialNote: jsonb('editorial_note').$type<Record<string, unknown>>().notNull(),
    coverMediaId: uuid('cover_media_id').references(() => media.id, { onDelete: 'set null' }),
    step: revisionStepEnum('step').notNull().default('autosave'),
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'set null' }),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_revisions_dossier_idx').on(t.dossierId, t.version)],
);

export const articleComments = pgTable('article_comments', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  articleId: uuid('article_id')
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' }),
  authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
  body: text('body').notNull(),
  // a note that came with a workflow step, or a plain comment
  kind: commentKindEnum('kind').notNull().default('comment'),
  // anchored comments: the id carried by the `commentAnchor` mark in the body, and the passage when it was made
  anchorId: text('anchor_id'),
  quote: text('quote').notNull().default(''),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

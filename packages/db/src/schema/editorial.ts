import { bigserial, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  alt: text('alt').notNull(),
  caption: text('caption').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const dossiers = pgTable('dossiers', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  lede: text('lede').notNull().default(''),
  editorialNote: text('editorial_note').notNull().default(''),
  coverMediaId: uuid('cover_media_id').references(() => media.id, { onDelete: 'set null' }),
  status: dossierStatusEnum('status').notNull().default('draft'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
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
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'set null' }),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId, t.version)],
);

export const articleComments = pgTable('article_comments', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  articleId: uuid('article_id')
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' }),
  authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

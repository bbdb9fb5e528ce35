import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newsletterKindEnum } from './lists';
import { media } from './editorial';
import { users } from './users';

// The association's identity, one row: every email, public page and the studio read it (readers never see "Crieur")
export const organisation = pgTable(
  'organisation',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull().default(''),
    // the footer of every email and the legal pages: a French postal address, several lines
    postalAddress: text('postal_address').notNull().default(''),
    // default From of newsletters and transactional mail; empty: the name, then MAIL_FROM's name
    senderName: text('sender_name').notNull().default(''),
    // empty: MAIL_FROM's address (its domain is the one DKIM signs and the preflight checks)
    senderEmail: text('sender_email').notNull().default(''),
    replyTo: text('reply_to').notNull().default(''),
    logoMediaId: uuid('logo_media_id').references(() => media.id, { onDelete: 'set null' }),
    // sites allowed to post the embeddable subscribe form (exact origins: https://www.i-cpc.org)
    embedOrigins: text('embed_origins')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('organisation_single_row', sql`${t.id} = 1`)],
);

// One row per newsletter: its masthead, colours, banner and the welcome text its new subscribers read
export const newsletterBranding = pgTable('newsletter_branding', {
  kind: newsletterKindEnum('kind').primaryKey(),
  title: text('title').notNull(),
  kicker: text('kicker').notNull().default(''),
  tagline: text('tagline').notNull().default(''),
  // banner, buttons, section titles: white text on it must reach 4.5:1 (checked on save)
  accent: text('accent').notNull(),
  // light background of the dossier and notices: body text on it must reach 4.5:1
  tint: text('tint').notNull(),
  titleFont: text('title_font').notNull().default('sans'),
  bannerMediaId: uuid('banner_media_id').references(() => media.id, { onDelete: 'set null' }),
  // the footer line under the association's name, and the notice under the masthead (adherents: do not forward)
  identity: text('identity').notNull().default(''),
  notice: text('notice').notNull().default(''),
  // plain text paragraphs of the welcome email, after « Bienvenue » (empty: the default wording)
  welcomeText: text('welcome_text').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// The site's legal and trust pages (mentions légales, confidentialité, contact), written by admins
export const legalPages = pgTable('legal_pages', {
  // 'mentions-legales' | 'confidentialite' | 'contact': the page's path
  slug: text('slug').primaryKey(),
  title: text('title').notNull(),
  // a Tiptap document: what admins write; the privacy page adds what the system really keeps, from code
  body: jsonb('body').$type<Record<string, unknown>>().notNull(),
  // structured facts (publisher, director of publication, host, contact address…): the page's required parts
  fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

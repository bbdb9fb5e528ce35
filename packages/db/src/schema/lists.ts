import { pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const listVisibilityEnum = pgEnum('list_visibility', ['public', 'private']);
export const legalBasisEnum = pgEnum('legal_basis', ['consent', 'legitimate_interest']);

export const newsletterKindEnum = pgEnum('newsletter_kind', ['membres', 'adherents', 'democraties']);

export const lists = pgTable('lists', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  visibility: listVisibilityEnum('visibility').notNull(),
  legalBasis: legalBasisEnum('legal_basis').notNull(),
  // whose branding its welcome email wears (null: the organisation's plain identity)
  newsletterKind: newsletterKindEnum('newsletter_kind'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

import { pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const listVisibilityEnum = pgEnum('list_visibility', ['public', 'private']);
export const legalBasisEnum = pgEnum('legal_basis', ['consent', 'legitimate_interest']);

export const lists = pgTable('lists', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  visibility: listVisibilityEnum('visibility').notNull(),
  legalBasis: legalBasisEnum('legal_basis').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

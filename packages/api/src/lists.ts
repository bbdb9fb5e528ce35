import { z } from 'zod';
import { defineRoutes } from './route';

export const ListCounts = z.object({ confirmed: z.number(), pending: z.number(), unsubscribed: z.number() });
export type ListCounts = z.infer<typeof ListCounts>;

export const ListVisibility = z.enum(['public', 'private']);
export type ListVisibility = z.infer<typeof ListVisibility>;
export const LegalBasis = z.enum(['consent', 'legitimate_interest']);
export type LegalBasis = z.infer<typeof LegalBasis>;

/** A mailing list with its subscriptions counted by status. */
export const MailingList = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  visibility: ListVisibility,
  legalBasis: LegalBasis,
  counts: ListCounts,
});
export type MailingList = z.infer<typeof MailingList>;

export const listRoutes = defineRoutes({
  'GET /api/lists': {
    summary: 'The mailing lists and their counts',
    response: z.object({ lists: z.array(MailingList) }),
  },
});

// « Remplir avec les contributions » (issue 17): accepted contributions, already shaped as the items of a letter's
// agenda, job offers or members' news block, each with the contributionId a sent letter keeps.
import { z } from 'zod';
import { Day, Uuid } from './common';
import { CONTRIBUTION_KINDS } from './enums/contributions';
import { defineRoutes } from './route';

export const FillQuery = z.object({
  kind: z.enum(CONTRIBUTION_KINDS, 'Choisissez : event, job ou news'),
  campaignId: Uuid,
});
export type FillQuery = z.infer<typeof FillQuery>;

/** An agenda item: `date` is the Paris wall clock of the start, "YYYY-MM-DDTHH:mm". */
export const FillEvent = z.object({
  title: z.string(),
  date: z.string(),
  place: z.string(),
  url: z.string(),
  contributionId: Uuid,
});
export type FillEvent = z.infer<typeof FillEvent>;

export const FillOffer = z.object({
  title: z.string(),
  organisation: z.string(),
  place: z.string(),
  url: z.string(),
  closesOn: Day,
  contributionId: Uuid,
});
export type FillOffer = z.infer<typeof FillOffer>;

export const FillNews = z.object({ title: z.string(), text: z.string(), url: z.string(), contributionId: Uuid });
export type FillNews = z.infer<typeof FillNews>;

export const FillAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), items: z.array(FillEvent) }),
  z.object({ kind: z.literal('job'), items: z.array(FillOffer) }),
  z.object({ kind: z.literal('news'), items: z.array(FillNews) }),
]);
export type FillAnswer = z.infer<typeof FillAnswer>;

export const contributionFillRoutes = defineRoutes({
  'GET /api/contributions/fill': {
    summary:
      'Accepted contributions for a letter’s block: public, upcoming or open, not in a sent letter of its newsletter',
    query: FillQuery,
    response: FillAnswer,
  },
});

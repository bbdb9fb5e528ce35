import { z } from 'zod';
import { Timestamp } from './common';
import { defineRoutes } from './route';

// Issue 15 adds the postal address, default sender, logo and banners here.
export const Organisation = z.object({ name: z.string(), updatedAt: Timestamp.nullable() });
export type Organisation = z.infer<typeof Organisation>;

export const PutOrganisationBody = z.object({ name: z.string().trim().min(1).max(160) });
export type PutOrganisationBody = z.infer<typeof PutOrganisationBody>;

export const organisationRoutes = defineRoutes({
  'GET /api/organisation': {
    summary: 'The organisation’s identity (its name)',
    response: z.object({ organisation: Organisation }),
  },
  'PUT /api/organisation': {
    summary: 'Rename the organisation',
    body: PutOrganisationBody,
    response: z.object({ organisation: Organisation }),
  },
});

import { z } from 'zod';

/** An instant on the wire: ISO 8601 in UTC, as `Date.toISOString()` writes it. */
export const Timestamp = z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD (Paris). */
export const Day = z.iso.date();
/** A numeric id in the path ("/api/articles/12"). */
export const NumericId = z.coerce.number().int().positive();
export const Uuid = z.uuid();
export const Ok = z.object({ ok: z.literal(true) });

/** The body of every error answer. */
export const ErrorBody = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

import type { z } from 'zod';
import { ApiError } from './api-error';

/** Validates input at the edge; the answer names each wrong field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new ApiError(400, 'VALIDATION', 'Some fields are not valid', {
    issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

import { z } from 'zod';
import { Timestamp, Uuid } from './common';
import { IMPORT_MEDIA_TYPES, IMPORT_STATUSES } from './enums/subscribers';
import { defineRoutes } from './route';
import { ListSlug } from './subscribers';

export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;

/** An import of a file into a list, with its progress (bytes read) and its counts so far. */
export const ImportView = z.object({
  id: Uuid,
  list: z.string(),
  status: ImportStatus,
  dryRun: z.boolean(),
  fileName: z.string(),
  totalBytes: z.number().int(),
  processedBytes: z.number().int(),
  rows: z.number().int(),
  imported: z.number().int(),
  alreadySubscribed: z.number().int(),
  skipped: z.number().int(),
  problems: z.number().int(),
  error: z.string().nullable(),
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
export type ImportView = z.infer<typeof ImportView>;

/** The upload's body is the file itself: the list, the consent source and the dry run come in the query string. */
export const StartImportQuery = z.object({
  list: ListSlug,
  consentSource: z.string().trim().max(500).default(''),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type StartImportQuery = z.input<typeof StartImportQuery>;

export const ImportParams = z.object({ id: Uuid });
export const ListExportParams = z.object({ slug: ListSlug });

const ImportAnswer = z.object({ import: ImportView });

export const importsRoutes = defineRoutes({
  'POST /api/imports': {
    summary:
      'Import a CSV file into a list (raw bytes, 100 MB at most; x-file-name header); it runs on, followed by GET',
    query: StartImportQuery,
    consumes: IMPORT_MEDIA_TYPES,
    status: 202,
    response: ImportAnswer,
  },
  'GET /api/imports': {
    summary: 'The latest imports, newest first',
    response: z.object({ imports: z.array(ImportView) }),
  },
  'GET /api/imports/:id': {
    summary: 'One import and its progress',
    params: ImportParams,
    response: ImportAnswer,
  },
  'GET /api/imports/:id/report.csv': {
    summary: 'The lines an import set aside, and why (CSV for spreadsheets)',
    params: ImportParams,
    response: null,
    produces: 'text/csv',
  },
  'GET /api/lists/:slug/export': {
    summary: 'A list’s confirmed subscribers (CSV for spreadsheets, UTF-8 with BOM)',
    params: ListExportParams,
    response: null,
    produces: 'text/csv',
  },
});

import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { IMPORT_MEDIA_TYPES } from '@crieur/api/enums/subscribers';
import { ImportFileError, problemLabel, runImport, writeCsv } from '@crieur/import';
import {
  appendAudit,
  confirmedSubscriberRows,
  createImport,
  createImportStore,
  EXPORT_HEADER,
  finishImport,
  getImport,
  importProblemRows,
  listIdsBySlugs,
  listImports,
} from '@crieur/db';
import { requireStaff } from '../auth/register-access';
import { ApiError, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import { fieldError } from '../http/field-error';
import { fileNameHeader } from '../http/file-name-header';
import type { RouteContext } from './context';
import { importView } from './subscriber-views';

const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export function importRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  // uploads arrive as raw bytes, streamed to disk rather than held in memory
  app.addContentTypeParser([...IMPORT_MEDIA_TYPES], (_request, payload, done) => done(null, payload));

  handle(app, 'POST /api/imports', { bodyLimit: MAX_UPLOAD_BYTES }, async ({ query }, request, reply) => {
    const staff = requireStaff(request);
    const [list] = await listIdsBySlugs(db, [query.list]);
    if (!list) throw fieldError('list', 'Liste inconnue.');
    if (list.legalBasis === 'consent' && !query.consentSource)
      throw new ApiError(400, 'CONSENT_SOURCE_REQUIRED', 'Indiquez où ces personnes ont donné leur consentement.');
    if (!request.body || typeof (request.body as Readable).pipe !== 'function')
      throw new ApiError(400, 'IMPORT_FILE_INVALID', 'Envoyez le fichier au format text/csv.');
    const uploads = path.join(ctx.config.dataDir, 'uploads');
    await mkdir(uploads, { recursive: true });
    const file = path.join(uploads, `import-${randomUUID()}.csv`);
    let totalBytes = 0;
    const body = request.body as Readable;
    body.on('data', (chunk: Buffer) => (totalBytes += chunk.length));
    await pipeline(body, createWriteStream(file));
    const fileName = fileNameHeader(request.headers['x-file-name'], 'import.csv');

    let importId: string | undefined;
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const run = runImport({
      input: createReadStream(file),
      store: createImportStore(db, {
        listId: list.id,
        legalBasis: list.legalBasis,
        consentNote: query.consentSource || null,
        actorId: staff.id,
        dryRun: query.dryRun,
        now: ctx.now,
        id: () => importId!,
      }),
      onStarted: async () => {
        importId = await createImport(db, {
          listId: list.id,
          actorId: staff.id,
          dryRun: query.dryRun,
          fileName,
          consentSource: query.consentSource || null,
          totalBytes,
          now: ctx.now(),
        });
        markStarted();
      },
    });
    // the header decides between a clear 400 now and a running import the studio can follow
    const first = await Promise.race([
      started.then(() => 'started' as const),
      run.then(
        () => 'started' as const,
        (error: unknown) => error,
      ),
    ]);
    if (first !== 'started') {
      await rm(file, { force: true });
      if (first instanceof ImportFileError) throw new ApiError(400, 'IMPORT_FILE_INVALID', first.message);
      throw first;
    }
    void run
      .then(() => finishImport(db, { id: importId!, status: 'done', now: ctx.now() }))
      .catch(async (error: unknown) => {
        request.log.error({ importId, reason: error instanceof Error ? error.name : 'unknown' }, 'import failed');
        await finishImport(db, {
          id: importId!,
          status: 'failed',
          error: error instanceof ImportFileError ? error.message : "L'import s'est arrêté sur une erreur interne.",
          now: ctx.now(),
        });
      })
      .finally(() => rm(file, { force: true }));
    await appendAudit(db, {
      action: 'import_started',
      actorId: staff.id,
      targetType: 'import',
      targetId: importId,
      data: { list: list.slug, dryRun: query.dryRun },
      ip: request.ip,
    });
    return reply.status(202).send({ import: importView((await getImport(db, importId!))!) });
  });

  handle(app, 'GET /api/imports', async () => ({ imports: (await listImports(db)).map(importView) }));

  handle(app, 'GET /api/imports/:id', async ({ params }) => {
    const found = await getImport(db, params.id);
    if (!found) throw notFound('Import');
    return { import: importView(found) };
  });

  handle(app, 'GET /api/imports/:id/report.csv', async ({ params }, _request, reply) => {
    const found = await getImport(db, params.id);
    if (!found) throw notFound('Import');
    async function* lines() {
      for await (const p of importProblemRows(db, found!.id)) yield [String(p.line), p.value, problemLabel(p.reason)];
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="rapport-import-${found.list}-${found.startedAt.toISOString().slice(0, 10)}.csv"`,
      )
      .header('cache-control', 'no-store')
      .send(toStream(writeCsv(['Ligne', 'Adresse', 'Raison'], lines())));
  });

  handle(app, 'GET /api/lists/:slug/export', async ({ params }, request, reply) => {
    const staff = requireStaff(request);
    const [list] = await listIdsBySlugs(db, [params.slug]);
    if (!list) throw notFound('List');
    await appendAudit(db, {
      action: 'list_exported',
      actorId: staff.id,
      targetType: 'list',
      targetId: list.slug,
      ip: request.ip,
    });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${list.slug}-${ctx.now().toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'no-store')
      .send(toStream(writeCsv(EXPORT_HEADER, confirmedSubscriberRows(db, list.id))));
  });
}

const toStream = (chunks: AsyncIterable<Buffer>): Readable => Readable.from(chunks);

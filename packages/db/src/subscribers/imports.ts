import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { importProblems, imports, lists } from '../schema';

export type ImportRecord = typeof imports.$inferSelect & { list: string };

export async function createImport(
  db: Db,
  input: {
    listId: number;
    actorId: string | null;
    dryRun: boolean;
    fileName: string;
    consentSource: string | null;
    totalBytes: number;
    now: Date;
  },
): Promise<string> {
  const [row] = await db
    .insert(imports)
    .values({ ...input, startedAt: input.now })
    .returning({ id: imports.id });
  return row!.id;
}

export async function recordImportProgress(
  db: Db,
  input: {
    id: string;
    processedBytes: number;
    rows: number;
    imported: number;
    alreadySubscribed: number;
    skipped: number;
    problems: { line: number; reason: string; value: string }[];
  },
): Promise<void> {
  await db
    .update(imports)
    .set({
      processedBytes: input.processedBytes,
      rows: input.rows,
      imported: input.imported,
      alreadySubscribed: input.alreadySubscribed,
      skipped: input.skipped,
      problems: sql`${imports.problems} + ${input.problems.length}`,
    })
    .where(eq(imports.id, input.id));
  if (input.problems.length) {
    await db.execute(sql`
      insert into import_problems (import_id, line, reason, value)
      select ${input.id}::uuid, l, r, v from unnest(${sql.param(input.problems.map((p) => p.line))}::int[], ${sql.param(input.problems.map((p) => p.reason))}::text[], ${sql.param(input.problems.map((p) => p.value))}::text[]) as x(l, r, v)`);
  }
}

export async function finishImport(
  db: Db,
  input: { id: string; status: 'done' | 'failed'; error?: string | null; now: Date },
): Promise<void> {
  await db
    .update(imports)
    .set({ status: input.status, error: input.error ?? null, finishedAt: input.now })
    .where(eq(imports.id, input.id));
}

export async function getImport(db: Db, id: string): Promise<ImportRecord | null> {
  const [row] = await db
    .select({ i: imports, list: lists.slug })
    .from(imports)
    .innerJoin(lists, eq(lists.id, imports.listId))
    .where(eq(imports.id, id));
  return row ? { ...row.i, list: row.list } : null;
}

export async function listImports(db: Db, limit = 20): Promise<ImportRecord[]> {
  const rows = await db
    .select({ i: imports, list: lists.slug })
    .from(imports)
    .innerJoin(lists, eq(lists.id, imports.listId))
    .orderBy(desc(imports.startedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.i, list: r.list }));
}

// page by last id: reports of 100 k lines are read in slices
export async function importProblemsPage(db: Db, input: { importId: string; afterId?: number; limit: number }) {
  return db
    .select({
      id: importProblems.id,
      line: importProblems.line,
      reason: importProblems.reason,
      value: importProblems.value,
    })
    .from(importProblems)
    .where(
      input.afterId
        ? sql`${importProblems.importId} = ${input.importId} and ${gt(importProblems.id, input.afterId)}`
        : eq(importProblems.importId, input.importId),
    )
    .orderBy(asc(importProblems.id))
    .limit(input.limit);
}

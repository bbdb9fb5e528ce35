import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { listHistory } from '../schema';

export type EnteredCount = { listId: number; month: string; confirmed: number; note: string; enteredAt: Date };

/** Staff enter (or correct) a past month's count for a list; entering it again replaces it. */
export async function enterListHistory(
  db: Db,
  input: { listId: number; month: string; confirmed: number; note: string; actorId: string | null; now: Date },
): Promise<void> {
  const values = { confirmed: input.confirmed, note: input.note, enteredBy: input.actorId, enteredAt: input.now };
  await db
    .insert(listHistory)
    .values({ listId: input.listId, month: input.month, ...values })
    .onConflictDoUpdate({ target: [listHistory.listId, listHistory.month], set: values });
}

export async function deleteListHistory(db: Db, input: { listId: number; month: string }): Promise<boolean> {
  const rows = await db
    .delete(listHistory)
    .where(and(sql`${listHistory.listId} = ${input.listId}`, sql`${listHistory.month} = ${input.month}`))
    .returning({ m: listHistory.month });
  return rows.length > 0;
}

/** Entered counts of some lists, optionally between two months included. */
export async function listEnteredCounts(
  db: Db,
  input: { listIds: number[]; fromMonth?: string; toMonth?: string },
): Promise<EnteredCount[]> {
  if (!input.listIds.length) return [];
  return db
    .select({
      listId: listHistory.listId,
      month: listHistory.month,
      confirmed: listHistory.confirmed,
      note: listHistory.note,
      enteredAt: listHistory.enteredAt,
    })
    .from(listHistory)
    .where(
      and(
        inArray(listHistory.listId, input.listIds),
        input.fromMonth ? sql`${listHistory.month} >= ${input.fromMonth}` : undefined,
        input.toMonth ? sql`${listHistory.month} <= ${input.toMonth}` : undefined,
      ),
    )
    .orderBy(asc(listHistory.listId), asc(listHistory.month));
}

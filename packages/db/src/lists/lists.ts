import { asc } from 'drizzle-orm';
import type { Db } from '../database';
import { lists } from '../schema';

export type List = typeof lists.$inferSelect;

export async function listLists(db: Db): Promise<List[]> {
  return db.select().from(lists).orderBy(asc(lists.id));
}

import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { organisation } from '../schema';

export type Organisation = { name: string; updatedAt: Date | null };

/** The association's identity (one row, id 1); before anyone set it, an empty name. */
export async function getOrganisation(db: Db): Promise<Organisation> {
  const [row] = await db.select({ name: organisation.name, updatedAt: organisation.updatedAt }).from(organisation);
  return row ?? { name: '', updatedAt: null };
}

export async function setOrganisationName(db: Db, input: { name: string; now: Date }): Promise<Organisation> {
  const [row] = await db
    .insert(organisation)
    .values({ id: 1, name: input.name.trim(), updatedAt: input.now })
    .onConflictDoUpdate({
      target: organisation.id,
      set: { name: sql`excluded.name`, updatedAt: sql`excluded.updated_at` },
    })
    .returning({ name: organisation.name, updatedAt: organisation.updatedAt });
  return row!;
}

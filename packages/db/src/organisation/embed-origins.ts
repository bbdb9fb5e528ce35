import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { organisation } from '../schema';

/** The sites allowed to post the embeddable subscribe form (exact origins), in the order an admin wrote them. */
export async function getEmbedOrigins(db: Db): Promise<string[]> {
  const [row] = await db.select({ origins: organisation.embedOrigins }).from(organisation);
  return row?.origins ?? [];
}

/** Replaces the whole list (the row is created on first use); the caller has validated and normalised it. */
export async function setEmbedOrigins(db: Db, input: { origins: string[]; now: Date }): Promise<string[]> {
  const [row] = await db
    .insert(organisation)
    .values({ id: 1, embedOrigins: input.origins, updatedAt: input.now })
    .onConflictDoUpdate({
      target: organisation.id,
      set: { embedOrigins: sql`excluded.embed_origins`, updatedAt: sql`excluded.updated_at` },
    })
    .returning({ origins: organisation.embedOrigins });
  return row!.origins;
}

import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { isUniqueViolation } from '../errors';
import { dossierRevisions, dossiers, users } from '../schema';
import { EditConflictError, SlugTakenError } from './articles';

export type DossierFields = {
  title: string;
  slug: string;
  lede: string;
  editorialNote: Record<string, unknown>;
  coverMediaId: string | null;
};

/** The autosave: only over `version` (else EditConflictError), each save kept as an `autosave` revision. */
export async function saveDossier(
  db: Db,
  input: { id: string; version: number; fields: DossierFields; userId: string; now: Date },
): Promise<number> {
  return db.transaction(async (tx) => {
    let updated: { version: number }[];
    try {
      updated = await tx
        .update(dossiers)
        .set({ ...input.fields, version: sql`${dossiers.version} + 1`, updatedBy: input.userId, updatedAt: input.now })
        .where(and(eq(dossiers.id, input.id), eq(dossiers.version, input.version)))
        .returning({ version: dossiers.version });
    } catch (error) {
      if (isUniqueViolation(error)) throw new SlugTakenError();
      throw error;
    }
    const version = updated[0]?.version;
    if (version === undefined) {
      const [current] = await tx
        .select({
          version: dossiers.version,
          updatedAt: dossiers.updatedAt,
          updatedBy: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
        })
        .from(dossiers)
        .leftJoin(users, eq(users.id, dossiers.updatedBy))
        .where(eq(dossiers.id, input.id));
      if (!current) throw new Error('dossier vanished');
      throw new EditConflictError(current);
    }
    await tx.insert(dossierRevisions).values({
      dossierId: input.id,
      version,
      title: input.fields.title,
      lede: input.fields.lede,
      editorialNote: input.fields.editorialNote,
      coverMediaId: input.fields.coverMediaId,
      step: 'autosave',
      savedBy: input.userId,
      savedAt: input.now,
    });
    return version;
  });
}

import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import type { Tx } from '../shared/tx';
import { dossierRevisions, dossiers, users } from '../schema';
import { queueReviewMail } from '../staff-mail/queue-review-mail';
import { EditConflictError } from './articles';

type Dossier = typeof dossiers.$inferSelect;

/** The dossier is not in the state the step needs (someone else moved it, or the step makes no sense). */
export class DossierStateError extends Error {
  readonly code = 'TRANSITION_NOT_ALLOWED';
  constructor(readonly status: Dossier['status']) {
    super(`The dossier is ${status}`);
    this.name = 'DossierStateError';
  }
}

// the working version becomes what readers see: a `published` revision, pointed at by the row
async function goLive(tx: Tx, row: Dossier, input: { savedBy: string | null; publishedAt: Date; now: Date }) {
  const [revision] = await tx
    .insert(dossierRevisions)
    .values({
      dossierId: row.id,
      version: row.version,
      title: row.title,
      lede: row.lede,
      editorialNote: row.editorialNote,
      coverMediaId: row.coverMediaId,
      step: 'published',
      savedBy: input.savedBy,
      savedAt: input.now,
    })
    .returning({ id: dossierRevisions.id });
  await tx
    .update(dossiers)
    .set({
      status: 'published',
      liveRevisionId: revision!.id,
      publishedAt: sql`coalesce(${dossiers.publishedAt}, ${input.publishedAt.toISOString()}::timestamptz)`,
      scheduledAt: null,
    })
    .where(eq(dossiers.id, row.id));
}

const lockDossier = async (tx: Tx, id: string) =>
  (await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update'))[0];

async function conflictOf(tx: Tx, row: Dossier): Promise<EditConflictError> {
  const [who] = row.updatedBy
    ? await tx
        .select({ name: sql<string>`coalesce(nullif(${users.name}, ''), ${users.email})` })
        .from(users)
        .where(eq(users.id, row.updatedBy))
    : [];
  return new EditConflictError({ version: row.version, updatedAt: row.updatedAt, updatedBy: who?.name ?? null });
}

/**
 * "Publier" (a draft, scheduled or not) or "Mettre à jour" (a published dossier): the working version as it is
 * at `version` goes live. Returns the review emails owed (`published`, to the dossier's creator).
 */
export async function publishDossier(
  db: Db,
  // userId null: a command line (the demo seed), with no one to name in the review emails
  input: { id: string; mode: 'publish' | 'update'; version: number; userId: string | null; now: Date },
): Promise<{ mailIds: string[] }> {
  return db.transaction(async (tx) => {
    const row = await lockDossier(tx, input.id);
    if (!row) throw new DossierStateError('draft');
    if (row.status !== (input.mode === 'publish' ? 'draft' : 'published')) throw new DossierStateError(row.status);
    // publish exactly what the editor saw, never a save made meanwhile
    if (row.version !== input.version) throw await conflictOf(tx, row);
    await goLive(tx, row, { savedBy: input.userId, publishedAt: input.now, now: input.now });
    const actorId = input.userId;
    const mailIds = actorId ? await queueReviewMail(tx, { event: 'published', actorId, dossierId: row.id }) : [];
    return { mailIds };
  });
}

/** The publishing worker's step: only a draft still scheduled, whose time has come. */
export async function publishDossierIfDue(
  db: Db,
  input: { id: string; now: Date },
): Promise<{ published: boolean; mailIds: string[] }> {
  return db.transaction(async (tx) => {
    const row = await lockDossier(tx, input.id);
    if (!row || row.status !== 'draft' || !row.scheduledAt || row.scheduledAt > input.now)
      return { published: false, mailIds: [] };
    // the last person to touch it answers for it; readers see the date it was scheduled for
    const actorId = row.updatedBy ?? row.createdBy;
    await goLive(tx, row, { savedBy: actorId, publishedAt: row.scheduledAt, now: input.now });
    const mailIds = actorId ? await queueReviewMail(tx, { event: 'published', actorId, dossierId: row.id }) : [];
    return { published: true, mailIds };
  });
}

/** Schedules (or moves the date of) a draft; returns the review emails owed, or null if it is not a draft. */
export async function scheduleDossier(
  db: Db,
  input: { id: string; at: Date; userId: string; now: Date },
): Promise<{ mailIds: string[] } | null> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(dossiers)
      // the one who scheduled answers for the publication the worker makes later
      .set({ scheduledAt: input.at, updatedBy: input.userId })
      .where(and(eq(dossiers.id, input.id), eq(dossiers.status, 'draft')))
      .returning({ id: dossiers.id });
    if (rows.length === 0) return null;
    return { mailIds: await queueReviewMail(tx, { event: 'scheduled', actorId: input.userId, dossierId: input.id }) };
  });
}

/** Back to a plain draft; false if it was not scheduled. */
export async function unscheduleDossier(db: Db, input: { id: string }): Promise<boolean> {
  const rows = await db
    .update(dossiers)
    .set({ scheduledAt: null })
    .where(and(eq(dossiers.id, input.id), eq(dossiers.status, 'draft'), isNotNull(dossiers.scheduledAt)))
    .returning({ id: dossiers.id });
  return rows.length === 1;
}

/** Readers stop seeing it; its live version is kept for the record. False if it was not published. */
export async function unpublishDossier(db: Db, input: { id: string }): Promise<boolean> {
  const rows = await db
    .update(dossiers)
    .set({ status: 'draft', publishedAt: null })
    .where(and(eq(dossiers.id, input.id), eq(dossiers.status, 'published')))
    .returning({ id: dossiers.id });
  return rows.length === 1;
}

/** Scheduled drafts, for the publishing worker's reconcile. */
export async function scheduledDossiers(db: Db): Promise<{ id: string; scheduledAt: Date }[]> {
  const rows = await db
    .select({ id: dossiers.id, scheduledAt: dossiers.scheduledAt })
    .from(dossiers)
    .where(and(eq(dossiers.status, 'draft'), isNotNull(dossiers.scheduledAt)));
  return rows.filter((r): r is { id: string; scheduledAt: Date } => r.scheduledAt !== null);
}

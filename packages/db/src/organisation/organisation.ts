import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { organisation } from '../schema';

export type Organisation = {
  name: string;
  postalAddress: string;
  senderName: string;
  senderEmail: string;
  replyTo: string;
  logoMediaId: string | null;
  updatedAt: Date | null;
};

export type OrganisationPatch = Partial<Omit<Organisation, 'updatedAt'>>;

const EMPTY: Organisation = {
  name: '',
  postalAddress: '',
  senderName: '',
  senderEmail: '',
  replyTo: '',
  logoMediaId: null,
  updatedAt: null,
};

const columns = {
  name: organisation.name,
  postalAddress: organisation.postalAddress,
  senderName: organisation.senderName,
  senderEmail: organisation.senderEmail,
  replyTo: organisation.replyTo,
  logoMediaId: organisation.logoMediaId,
  updatedAt: organisation.updatedAt,
};

/** The association's identity (one row, id 1); before anyone set it, empty fields. */
export async function getOrganisation(db: Db): Promise<Organisation> {
  const [row] = await db.select(columns).from(organisation);
  return row ?? EMPTY;
}

/** Writes the given fields only (the row is created on first use); text is stored trimmed. */
export async function updateOrganisation(db: Db, patch: OrganisationPatch, now: Date): Promise<Organisation> {
  const values = Object.fromEntries(
    Object.entries(patch)
      // only the known columns: their names go into the statement
      .filter(([k, v]) => v !== undefined && k in COLUMN_NAMES)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
  ) as OrganisationPatch;
  const set = Object.fromEntries(
    Object.keys(values).map((k) => [k, sql.raw(`excluded.${COLUMN_NAMES[k as keyof typeof COLUMN_NAMES]}`)]),
  );
  const [row] = await db
    .insert(organisation)
    .values({ id: 1, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: organisation.id, set: { ...set, updatedAt: sql`excluded.updated_at` } })
    .returning(columns);
  return row!;
}

/** Kept for the first-run checklist's rename. */
export function setOrganisationName(db: Db, input: { name: string; now: Date }): Promise<Organisation> {
  return updateOrganisation(db, { name: input.name }, input.now);
}

const COLUMN_NAMES = {
  name: 'name',
  postalAddress: 'postal_address',
  senderName: 'sender_name',
  senderEmail: 'sender_email',
  replyTo: 'reply_to',
  logoMediaId: 'logo_media_id',
} as const;

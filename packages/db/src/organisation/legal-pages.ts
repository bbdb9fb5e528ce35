import { asc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { NotFoundError } from '../errors';
import type { AuditAction } from '../audit/audit-log';
import { auditLog, legalPages } from '../schema';

/** The site's legal and trust pages; each slug is the page's public path. */
export const LEGAL_PAGE_SLUGS = ['mentions-legales', 'confidentialite', 'contact'] as const;
export type LegalPageSlug = (typeof LEGAL_PAGE_SLUGS)[number];

export type LegalPage = {
  slug: LegalPageSlug;
  title: string;
  /** a Tiptap document, checked by the API before it is stored */
  body: Record<string, unknown>;
  /** the page's structured facts (publisher, host, contact address…), by field name */
  fields: Record<string, string>;
  updatedBy: string | null;
  updatedAt: Date;
};

const columns = {
  slug: legalPages.slug,
  title: legalPages.title,
  body: legalPages.body,
  fields: legalPages.fields,
  updatedBy: legalPages.updatedBy,
  updatedAt: legalPages.updatedAt,
};

const isSlug = (slug: string): slug is LegalPageSlug => (LEGAL_PAGE_SLUGS as readonly string[]).includes(slug);
const order = (slug: string) => LEGAL_PAGE_SLUGS.indexOf(slug as LegalPageSlug);

/** The three pages in the footer's order (a row the migration did not seed is left out). */
export async function listLegalPages(db: Db): Promise<LegalPage[]> {
  const rows = await db.select(columns).from(legalPages).orderBy(asc(legalPages.slug));
  return rows
    .filter((r): r is typeof r & { slug: LegalPageSlug } => isSlug(r.slug))
    .sort((a, b) => order(a.slug) - order(b.slug));
}

export async function getLegalPage(db: Db, slug: string): Promise<LegalPage | null> {
  if (!isSlug(slug)) return null;
  const [row] = await db.select(columns).from(legalPages).where(eq(legalPages.slug, slug));
  return row ? { ...row, slug } : null;
}

/**
 * Replaces one page's title, body and fields, and records who did it in the audit log, in one transaction:
 * the audit names the fields that changed, never their values. Throws NotFoundError for an unknown slug.
 */
export async function updateLegalPage(
  db: Db,
  input: {
    slug: string;
    title: string;
    body: Record<string, unknown>;
    fields: Record<string, string>;
    userId: string;
    ip?: string | null;
    now: Date;
  },
): Promise<LegalPage> {
  if (!isSlug(input.slug)) throw new NotFoundError('legal_page', input.slug);
  const slug = input.slug;
  return db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(legalPages).where(eq(legalPages.slug, slug)).for('update');
    if (!before) throw new NotFoundError('legal_page', slug);
    const [after] = await tx
      .update(legalPages)
      .set({
        title: input.title,
        body: input.body,
        fields: input.fields,
        updatedBy: input.userId,
        updatedAt: input.now,
      })
      .where(eq(legalPages.slug, slug))
      .returning(columns);
    const changed = changedParts(before, after!);
    if (changed.length > 0) {
      await tx.insert(auditLog).values({
        action: 'legal_page_updated' satisfies AuditAction,
        actorId: input.userId,
        targetType: 'legal_page',
        targetId: slug,
        data: { fields: changed },
        ip: input.ip ?? null,
      });
    }
    return { ...after!, slug };
  });
}

/** 'title', 'body' and each field name whose value differs (a field emptied counts). */
function changedParts(before: typeof legalPages.$inferSelect, after: typeof legalPages.$inferSelect): string[] {
  const parts: string[] = [];
  if (before.title !== after.title) parts.push('title');
  if (JSON.stringify(before.body) !== JSON.stringify(after.body)) parts.push('body');
  const names = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  for (const name of [...names].sort()) {
    if ((before.fields[name] ?? '') !== (after.fields[name] ?? '')) parts.push(name);
  }
  return parts;
}

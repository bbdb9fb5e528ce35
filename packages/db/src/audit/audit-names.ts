import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../database';
import { articles, campaigns, dossiers, imports, lists, users } from '../schema';

/** Ids named by audit entries, grouped by kind (users by id, lists by slug). */
export type AuditRefs = {
  users: readonly string[];
  articles: readonly string[];
  dossiers: readonly string[];
  campaigns: readonly string[];
  lists: readonly string[];
  imports: readonly string[];
};

export type AuditNames = {
  users: Map<string, { name: string; email: string }>;
  articles: Map<string, { title: string }>;
  dossiers: Map<string, { title: string }>;
  campaigns: Map<string, { subject: string; kind: string }>;
  lists: Map<string, { name: string }>;
  imports: Map<string, { listSlug: string; fileName: string }>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// the log keeps ids of things that may be gone, or were never uuids: only well-formed ones reach a uuid column
const uuids = (ids: readonly string[]) => [...new Set(ids.filter((id) => UUID.test(id)))];

/** The names of what a page of the audit log mentions: one query per kind, none for a kind not mentioned. */
export async function auditNames(db: Db, refs: AuditRefs): Promise<AuditNames> {
  const userIds = uuids(refs.users);
  const articleIds = uuids(refs.articles);
  const dossierIds = uuids(refs.dossiers);
  const campaignIds = uuids(refs.campaigns);
  const importIds = uuids(refs.imports);
  const slugs = [...new Set(refs.lists)];
  const [userRows, articleRows, dossierRows, campaignRows, listRows, importRows] = await Promise.all([
    userIds.length
      ? db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, userIds))
      : [],
    articleIds.length
      ? db.select({ id: articles.id, title: articles.title }).from(articles).where(inArray(articles.id, articleIds))
      : [],
    dossierIds.length
      ? db.select({ id: dossiers.id, title: dossiers.title }).from(dossiers).where(inArray(dossiers.id, dossierIds))
      : [],
    campaignIds.length
      ? db
          .select({ id: campaigns.id, subject: campaigns.subject, kind: campaigns.kind })
          .from(campaigns)
          .where(inArray(campaigns.id, campaignIds))
      : [],
    slugs.length ? db.select({ slug: lists.slug, name: lists.name }).from(lists).where(inArray(lists.slug, slugs)) : [],
    importIds.length
      ? db
          .select({ id: imports.id, listSlug: lists.slug, fileName: imports.fileName })
          .from(imports)
          .innerJoin(lists, eq(lists.id, imports.listId))
          .where(inArray(imports.id, importIds))
      : [],
  ]);
  return {
    users: new Map(userRows.map((r) => [r.id, { name: r.name, email: r.email }])),
    articles: new Map(articleRows.map((r) => [r.id, { title: r.title }])),
    dossiers: new Map(dossierRows.map((r) => [r.id, { title: r.title }])),
    campaigns: new Map(campaignRows.map((r) => [r.id, { subject: r.subject, kind: r.kind }])),
    lists: new Map(listRows.map((r) => [r.slug, { name: r.name }])),
    imports: new Map(importRows.map((r) => [r.id, { listSlug: r.listSlug, fileName: r.fileName }])),
  };
}

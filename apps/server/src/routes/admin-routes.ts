import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { auditNames, listAudit, listCounts, listLists } from '@crieur/db';
import { listOutbox } from '@crieur/mailer';
import { handle } from '../http/contract-route';
import { auditRefs, auditSentence } from './audit-sentences';
import type { RouteContext } from './context';

export function adminRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  handle(app, 'GET /api/lists', async () => {
    const [lists, counts] = await Promise.all([listLists(db), listCounts(db)]);
    return {
      lists: lists.map((l) => ({
        id: l.id,
        slug: l.slug,
        name: l.name,
        description: l.description,
        visibility: l.visibility,
        legalBasis: l.legalBasis,
        counts: counts.get(l.id) ?? { pending: 0, confirmed: 0, unsubscribed: 0 },
      })),
    };
  });

  // without SMTP_URL every email is a file: staff read them here (development and demos)
  handle(app, 'GET /api/outbox', async () => {
    if (ctx.config.smtpUrl) return { mode: 'smtp' as const, messages: [] };
    const messages = await listOutbox(path.join(ctx.config.dataDir, 'outbox'), { limit: 50 });
    return {
      mode: 'outbox' as const,
      messages: messages.map((m) => ({
        file: m.file,
        at: m.at.toISOString(),
        to: m.to,
        subject: m.subject,
        size: m.size,
      })),
    };
  });

  // for the association's other tools (its main website): generated from the same schemas the server checks
  handle(app, 'GET /api/docs', () => app.swagger() as { openapi: string; paths: Record<string, unknown> });

  handle(app, 'GET /api/audit', async ({ query }) => {
    const entries = await listAudit(db, { limit: query.limit, beforeId: query.before });
    // names of the people, articles, letters and lists mentioned: one query per kind for the whole page
    const names = await auditNames(db, auditRefs(entries));
    return {
      entries: entries.map((e) => {
        const actor = e.actorId ? names.users.get(e.actorId) : undefined;
        return {
          ...e,
          at: e.at.toISOString(),
          sentence: auditSentence(e, names),
          actorName: actor ? actor.name.trim() || actor.email : null,
        };
      }),
    };
  });
}

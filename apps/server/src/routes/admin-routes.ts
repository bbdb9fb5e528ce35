import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import path from 'node:path';
import { listAudit, listCounts, listLists } from '@crieur/db';
import { listOutbox } from '@crieur/mailer';
import { parse } from '../http/parse-body';
import type { RouteContext } from './context';

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

export function adminRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  app.get('/api/lists', async () => {
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
  app.get('/api/outbox', async () => {
    if (ctx.config.smtpUrl) return { mode: 'smtp', messages: [] };
    const messages = await listOutbox(path.join(ctx.config.dataDir, 'outbox'), { limit: 50 });
    return {
      mode: 'outbox',
      messages: messages.map((m) => ({
        file: m.file,
        at: m.at.toISOString(),
        to: m.to,
        subject: m.subject,
        size: m.size,
      })),
    };
  });

  app.get('/api/audit', async (request) => {
    const query = parse(AuditQuery, request.query);
    const entries = await listAudit(db, { limit: query.limit, beforeId: query.before });
    return { entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
  });
}

import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { writeCsv } from '@crieur/import';
import { campaignReports, deleteListHistory, enterListHistory, listEnteredCounts, listLists } from '@crieur/db';
import {
  addDays,
  CAMPAIGN_REPORT_CSV_HEADER,
  campaignReportRows,
  growthDashboard,
  isDay,
  parisDay,
  parisDayStart,
  YEAR_REPORT_CSV_HEADER,
  yearReport,
  yearReportMarkdown,
  yearReportRows,
} from '@crieur/growth';
import { requireStaff } from '../auth/register-access';
import { ApiError, notFound } from '../http/api-error';
import { parse } from '../http/parse-body';
import type { RouteContext } from './context';

const Day = z.string().refine(isDay, 'Use a date written YYYY-MM-DD');
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month written YYYY-MM');
export const GrowthQuery = z.object({
  lists: z.string().max(300).optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type GrowthQuery = z.infer<typeof GrowthQuery>;
export const HistoryBody = z.object({
  list: z.string().max(60),
  month: Month,
  confirmed: z.number().int().min(0).max(10_000_000),
  note: z.string().trim().max(500).default(''),
});
export type HistoryBody = z.infer<typeof HistoryBody>;
const HistoryParams = z.object({ list: z.string().max(60), month: Month });
const CampaignQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
// one route for /2025, /2025.md and /2025.csv
const YearParams = z.object({
  year: z.string().regex(/^\d{4}(\.(md|csv|json))?$/, 'Use a year such as 2025, 2025.md or 2025.csv'),
});

// a year of daily points is the longest span one request may ask for, with some margin
const MAX_DAYS = 3 * 366;

const csv = (reply: FastifyReply, filename: string, header: string[], rows: string[][]) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(writeCsv(header, rows)));

export function growthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  async function listsBySlug(slugs: string[] | undefined) {
    const all = await listLists(db);
    if (!slugs) return all;
    const picked = slugs.map((slug) => all.find((l) => l.slug === slug));
    if (picked.some((l) => !l))
      throw new ApiError(400, 'VALIDATION', 'Unknown list', { issues: [{ path: 'lists', message: 'Unknown list' }] });
    return picked as typeof all;
  }

  app.get('/api/growth', async (request) => {
    const q = parse(GrowthQuery, request.query);
    const today = parisDay(ctx.now());
    const to = q.to ?? addDays(today, -1);
    const from = q.from ?? addDays(to, -364);
    if (from > to)
      throw new ApiError(400, 'VALIDATION', 'The start comes after the end', {
        issues: [{ path: 'from', message: 'The start comes after the end' }],
      });
    if ((parisDayStart(to).getTime() - parisDayStart(from).getTime()) / 86_400_000 > MAX_DAYS) {
      throw new ApiError(400, 'VALIDATION', 'At most three years at once', {
        issues: [{ path: 'from', message: 'At most three years at once' }],
      });
    }
    const lists = await listsBySlug(q.lists ? [...new Set(q.lists.split(',').filter(Boolean))] : undefined);
    const growth = await growthDashboard(db, { listIds: lists.map((l) => l.id), from, to, now: ctx.now() });
    return {
      from,
      to,
      lists: growth.map(({ listId: _listId, ...g }, i) => ({ slug: lists[i]!.slug, name: lists[i]!.name, ...g })),
    };
  });

  app.get('/api/growth/history', async () => {
    const lists = await listLists(db);
    const rows = await listEnteredCounts(db, { listIds: lists.map((l) => l.id) });
    const slugOf = new Map(lists.map((l) => [l.id, l.slug]));
    return {
      history: rows.map((r) => ({
        list: slugOf.get(r.listId),
        month: r.month,
        confirmed: r.confirmed,
        note: r.note,
        enteredAt: r.enteredAt.toISOString(),
      })),
    };
  });

  app.put('/api/growth/history', async (request) => {
    const staff = requireStaff(request);
    const body = parse(HistoryBody, request.body);
    const [list] = await listsBySlug([body.list]);
    // only the past can be entered: the ledger speaks from the month Crieur started
    if (body.month > parisDay(ctx.now()).slice(0, 7))
      throw new ApiError(400, 'VALIDATION', 'This month has not started yet', {
        issues: [{ path: 'month', message: 'This month has not started yet' }],
      });
    await enterListHistory(db, {
      listId: list!.id,
      month: body.month,
      confirmed: body.confirmed,
      note: body.note,
      actorId: staff.id,
      now: ctx.now(),
    });
    return { list: body.list, month: body.month, confirmed: body.confirmed, note: body.note };
  });

  app.delete('/api/growth/history/:list/:month', async (request, reply) => {
    const p = parse(HistoryParams, request.params);
    const [list] = await listsBySlug([p.list]);
    if (!(await deleteListHistory(db, { listId: list!.id, month: p.month }))) throw notFound('Entered count');
    return reply.status(204).send();
  });

  async function campaignRows(year: number | undefined) {
    return campaignReports(
      db,
      year ? { from: parisDayStart(`${year}-01-01`), to: parisDayStart(`${year + 1}-01-01`) } : {},
    );
  }

  app.get('/api/reports/campaigns', async (request) => {
    const rows = await campaignRows(parse(CampaignQuery, request.query).year);
    return {
      campaigns: rows.map((r) => ({
        ...r,
        startedAt: r.startedAt?.toISOString() ?? null,
        finishedAt: r.finishedAt?.toISOString() ?? null,
      })),
    };
  });

  app.get('/api/reports/campaigns.csv', async (request, reply) => {
    const { year } = parse(CampaignQuery, request.query);
    return csv(
      reply,
      `campagnes${year ? `-${year}` : ''}.csv`,
      CAMPAIGN_REPORT_CSV_HEADER,
      campaignReportRows(await campaignRows(year)),
    );
  });

  app.get('/api/reports/year/:year', async (request, reply) => {
    const [yearText, format = 'json'] = parse(YearParams, request.params).year.split('.') as [string, string?];
    const year = Number(yearText);
    if (year < 2000 || year > Number(parisDay(ctx.now()).slice(0, 4))) throw notFound('Year');
    const report = await yearReport(db, { year, now: ctx.now() });
    if (format === 'md') {
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="rapport-${year}.md"`)
        .send(yearReportMarkdown(report));
    }
    if (format === 'csv') return csv(reply, `rapport-${year}.csv`, YEAR_REPORT_CSV_HEADER, yearReportRows(report));
    return report;
  });
}

import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ListGrowth as ListGrowthAnswer, YearReport as YearReportAnswer } from '@crieur/api';
import { writeCsv } from '@crieur/import';
import { campaignReports, deleteListHistory, enterListHistory, listEnteredCounts, listLists } from '@crieur/db';
import {
  addDays,
  CAMPAIGN_REPORT_CSV_HEADER,
  campaignReportRows,
  growthDashboard,
  parisDay,
  parisDayStart,
  YEAR_REPORT_CSV_HEADER,
  yearReport,
  yearReportMarkdown,
  yearReportRows,
  type ListGrowth,
  type YearReport,
} from '@crieur/growth';
import { requireStaff } from '../auth/register-access';
import { notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import { fieldError } from '../http/field-error';
import type { RouteContext } from './context';

// a field @crieur/growth adds must reach the contract too, or the answer check would silently drop it
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type GrowthMatchesContract = Assert<
  Same<Omit<ListGrowth, 'listId'> & { slug: string; name: string }, ListGrowthAnswer>
>;
export type YearReportMatchesContract = Assert<Same<YearReport, YearReportAnswer>>;

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

  /** The lists named by their slugs, in that order; `field` is the request's field that named them. */
  async function listsBySlug(slugs: string[] | undefined, field: string) {
    const all = await listLists(db);
    if (!slugs) return all;
    return slugs.map((slug) => {
      const list = all.find((l) => l.slug === slug);
      if (!list) throw fieldError(field, `Liste inconnue : ${slug}.`);
      return list;
    });
  }

  handle(app, 'GET /api/growth', async ({ query }) => {
    // today is included, live; nothing is measured after it
    const today = parisDay(ctx.now());
    const to = query.to && query.to < today ? query.to : today;
    const from = query.from ?? addDays(to, -364);
    if (from > to) throw fieldError('from', 'Le début vient après la fin.');
    if ((parisDayStart(to).getTime() - parisDayStart(from).getTime()) / 86_400_000 > MAX_DAYS)
      throw fieldError('from', 'Trois ans au plus à la fois.');
    const slugs = query.lists ? [...new Set(query.lists.split(',').filter(Boolean))] : undefined;
    const lists = await listsBySlug(slugs, 'lists');
    const growth = await growthDashboard(db, { listIds: lists.map((l) => l.id), from, to, now: ctx.now() });
    return {
      from,
      to,
      today: growth.today,
      lists: growth.lists.map(({ listId: _listId, ...g }, i) => ({ slug: lists[i]!.slug, name: lists[i]!.name, ...g })),
    };
  });

  handle(app, 'GET /api/growth/history', async () => {
    const lists = await listLists(db);
    const rows = await listEnteredCounts(db, { listIds: lists.map((l) => l.id) });
    const slugOf = new Map(lists.map((l) => [l.id, l.slug]));
    return {
      history: rows.map((r) => ({
        list: slugOf.get(r.listId)!, // the rows were read for these lists
        month: r.month,
        confirmed: r.confirmed,
        note: r.note,
        enteredAt: r.enteredAt.toISOString(),
      })),
    };
  });

  handle(app, 'PUT /api/growth/history', async ({ body }, request) => {
    const staff = requireStaff(request);
    const [list] = await listsBySlug([body.list], 'list');
    // only the past can be entered: the ledger speaks from the month the measurements started
    if (body.month > parisDay(ctx.now()).slice(0, 7)) throw fieldError('month', 'Ce mois n’a pas encore commencé.');
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

  handle(app, 'DELETE /api/growth/history/:list/:month', async ({ params }, _request, reply) => {
    const [list] = await listsBySlug([params.list], 'list');
    if (!(await deleteListHistory(db, { listId: list!.id, month: params.month }))) throw notFound('Entered count');
    return reply.status(204).send();
  });

  async function campaignRows(year: number | undefined) {
    return campaignReports(
      db,
      year ? { from: parisDayStart(`${year}-01-01`), to: parisDayStart(`${year + 1}-01-01`) } : {},
    );
  }

  handle(app, 'GET /api/reports/campaigns', async ({ query }) => {
    const rows = await campaignRows(query.year);
    return {
      campaigns: rows.map((r) => ({
        ...r,
        startedAt: r.startedAt?.toISOString() ?? null,
        finishedAt: r.finishedAt?.toISOString() ?? null,
      })),
    };
  });

  handle(app, 'GET /api/reports/campaigns.csv', async ({ query: { year } }, _request, reply) =>
    csv(
      reply,
      `campagnes${year ? `-${year}` : ''}.csv`,
      CAMPAIGN_REPORT_CSV_HEADER,
      campaignReportRows(await campaignRows(year)),
    ),
  );

  // one route for /2025 (JSON), /2025.md (Markdown) and /2025.csv: the suffix picks the format
  handle(app, 'GET /api/reports/year/:year', async ({ params }, _request, reply) => {
    const [yearText, format = 'json'] = params.year.split('.') as [string, string?];
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

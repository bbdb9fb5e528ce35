import { z } from 'zod';
import { Day, Timestamp, Uuid } from './common';
import { defineRoutes } from './route';
import { ListSlug } from './subscribers';

// the figures are @crieur/growth's (ListGrowth, YearReport…): the server checks its answers against these

/** A calendar month, YYYY-MM. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois invalide : écrivez-le AAAA-MM (2025-03).');
export type Month = z.infer<typeof Month>;

const Count = z.number().int();

export const GrowthQuery = z.object({
  /** list slugs separated by commas; every list when absent */
  lists: z.string().max(300).optional(),
  /** Paris days; by default the 365 days up to today (today's figures are live and provisional) */
  from: Day.optional(),
  to: Day.optional(),
});
export type GrowthQuery = z.infer<typeof GrowthQuery>;

/**
 * A point of a list's line: a day's count measured from the ledger (today's, live, is `provisional`
 * until the day closes), or a count entered by staff (at the 1st of its month).
 */
export const SeriesPoint = z.object({ day: Day, confirmed: Count, entered: z.boolean(), provisional: z.boolean() });
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** A day's figures: counts at the end of the day and what moved during it. */
export const DailyPoint = z.object({
  day: Day,
  confirmed: Count,
  pending: Count,
  unsubscribed: Count,
  subscribes: Count,
  confirmations: Count,
  unsubscribes: Count,
  bounces: Count,
  erasures: Count,
});
export type DailyPoint = z.infer<typeof DailyPoint>;

/**
 * A month's net growth: closing minus opening, both measured or both entered by staff (`entered`),
 * never one of each (then null); `partial` while the month is not over.
 */
export const MonthFigures = z.object({
  month: Month,
  opening: Count.nullable(),
  closing: Count.nullable(),
  net: Count.nullable(),
  entered: z.boolean(),
  partial: z.boolean(),
  subscribes: Count,
  unsubscribes: Count,
});
export type MonthFigures = z.infer<typeof MonthFigures>;

export const GrowthHeadline = z.object({
  confirmedNow: Count,
  year: Count,
  /** measured change since 1 January, or since the end of the first measured day of the year (`fromStart`) */
  since: z.object({ day: Day, change: Count, fromStart: z.boolean() }).nullable(),
  /** the latest count entered by staff for a month of this year: shown apart, never subtracted */
  entered: z.object({ month: Month, confirmed: Count }).nullable(),
});
export type GrowthHeadline = z.infer<typeof GrowthHeadline>;

/** One list on the Croissance dashboard. */
export const ListGrowth = z.object({
  slug: z.string(),
  name: z.string(),
  points: z.array(SeriesPoint),
  daily: z.array(DailyPoint),
  entered: z.array(z.object({ month: Month, confirmed: Count, note: z.string() })),
  monthly: z.array(MonthFigures),
  headline: GrowthHeadline,
});
export type ListGrowth = z.infer<typeof ListGrowth>;

/** `today`: the Paris day whose figures are live and provisional. */
export const Growth = z.object({ from: Day, to: Day, today: Day, lists: z.array(ListGrowth) });
export type Growth = z.infer<typeof Growth>;

/** A count from before the automatic measurements, entered by staff for the 1st of a month. */
export const EnteredCount = z.object({
  list: z.string(),
  month: Month,
  confirmed: Count,
  note: z.string(),
  enteredAt: Timestamp,
});
export type EnteredCount = z.infer<typeof EnteredCount>;

export const HistoryBody = z.object({
  list: ListSlug,
  month: Month,
  confirmed: z.number().int().min(0).max(10_000_000),
  note: z.string().trim().max(500).default(''),
});
export type HistoryBody = z.input<typeof HistoryBody>;

export const HistoryParams = z.object({ list: ListSlug, month: Month });

export const CampaignReportQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export type CampaignReportQuery = z.input<typeof CampaignReportQuery>;

/** A campaign that started sending, with its ledger counts (no per-person opens or clicks). */
export const CampaignReport = z.object({
  id: Uuid,
  slug: z.string(),
  subject: z.string(),
  kind: z.string(),
  status: z.string(),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  lists: z.array(z.string()),
  recipients: Count,
  sent: Count,
  failed: Count,
  bounced: Count,
  /** spam reports (feedback loops) naming the campaign */
  complaints: Count,
  uncertain: Count,
  /** unsubscribed events on the campaign's lists in the 7 days after it started */
  unsubscribes7d: Count,
});
export type CampaignReport = z.infer<typeof CampaignReport>;

/** "2025" answers JSON, "2025.md" Markdown, "2025.csv" CSV ("2025.json" JSON too). */
export const YearReportParams = z.object({
  year: z.string().regex(/^\d{4}(\.(md|csv|json))?$/, 'Écrivez une année : 2025, 2025.md ou 2025.csv.'),
});
export type YearReportParams = z.infer<typeof YearReportParams>;

/** The figures of the yearly activity report (Paris calendar year). */
export const YearReport = z.object({
  year: Count,
  /** the last day the figures cover: 31 December, or yesterday while the year runs */
  asOf: Day,
  campaigns: z.object({
    total: Count,
    perList: z.array(z.object({ slug: z.string(), name: z.string(), sent: Count })),
  }),
  sends: z.array(
    z.object({
      date: Day,
      slug: z.string(),
      subject: z.string(),
      lists: z.array(z.string()),
      recipients: Count,
      sent: Count,
    }),
  ),
  lists: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      /** subscribers on 1 January and 31 December (or `asOf`); entered = from a count entered by staff */
      january: Count.nullable(),
      januaryEntered: z.boolean(),
      december: Count.nullable(),
      decemberEntered: z.boolean(),
      change: Count.nullable(),
      subscribes: Count,
      unsubscribes: Count,
    }),
  ),
  publications: z.object({
    rubriques: z.array(z.object({ slug: z.string(), name: z.string(), articles: Count })),
    articles: Count,
    dossiers: z.array(z.object({ slug: z.string(), title: z.string(), publishedAt: Day })),
    /** contributions from the network made public in the year (accepted, by publication date) */
    contributions: z.object({ events: Count, jobs: Count, news: Count }),
  }),
});
export type YearReport = z.infer<typeof YearReport>;

export const growthRoutes = defineRoutes({
  'GET /api/growth': {
    summary: 'Croissance: each list’s daily line, months and headline figures between two Paris days',
    query: GrowthQuery,
    response: Growth,
  },
  'GET /api/growth/history': {
    summary: 'The counts from before the automatic measurements, entered by staff (one per list and month)',
    response: z.object({ history: z.array(EnteredCount) }),
  },
  'PUT /api/growth/history': {
    summary: 'Enter (or correct) a list’s count on the 1st of a past month',
    body: HistoryBody,
    response: EnteredCount.omit({ enteredAt: true }),
  },
  'DELETE /api/growth/history/:list/:month': {
    summary: 'Remove an entered count',
    params: HistoryParams,
    status: 204,
    response: null,
  },
  'GET /api/reports/campaigns': {
    summary: 'Every campaign that started sending, newest first, with its ledger counts',
    query: CampaignReportQuery,
    response: z.object({ campaigns: z.array(CampaignReport) }),
  },
  'GET /api/reports/campaigns.csv': {
    summary: 'The campaign report as CSV for spreadsheets (UTF-8 with BOM)',
    query: CampaignReportQuery,
    response: null,
    produces: 'text/csv',
  },
  'GET /api/reports/year/:year': {
    summary:
      'The yearly activity report: JSON for /2025 (described here), Markdown for /2025.md, CSV for /2025.csv; 404 for a year not yet begun',
    params: YearReportParams,
    response: YearReport,
  },
});

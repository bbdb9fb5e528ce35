// Growth: Paris calendar days, the daily snapshots folded from the ledger, month and year figures,
// and the reports' Markdown/CSV renderers. SQL stays in @crieur/db (packages/db/src/growth).
export {
  parisDay,
  parisDayStart,
  parisDayEnd,
  addDays,
  daysBetween,
  isDay,
  monthOf,
  addMonths,
  monthsBetween,
  lastDayOfMonth,
} from './paris-day';
export {
  changesFromLedger,
  dayFigures,
  foldSnapshots,
  type DaySnapshot,
  type DayChanges,
  type ListCounts,
} from './fold-snapshots';
export { computeSnapshots, snapshotDays, takeSnapshots } from './take-snapshots';
export { openDays } from './open-days';
export { monthlyGrowth, type MonthFigures } from './monthly-growth';
export { headlineFigures, type Headline } from './headline';
export { growthDashboard, type ListGrowth, type DailyPoint, type SeriesPoint } from './growth-dashboard';
export { yearReport, type YearReport } from './year-report';
export {
  yearReportMarkdown,
  yearReportRows,
  campaignReportRows,
  YEAR_REPORT_CSV_HEADER,
  CAMPAIGN_REPORT_CSV_HEADER,
  frNumber,
  frSigned,
  frDay,
} from './report-text';

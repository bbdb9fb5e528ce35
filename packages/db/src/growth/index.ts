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
export { dayFigures, foldSnapshots, type DaySnapshot, type DayChanges, type ListCounts } from './fold-snapshots';
export { computeSnapshots, snapshotDays, takeSnapshots } from './take-snapshots';
export { monthlyGrowth, type MonthFigures } from './monthly-growth';
export { enterListHistory, deleteListHistory, listEnteredCounts, type EnteredCount } from './list-history';
export {
  growthDashboard,
  snapshotsBetween,
  type ListGrowth,
  type DailyPoint,
  type SeriesPoint,
} from './growth-dashboard';
export { campaignReports, type CampaignReportRow } from './campaign-reports';
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

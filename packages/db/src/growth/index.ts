export type { DayFigures } from './day-figures';
// SQL only: the ledger grouped per list and day, snapshot and entered-count storage, report queries.
// The calculations, renderers and the jobs that combine them are in @crieur/growth.
export { ledgerChanges, firstEventAt, type LedgerChangeRow } from './ledger-changes';
export {
  snapshotsBetween,
  snapshotsOfDay,
  lastSnapshotDay,
  storeSnapshots,
  type ListSnapshotRow,
} from './list-snapshots';
export { enterListHistory, deleteListHistory, listEnteredCounts, type EnteredCount } from './list-history';
export { campaignReports, type CampaignReportRow } from './campaign-reports';
export {
  articlesPerRubrique,
  dossiersPublishedBetween,
  contributionsPublishedBetween,
  type ContributionsPublished,
  type RubriqueArticlesRow,
  type PublishedDossierRow,
} from './publications-between';

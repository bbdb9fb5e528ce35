export type { ImportEvent, ImportProblem, ImportRow, ProblemReason } from './import-types';
export { ImportFileError, type ImportFileErrorCode } from './import-file-error';
export { readSubscriberCsv, type ReadSubscriberCsvOptions } from './read-subscriber-csv';
export { emailKey, normaliseEmail } from './normalise-email';
export { writeCsv } from './write-csv';
export { PROBLEM_LABELS_FR, problemLabel } from './problem-labels';
export { runImport, type ImportStore, type ImportProgress, type StoredProblem } from './run-import';

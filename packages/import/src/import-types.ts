/** One subscriber read from the file; line is the 1-based physical line where its record starts (header is line 1). */
export type ImportRow = { line: number; email: string; name: string };

export type ProblemReason =
  'missing_email' | 'invalid_email' | 'duplicate_in_file' | 'malformed_line' | 'control_character';

/** value is the offending raw email cell (the raw start of the line for malformed_line), at most 200 characters. */
export type ImportProblem = { line: number; reason: ProblemReason; value: string };

export type ImportEvent =
  | { type: 'row'; row: ImportRow }
  | { type: 'problem'; problem: ImportProblem }
  | { type: 'progress'; bytesRead: number };

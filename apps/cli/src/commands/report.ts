import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { writeCsv } from '@crieur/import';
import type { Db } from '@crieur/db';
import {
  parisDay,
  takeSnapshots,
  YEAR_REPORT_CSV_HEADER,
  yearReport,
  yearReportMarkdown,
  yearReportRows,
} from '@crieur/growth';
import { CliError, type CommandIo } from '../command';

const FORMATS = ['md', 'csv', 'json'] as const;

/** The yearly activity report's figures: Markdown (default), CSV or JSON, to stdout. */
export async function reportCommand(db: Db, argv: string[], io: CommandIo): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { year: { type: 'string' }, format: { type: 'string', default: 'md' } },
  });
  const now = new Date();
  const year = Number(values.year);
  if (!values.year || !/^\d{4}$/.test(values.year))
    throw new CliError('Usage: pnpm cli report --year <yyyy> [--format md|csv|json]');
  if (year > Number(parisDay(now).slice(0, 4))) throw new CliError(`${year} has not started yet.`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new CliError(`--format: expected md, csv or json, not "${values.format}".`);
  // the workers may have been off: bring the daily snapshots up to date first (idempotent)
  await takeSnapshots(db, { now });
  const report = await yearReport(db, { year, now });
  if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'md') io.stdout.write(yearReportMarkdown(report));
  else
    await pipeline(Readable.from(writeCsv(YEAR_REPORT_CSV_HEADER, yearReportRows(report))), io.stdout, { end: false });
}

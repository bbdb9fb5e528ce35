import { listLists, type Db } from '@crieur/db';
import type { CommandIo } from '../command';

export async function lists(db: Db, _argv: string[], io: CommandIo): Promise<void> {
  const rows = await listLists(db);
  const table = rows.map((l) => ({
    slug: l.slug,
    name: l.name,
    visibility: l.visibility === 'public' ? 'public' : 'private',
    basis: l.legalBasis === 'consent' ? 'consent' : 'legitimate interest',
  }));
  const widths = { slug: 12, name: 26, visibility: 10 };
  io.out(
    `${'SLUG'.padEnd(widths.slug)}${'NAME'.padEnd(widths.name)}${'VISIBILITY'.padEnd(widths.visibility + 1)}LEGAL BASIS`,
  );
  for (const row of table)
    io.out(
      `${row.slug.padEnd(widths.slug)}${row.name.padEnd(widths.name)}${row.visibility.padEnd(widths.visibility + 1)}${row.basis}`,
    );
}

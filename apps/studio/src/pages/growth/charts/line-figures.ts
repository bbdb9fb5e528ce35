// Pure: the figures behind the subscribers' line, as rows of a table (the chart's text alternative).
import type { ListGrowth } from '@crieur/api';

export type LineFigureKind = 'entered' | 'measured' | 'today';
export type LineFigureRow = { slug: string; list: string; day: string; confirmed: number; kind: LineFigureKind };

/**
 * Per list: its entered counts, the last measured day of each month, and today's provisional count,
 * by day. A year of daily points would be too long to read; month ends tell the same story.
 */
export function lineFigureRows(lists: ListGrowth[]): LineFigureRow[] {
  return lists.flatMap((l) => {
    const measured = l.points.filter((p) => !p.entered && !p.provisional);
    const monthEnds = measured.filter((p, i) => measured[i + 1]?.day.slice(0, 7) !== p.day.slice(0, 7));
    const rows = [
      ...l.points.filter((p) => p.entered).map((p) => ({ ...p, kind: 'entered' as const })),
      ...monthEnds.map((p) => ({ ...p, kind: 'measured' as const })),
      ...l.points.filter((p) => p.provisional).map((p) => ({ ...p, kind: 'today' as const })),
    ].sort((a, b) => a.day.localeCompare(b.day));
    return rows.map((p) => ({ slug: l.slug, list: l.name, day: p.day, confirmed: p.confirmed, kind: p.kind }));
  });
}

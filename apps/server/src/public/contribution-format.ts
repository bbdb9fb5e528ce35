// Pure helpers of the contributions' pages: French dates and times in Paris, ISO dates with their offset, JSON-LD
// that can never close its script element, plain-text descriptions as paragraphs.
import { instantToParisWallClock } from '@crieur/api';
import { frenchTypography } from '@crieur/content';

const PARIS = 'Europe/Paris';
const NBSP = '\u00a0';
const dayFr = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const monthFr = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const civilDayFr = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDayFr = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, day: 'numeric', month: 'short' });

/** « samedi 28 mars 2027 » (Paris); the first of a month is « 1er ». */
export function frenchDay(at: Date): string {
  return dayFr.format(at).replace(/^(\S+) 1 /, `$1 1er `);
}

/** « 9 h 30 », « 10 h » (Paris), with no-break spaces. */
export function frenchTime(at: Date): string {
  const [, time] = instantToParisWallClock(at).split('T') as [string, string];
  const [h, m] = time.split(':') as [string, string];
  return `${Number(h)}${NBSP}h${m === '00' ? '' : `${NBSP}${m}`}`;
}

/** « samedi 28 mars 2027, 9 h 30 ». */
export const frenchDateTime = (at: Date) => `${frenchDay(at)}, ${frenchTime(at)}`;

/** An event's span: « samedi 28 mars 2027, de 9 h 30 à 12 h » or « du samedi 28 mars 2027, 9 h au dimanche … ». */
export function frenchRange(start: Date, end: Date | null): string {
  if (!end || end.getTime() <= start.getTime()) return frenchDateTime(start);
  if (frenchDay(start) === frenchDay(end)) return `${frenchDay(start)}, de ${frenchTime(start)} à ${frenchTime(end)}`;
  return `du ${frenchDateTime(start)} au ${frenchDateTime(end)}`;
}

/** The date block of a card: « 28 mars » (Paris). */
export const shortDay = (at: Date) => shortDayFr.format(at);

/** A Paris calendar day (YYYY-MM-DD) in words: « 15 avril 2027 ». */
export function frenchCivilDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return civilDayFr.format(new Date(Date.UTC(y, m - 1, d))).replace(/^1 /, '1er ');
}

/** `2027-03` → « mars 2027 ». */
export function frenchMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthFr.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The instant in ISO 8601 with Paris's offset of that day: « 2027-03-28T10:00:00+02:00 » (schema.org asks for it). */
export function parisIso(at: Date): string {
  const wall = instantToParisWallClock(at);
  const asUtc = Date.parse(`${wall}:00Z`);
  const minutes = Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${wall}:${String(at.getUTCSeconds()).padStart(2, '0')}${offset}`;
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes (no `</script>` or `<!--` can
 * appear), and U+2028/U+2029, which older JavaScript parsers read as line ends.
 */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A plain-text description as paragraphs: split on blank lines, single line breaks kept inside a paragraph. */
export function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()))
    .map((lines) => lines.filter(Boolean))
    .filter((lines) => lines.length > 0);
}

/** The first words of a description, for cards and meta descriptions: at most `max` characters, cut on a space. */
export function shortText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?…-]+$/, '')}…`;
}

/** `?mois=` as readers write it: a real month YYYY-MM, else no filter. */
export function readMonth(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return null;
  const year = Number(value.slice(0, 4));
  return year >= 2000 && year <= 2100 ? value : null;
}

/** Where an event happens: « En ligne », its place, or both. */
export function eventWhere(item: { online: boolean | null; place: string }): string {
  if (item.online) return item.place ? `En ligne · ${item.place}` : 'En ligne';
  return item.place;
}

/** Where an offer's job is: its place, and « télétravail possible » when remote. */
export function offerWhere(item: { place: string; remote: boolean | null }): string {
  return [item.place, item.remote ? 'télétravail possible' : ''].filter(Boolean).join(' · ');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);

/** A description as the feeds' HTML content: escaped paragraphs, French typography, and the item's link. */
export function descriptionHtml(text: string, url: string | null): string {
  const body = paragraphs(text)
    .map((lines) => `<p>${lines.map((line) => escapeHtml(frenchTypography(line))).join('<br>')}</p>`)
    .join('');
  return url ? `${body}<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : body;
}

/** A feed entry's summary (when, where; or who and until when) and its author, as plain text. */
export function contributionFeedText(c: {
  kind: 'event' | 'job' | 'news';
  description: string;
  startsAt: Date | null;
  endsAt: Date | null;
  online: boolean | null;
  place: string;
  organiser: string;
  organisation: string;
  closesOn: string | null;
}): { summary: string; author: string } {
  if (c.kind === 'event') {
    const where = eventWhere(c);
    const when = c.startsAt ? frenchRange(c.startsAt, c.endsAt) : '';
    const head = [when, where].filter(Boolean).join(' · ');
    return { summary: [head, shortText(c.description, 240)].filter(Boolean).join('. '), author: c.organiser };
  }
  if (c.kind === 'job') {
    const until = c.closesOn ? `Candidatures jusqu’au ${frenchCivilDay(c.closesOn)}` : '';
    return {
      summary: [until, shortText(c.description, 240)].filter(Boolean).join('. '),
      author: c.organisation,
    };
  }
  return { summary: shortText(c.description, 300), author: c.organisation };
}

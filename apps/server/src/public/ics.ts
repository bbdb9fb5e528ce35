// iCalendar (RFC 5545) of the agenda, written by ical-generator: times as UTC instants, which every calendar shows in
// its reader's zone (Paris for ours), so no VTIMEZONE table can be out of date.
import ical, { ICalCalendarMethod } from 'ical-generator';
import { frenchTypography } from '@crieur/content';
import type { PublicContribution } from '@crieur/db';
import { eventWhere } from './contribution-format';

export const ICS_TYPE = 'text/calendar; charset=utf-8';

// U+2028/2029 end a line for some calendar parsers (node-ical loses the whole property): a space or a line break;
// control characters (the input rule refuses them; older rows may hold them) are dropped
// eslint-disable-next-line no-control-regex -- these are the characters to drop
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// French typography at render time, as on the event's page (the database keeps what was typed)
const oneLine = (s: string) =>
  frenchTypography(
    s
      .replace(CONTROL, '')
      .replace(/[\u2028\u2029\r\n\t]+/g, ' ')
      .trim(),
  );
const lines = (s: string) => frenchTypography(s.replace(CONTROL, '').replace(/[\u2028\u2029]/g, '\n'));

export function eventsCalendar(input: {
  /** the calendar's name, as a calendar app lists it */
  name: string;
  /** the site's address: every event's page is absolute */
  publicUrl: string;
  events: PublicContribution[];
  /** when the file was made (DTSTAMP) */
  now: Date;
}): string {
  const host = new URL(input.publicUrl).hostname;
  const calendar = ical({
    name: input.name,
    prodId: { company: host, product: 'agenda', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH,
    url: `${input.publicUrl}/agenda`,
    // calendar apps that subscribe read it again after this long
    ttl: 3600,
  });
  for (const e of input.events) {
    if (!e.startsAt) continue;
    const page = `${input.publicUrl}/agenda/${e.slug}`;
    const where = eventWhere(e);
    calendar.createEvent({
      id: `${e.id}@${host}`,
      start: e.startsAt,
      end: e.endsAt ?? e.startsAt,
      stamp: input.now,
      lastModified: e.updatedAt,
      summary: oneLine(e.title),
      description: lines(
        [e.description, e.organiser ? `Organisé par ${e.organiser}` : '', page].filter(Boolean).join('\n\n'),
      ),
      location: oneLine(where) || null,
      url: e.url ?? page,
    });
  }
  return calendar.toString();
}

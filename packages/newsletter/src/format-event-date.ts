// French event dates without Intl or a time zone: the date is the place's local wall time.
const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

export type EventDateParts = { day: string; month: string; full: string };

/** "2026-03-12T18:30" → { day: "12", month: "mars 2026", full: "jeudi 12 mars 2026 à 18 h 30" }. */
export function formatEventDate(iso: string): EventDateParts {
  const [date = '', time] = iso.split('T');
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  const month = MONTHS[m - 1] ?? '';
  const day = d === 1 ? '1er' : String(d);
  let full = `${weekday} ${day} ${month} ${y}`;
  if (time) {
    const [hh = '00', mm = '00'] = time.split(':');
    full += ` à ${Number(hh)}\u00a0h${mm === '00' ? '' : `\u00a0${mm}`}`;
  }
  return { day, month: `${month} ${y}`, full };
}

/** "2027-03-12" → "12 mars": the last day to apply, read from a letter of the weeks before it. */
export function formatClosingDay(day: string): string {
  const [, m = 1, d = 1] = day.split('-').map(Number);
  return `${d === 1 ? '1er' : d}\u00a0${MONTHS[m - 1] ?? ''}`;
}

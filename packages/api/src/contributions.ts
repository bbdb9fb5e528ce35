// What a contribution holds (issue 17), checked alike on the public « Proposer » form and in the studio.
// Dates travel as the Paris wall clock the person typed ("2027-03-28T09:30"); the server turns them into instants.
import { z } from 'zod';
import { Day } from './common';
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, JOB_CONTRACTS } from './enums/contributions';

export * from './enums/contributions';

const EMPTY = 'Ce champ ne peut pas être vide';
const text = (max: number) => z.string(EMPTY).trim().min(1, EMPTY).max(max, `${max} caractères au plus`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au plus`)
    .optional()
    .transform((v) => v ?? '');

/** A link readers may follow: http or https only, written in full. */
export const ContributionUrl = z
  .string()
  .trim()
  .max(2048, '2 048 caractères au plus')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'Indiquez une adresse complète, commençant par https://');
const optionalUrl = z
  .union([z.literal(''), ContributionUrl])
  .optional()
  .transform((v) => (v ? v : null));

/** The Paris wall clock of a datetime-local field: "YYYY-MM-DDTHH:mm". */
export const ParisDateTime = z
  .string(EMPTY)
  .min(1, { message: 'Indiquez la date et l’heure', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Date et heure attendues (JJ/MM/AAAA HH:MM)', abort: true })
  .refine((value) => parisWallClockToInstant(value) !== null, 'Cette date n’existe pas');

const PARIS = 'Europe/Paris';
const wall = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant's Paris wall clock, "YYYY-MM-DDTHH:mm" (what a datetime-local field shows). */
export function instantToParisWallClock(at: Date): string {
  const p = Object.fromEntries(wall.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant a Paris wall clock names; null for a day or hour that does not exist. In the spring-forward gap
 * (02:00–02:59 on the last Sunday of March) the time is read with the winter offset.
 */
export function parisWallClockToInstant(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  // the two offsets Paris uses: summer first, so the repeated autumn hour is its first pass, as calendars read it
  for (const offsetHours of [2, 1]) {
    const at = new Date(asUtc - offsetHours * 3600_000);
    if (instantToParisWallClock(at) === value) return at;
  }
  return new Date(asUtc - 3600_000);
}

export const ContributionKind = z.enum(CONTRIBUTION_KINDS, 'Choisissez ce que vous proposez');
export const ContributionStatus = z.enum(CONTRIBUTION_STATUSES);
export const JobContract = z.enum(JOB_CONTRACTS, 'Choisissez le type de contrat');
// the schemas' names hide the enum module's types of the same name: restated here
export type ContributionKind = z.infer<typeof ContributionKind>;
export type ContributionStatus = z.infer<typeof ContributionStatus>;
export type JobContract = z.infer<typeof JobContract>;

const common = {
  title: text(200),
  description: text(4000),
  url: optionalUrl,
};

/** An event: starts and ends in Europe/Paris, online or at a place. */
export const EventFields = z
  .strictObject({
    kind: z.literal('event'),
    ...common,
    startsAt: ParisDateTime,
    endsAt: ParisDateTime,
    online: z.boolean(),
    place: optionalText(200),
    organiser: text(200),
    imageAlt: optionalText(300),
  })
  .superRefine((value, ctx) => {
    if (!value.online && !value.place)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'Indiquez le lieu, ou cochez « En ligne »' });
    if (value.endsAt < value.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'La fin doit venir après le début' });
  });
export type EventFields = z.infer<typeof EventFields>;

/** A job or internship offer, open until its closing day (Paris). */
export const JobFields = z.strictObject({
  kind: z.literal('job'),
  ...common,
  url: ContributionUrl,
  organisation: text(200),
  place: text(200),
  remote: z.boolean(),
  contractType: JobContract,
  closesOn: Day,
});
export type JobFields = z.infer<typeof JobFields>;

/** A members' news item: from an adherent organisation only (checked once the address is confirmed). */
export const NewsFields = z.strictObject({
  kind: z.literal('news'),
  ...common,
  description: text(2000),
  organisation: text(200),
});
export type NewsFields = z.infer<typeof NewsFields>;

/** What the public form and the studio's edit both send: one kind's fields. */
export const ContributionFields = z.discriminatedUnion('kind', [EventFields, JobFields, NewsFields]);
export type ContributionFields = z.infer<typeof ContributionFields>;

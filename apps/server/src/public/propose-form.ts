// The « Proposer » form read from what a browser posts (strings only), checked with the shared field schemas, in
// French, field by field. Pure: the route adds the image and the address's limits.
import {
  ContributionFields,
  instantToParisWallClock,
  parisWallClockToInstant,
  type ContributionKind,
} from '@crieur/api';
import { findForbiddenText, forbiddenTextMessage } from '@crieur/safe-text';
import type { ProposalValues } from '@crieur/db';
import { z } from 'zod';

/** What the form posted, as typed: a checkbox is 'on' or ''. */
export type RawForm = Record<string, string>;
export type FormErrors = Record<string, string>;

/** The kind's name in the page's address: /proposer?type=evenement. */
export const KIND_PARAMS: Record<string, ContributionKind> = { evenement: 'event', offre: 'job', actualite: 'news' };
export const PARAM_OF: Record<ContributionKind, string> = { event: 'evenement', job: 'offre', news: 'actualite' };

/** Each kind's fields, in the order the form shows them (and the error summary lists them). */
export const KIND_FIELDS: Record<ContributionKind, readonly string[]> = {
  event: ['title', 'startsAt', 'endsAt', 'online', 'place', 'organiser', 'url', 'description', 'image', 'imageAlt'],
  job: ['title', 'organisation', 'contractType', 'place', 'remote', 'closesOn', 'url', 'description'],
  news: ['title', 'organisation', 'description', 'url'],
};
export const PROPOSER_FIELDS = ['name', 'email', 'consent'] as const;
/** Every text field the form may post (the rest is ignored). */
export const POSTED_FIELDS = [
  ...new Set([...Object.values(KIND_FIELDS).flat(), ...PROPOSER_FIELDS, 'kind', 'website']),
].filter((f) => f !== 'image');

const REQUIRED: Record<string, string> = {
  title: 'Indiquez un titre.',
  startsAt: 'Indiquez la date et l’heure de début.',
  endsAt: 'Indiquez la date et l’heure de fin.',
  organiser: 'Indiquez qui organise l’événement.',
  organisation: 'Indiquez le nom de l’organisation.',
  contractType: 'Choisissez le type de contrat.',
  closesOn: 'Indiquez la date limite de candidature.',
  description: 'Écrivez quelques lignes de description.',
};
const JOB_REQUIRED: Record<string, string> = {
  place: 'Indiquez le lieu de travail (la ville), même si le poste est en télétravail.',
  url: 'Indiquez l’adresse de l’offre complète, commençant par https://',
};

// a browser without a date picker shows a text field: « 12/05/2026 18:30 » is read as the picker's value
function wallClock(value: string): string {
  const v = value.trim();
  const picker = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(v);
  if (picker) return picker[1]!;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(?:à\s+)?(\d{1,2})\s*[:hH]\s*(\d{2})$/.exec(v);
  if (!fr) return v;
  const pad = (n: string) => n.padStart(2, '0');
  return `${fr[3]}-${pad(fr[2]!)}-${pad(fr[1]!)}T${pad(fr[4]!)}:${fr[5]}`;
}
function day(value: string): string {
  const v = value.trim();
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  return fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : v;
}

/** The kind's fields as the shared schema reads them. */
function candidate(kind: ContributionKind, raw: RawForm): Record<string, unknown> {
  const text = (name: string) => (raw[name] ?? '').trim();
  const common = { kind, title: text('title'), description: (raw.description ?? '').trim(), url: text('url') };
  if (kind === 'event')
    return {
      ...common,
      startsAt: wallClock(text('startsAt')),
      endsAt: wallClock(text('endsAt')),
      online: raw.online === 'on',
      place: text('place'),
      organiser: text('organiser'),
      imageAlt: text('imageAlt'),
    };
  if (kind === 'job')
    return {
      ...common,
      organisation: text('organisation'),
      place: text('place'),
      remote: raw.remote === 'on',
      contractType: text('contractType') || undefined,
      closesOn: day(text('closesOn')),
    };
  return { ...common, organisation: text('organisation') };
}

export type ParsedFields =
  { ok: true; values: Omit<ProposalValues, 'imageMediaId'> } | { ok: false; errors: FormErrors };

/**
 * One kind's fields, checked: required ones named in French, dates read in Paris time and not already past,
 * an image's description required when an image comes with it.
 */
export function parseKindFields(
  kind: ContributionKind,
  raw: RawForm,
  options: { now: Date; hasImage?: boolean },
): ParsedFields {
  const errors: FormErrors = {};
  const forbidden = findForbiddenText(raw);
  if (forbidden) {
    const field = String(forbidden.path[0] ?? '');
    errors[field] = forbiddenTextMessage(field, forbidden.character);
  }
  const input = candidate(kind, raw);
  for (const [field, message] of Object.entries({ ...REQUIRED, ...(kind === 'job' ? JOB_REQUIRED : {}) }))
    if (field in input && (input[field] === '' || input[field] === undefined)) errors[field] ??= message;
  const parsed = ContributionFields.safeParse(input);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'title');
      errors[field] ??= issue.message;
    }
  if (options.hasImage && kind === 'event' && !String(input.imageAlt))
    errors.imageAlt ??= 'Décrivez l’image en une phrase pour les personnes qui ne la voient pas.';
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  const f = parsed.data;
  const today = instantToParisWallClock(options.now).slice(0, 10);
  const base = {
    kind: f.kind,
    title: f.title,
    description: f.description,
    url: f.url,
    startsAt: null,
    endsAt: null,
    online: null,
    place: '',
    organiser: '',
    organisation: '',
    contractType: null,
    remote: null,
    closesOn: null,
    imageAlt: '',
  } satisfies Omit<ProposalValues, 'imageMediaId'>;
  if (f.kind === 'event') {
    const endsAt = parisWallClockToInstant(f.endsAt)!;
    if (endsAt.getTime() <= options.now.getTime())
      return { ok: false, errors: { endsAt: 'Cet événement est déjà terminé : indiquez une date à venir.' } };
    const values = { ...base, startsAt: parisWallClockToInstant(f.startsAt)!, endsAt, online: f.online };
    return { ok: true, values: { ...values, place: f.place, organiser: f.organiser, imageAlt: f.imageAlt } };
  }
  if (f.kind === 'job') {
    if (f.closesOn < today)
      return { ok: false, errors: { closesOn: 'Cette date est déjà passée : indiquez une date à venir.' } };
    const job = { organisation: f.organisation, place: f.place, remote: f.remote, contractType: f.contractType };
    return { ok: true, values: { ...base, ...job, closesOn: f.closesOn } };
  }
  return { ok: true, values: { ...base, organisation: f.organisation } };
}

const Proposer = z.object({
  name: z.string().trim().min(1, 'Indiquez votre nom.').max(120, '120 caractères au plus.'),
  email: z
    .string()
    .trim()
    .max(320)
    .pipe(z.email({ error: 'Indiquez une adresse e-mail valide, par exemple prenom@exemple.fr.' })),
  consent: z.literal('on', {
    error: 'Cochez cette case : sans votre accord, nous ne pouvons pas vous écrire au sujet de votre proposition.',
  }),
});

/** Who proposes: their name, their address and their consent to be contacted about it. */
export function parseProposer(
  raw: RawForm,
): { ok: true; name: string; email: string } | { ok: false; errors: FormErrors } {
  const parsed = Proposer.safeParse({ name: raw.name ?? '', email: raw.email ?? '', consent: raw.consent ?? '' });
  if (parsed.success) return { ok: true, name: parsed.data.name, email: parsed.data.email };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return { ok: false, errors };
}

/** A stored proposal shown again in its form (to resubmit it): the same strings the form posts. */
export function rawFromRow(row: Omit<ProposalValues, 'imageMediaId'>): RawForm {
  return {
    title: row.title,
    description: row.description,
    url: row.url ?? '',
    startsAt: row.startsAt ? instantToParisWallClock(row.startsAt) : '',
    endsAt: row.endsAt ? instantToParisWallClock(row.endsAt) : '',
    online: row.online ? 'on' : '',
    place: row.place,
    organiser: row.organiser,
    organisation: row.organisation,
    contractType: row.contractType ?? '',
    remote: row.remote ? 'on' : '',
    closesOn: row.closesOn ?? '',
    imageAlt: row.imageAlt,
  };
}

/** Only the strings the form knows, from a parsed body (urlencoded or multipart): arrays keep their first value. */
export function rawFromBody(body: unknown): RawForm {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const raw: RawForm = {};
  for (const field of POSTED_FIELDS) {
    const value = Array.isArray(source[field]) ? (source[field] as unknown[])[0] : source[field];
    if (typeof value === 'string') raw[field] = value.slice(0, 20_000);
  }
  return raw;
}

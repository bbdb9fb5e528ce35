// The legal and trust pages (LCEN art. 6-III, RGPD art. 13): their fields, what the law asks of each, and the routes.
import { z } from 'zod';
import { Timestamp } from './common';
import { SentTiptapDoc, StoredTiptapDoc } from './tiptap-doc';
import { defineRoutes } from './route';

export const LEGAL_SLUGS = ['mentions-legales', 'confidentialite', 'contact'] as const;
export const LegalSlug = z.enum(LEGAL_SLUGS);
export type LegalSlug = z.infer<typeof LegalSlug>;

/** How a field is typed: one line, several lines (an address), an e-mail address, a phone number or a short text. */
export type LegalFieldKind = 'line' | 'address' | 'email' | 'phone' | 'text';

/** Every field name of the three pages (the studio's catalog has a label and a hint for each). */
export const LEGAL_FIELD_NAMES = [
  'publisher',
  'legalStatus',
  'address',
  'registration',
  'director',
  'email',
  'phone',
  'hostName',
  'hostAddress',
  'hostPhone',
  'controller',
  'privacyEmail',
  'dpo',
  'intro',
] as const;
export type LegalFieldName = (typeof LEGAL_FIELD_NAMES)[number];

export type LegalFieldSpec = {
  name: LegalFieldName;
  /** the label staff read, and readers when the page shows it */
  label: string;
  kind: LegalFieldKind;
  /** the law asks for it: the studio says so while it is empty (saving stays possible) */
  required: boolean;
  /** when left empty, the page shows this organisation value instead */
  fallback?: 'name' | 'postalAddress' | 'replyTo';
  /** when left empty, the page shows this text instead */
  defaultText?: string;
};

const MAX_LENGTH: Record<LegalFieldKind, number> = { line: 200, address: 500, email: 320, phone: 30, text: 1000 };

/** Each page's fields, in the order the studio and the public page show them. */
export const LEGAL_FIELDS: Record<LegalSlug, readonly LegalFieldSpec[]> = {
  'mentions-legales': [
    { name: 'publisher', label: 'Éditeur', kind: 'line', required: true, fallback: 'name' },
    {
      name: 'legalStatus',
      label: 'Statut juridique',
      kind: 'line',
      required: true,
      defaultText: 'Association loi 1901',
    },
    { name: 'address', label: 'Adresse du siège', kind: 'address', required: true, fallback: 'postalAddress' },
    { name: 'registration', label: 'Numéro RNA ou SIREN/SIRET', kind: 'line', required: false },
    {
      name: 'director',
      label: 'Directeur·rice de la publication',
      kind: 'line',
      required: true,
    },
    {
      name: 'email',
      label: 'Adresse e-mail de contact',
      kind: 'email',
      required: true,
    },
    { name: 'phone', label: 'Téléphone', kind: 'phone', required: false },
    {
      name: 'hostName',
      label: 'Hébergeur',
      kind: 'line',
      required: true,
    },
    {
      name: 'hostAddress',
      label: 'Adresse de l’hébergeur',
      kind: 'address',
      required: true,
    },
    {
      name: 'hostPhone',
      label: 'Téléphone de l’hébergeur',
      kind: 'phone',
      required: true,
    },
  ],
  confidentialite: [
    { name: 'controller', label: 'Responsable du traitement', kind: 'line', required: true, fallback: 'name' },
    {
      name: 'privacyEmail',
      label: 'Adresse e-mail pour vos données personnelles',
      kind: 'email',
      required: true,
    },
    { name: 'dpo', label: 'Délégué·e à la protection des données', kind: 'line', required: false },
  ],
  contact: [
    {
      name: 'intro',
      label: 'Texte d’accueil',
      kind: 'text',
      required: false,
    },
    // empty: the organisation's reply-to address, so that a fresh site still says where to write
    { name: 'email', label: 'Adresse e-mail', kind: 'email', required: true, fallback: 'replyTo' },
    { name: 'address', label: 'Adresse postale', kind: 'address', required: false, fallback: 'postalAddress' },
    { name: 'phone', label: 'Téléphone', kind: 'phone', required: false },
  ],
};

const PHONE = /^\+?[0-9 .()-]{6,30}$/;

function fieldSchema(spec: LegalFieldSpec) {
  const max = MAX_LENGTH[spec.kind];
  const base = z.string().trim().max(max, `${spec.label} : ${max} caractères au plus.`);
  switch (spec.kind) {
    case 'line':
      return base.refine((v) => !/[\r\n]/.test(v), `${spec.label} : une seule ligne.`);
    case 'email':
      return base.refine(
        (v) => v === '' || z.email().safeParse(v).success,
        `${spec.label} : adresse e-mail invalide (par exemple contact@exemple.fr).`,
      );
    case 'phone':
      return base.refine(
        (v) => v === '' || PHONE.test(v),
        `${spec.label} : un numéro de téléphone, par exemple 01 23 45 67 89.`,
      );
    default:
      return base;
  }
}

/** One page's fields as staff send them: every field known, none other; empty strings are dropped. */
export function legalFieldsSchema(slug: LegalSlug) {
  const shape = Object.fromEntries(LEGAL_FIELDS[slug].map((spec) => [spec.name, fieldSchema(spec).optional()]));
  return z
    .strictObject(shape)
    .transform((fields) =>
      Object.fromEntries(
        Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
      ),
    );
}

/** The fields a page still lacks that the law requires: empty, and with no organisation value or default to show. */
export function missingLegalFields(slug: LegalSlug, fields: Record<string, string>): LegalFieldSpec[] {
  return LEGAL_FIELDS[slug].filter(
    (spec) => spec.required && !spec.fallback && !spec.defaultText && !(fields[spec.name] ?? '').trim(),
  );
}

export const LegalPage = z.object({
  slug: LegalSlug,
  title: z.string(),
  body: StoredTiptapDoc,
  fields: z.record(z.string(), z.string()),
  /** the public page's path */
  path: z.string(),
  updatedAt: Timestamp,
});
export type LegalPage = z.infer<typeof LegalPage>;

/** A whole page at once: the studio's form sends every part; `fields` is checked against the page's own list. */
export const PutLegalPageBody = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Donnez un titre à la page.')
    .max(120, 'Le titre : 120 caractères au plus.')
    .refine((v) => !/[\r\n]/.test(v), 'Le titre tient sur une ligne.'),
  body: SentTiptapDoc,
  fields: z.record(z.string().max(40), z.unknown()).default({}),
});
export type PutLegalPageBody = z.infer<typeof PutLegalPageBody>;

export const legalPagesRoutes = defineRoutes({
  'GET /api/legal-pages': {
    summary: 'The legal pages (mentions légales, confidentialité, contact): title, free text and required facts',
    response: z.object({ pages: z.array(LegalPage) }),
  },
  'PUT /api/legal-pages/:slug': {
    summary: 'Replace one legal page (title, free text, fields); the public page shows it at once',
    params: z.object({ slug: LegalSlug }),
    body: PutLegalPageBody,
    response: z.object({ page: LegalPage }),
  },
});

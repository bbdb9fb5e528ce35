import { z } from 'zod';
import { Timestamp, Uuid } from './common';
import { accentProblem, isHexColour, tintProblem } from './contrast';
import { NEWSLETTER_KINDS } from './enums/campaigns';
import { defineRoutes } from './route';

/** An image of the media library as the identity shows it (logo, banner): its preview and alt text. */
export const IdentityImage = z.object({ id: Uuid, url: z.string(), alt: z.string() });
export type IdentityImage = z.infer<typeof IdentityImage>;

/** The association's identity: every email, public page and the studio show it (never the software's name). */
export const Organisation = z.object({
  name: z.string(),
  postalAddress: z.string(),
  senderName: z.string(),
  senderEmail: z.string(),
  replyTo: z.string(),
  logo: IdentityImage.nullable(),
  updatedAt: Timestamp.nullable(),
});
export type Organisation = z.infer<typeof Organisation>;

// what the identity's texts may not hold: they are shown as written, in pages and emails, never interpreted
const TAG = /<[a-z!/?]/i;
// the letters' per-recipient markers (%%NAME%%): one in a name or footer would be filled in, or stop every compile
const MARKER = /%%[A-Z_]*%%|%%[A-Z]+_/;
const HTML_REFUSED =
  'Pas de balise HTML ici\u00a0: ce texte s’affiche tel quel (retirez «\u202f<\u202f» suivi d’une lettre).';
const MARKER_REFUSED = 'Les marqueurs entre «\u202f%%\u202f» sont réservés aux lettres\u00a0: retirez-les de ce texte.';

/** Plain text up to `max` characters: no HTML tag, no letter marker (each refused with its French reason). */
const plainText = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !TAG.test(value), HTML_REFUSED)
    .refine((value) => !MARKER.test(value), MARKER_REFUSED);

// a header value (From, Reply-To) or a title: one line
const oneLine = (max: number, min = 0) =>
  plainText(max, min).refine((value) => !/[\r\n]/.test(value), 'Une seule ligne, sans retour à la ligne.');
const emailOrEmpty = z
  .string()
  .trim()
  .max(320)
  .refine((value) => value === '' || z.email().safeParse(value).success, 'Adresse e-mail invalide.');

/** The first-run checklist sends the name alone: the other fields keep their value when left out. */
export const PutOrganisationBody = z.object({
  name: oneLine(160, 1),
  postalAddress: plainText(500).optional(),
  senderName: oneLine(120).optional(),
  senderEmail: emailOrEmpty.optional(),
  replyTo: emailOrEmpty.optional(),
  logoMediaId: Uuid.nullable().optional(),
});
export type PutOrganisationBody = z.infer<typeof PutOrganisationBody>;

export const NewsletterKindParam = z.enum(NEWSLETTER_KINDS);
export const TitleFont = z.enum(['sans', 'serif']);
export type TitleFont = z.infer<typeof TitleFont>;

/** One newsletter's masthead, colours, banner, footer line, notice and welcome text. */
export const NewsletterBranding = z.object({
  kind: NewsletterKindParam,
  title: z.string(),
  kicker: z.string(),
  tagline: z.string(),
  accent: z.string(),
  tint: z.string(),
  titleFont: TitleFont,
  banner: IdentityImage.nullable(),
  identity: z.string(),
  notice: z.string(),
  welcomeText: z.string(),
  updatedAt: Timestamp,
});
export type NewsletterBranding = z.infer<typeof NewsletterBranding>;

const colour = z
  .string()
  .trim()
  .refine(isHexColour, 'Une couleur au format #rrggbb (six chiffres hexadécimaux).')
  .transform((value) => value.toLowerCase());

/** Every field at once (the studio's form sends them all); colours are refused below 4.5:1, with the ratio. */
export const PutNewsletterBrandingBody = z
  .object({
    title: oneLine(120, 1),
    kicker: oneLine(160),
    tagline: oneLine(200),
    accent: colour,
    tint: colour,
    titleFont: TitleFont,
    bannerMediaId: Uuid.nullable(),
    identity: oneLine(300),
    notice: plainText(500),
    welcomeText: plainText(2000),
  })
  .superRefine((body, ctx) => {
    // a malformed colour already has its own issue; only well-formed ones are weighed
    const accent = isHexColour(body.accent) ? accentProblem(body.accent) : null;
    if (accent) ctx.addIssue({ code: 'custom', path: ['accent'], message: accent });
    const tint = isHexColour(body.tint) ? tintProblem(body.tint) : null;
    if (tint) ctx.addIssue({ code: 'custom', path: ['tint'], message: tint });
  });
export type PutNewsletterBrandingBody = z.infer<typeof PutNewsletterBrandingBody>;

const OrganisationAnswer = z.object({ organisation: Organisation });

export const organisationRoutes = defineRoutes({
  'GET /api/organisation': {
    summary: 'The organisation’s identity: name, postal address, default sender, reply-to and logo',
    response: OrganisationAnswer,
  },
  'PUT /api/organisation': {
    summary: 'Change the organisation’s identity (fields left out keep their value)',
    body: PutOrganisationBody,
    response: OrganisationAnswer,
  },
  'GET /api/organisation/public': {
    summary: 'The organisation’s name and logo, for the studio’s header and the pages seen before login (no session)',
    response: z.object({
      organisation: z.object({ name: z.string(), logo: z.object({ url: z.string(), alt: z.string() }).nullable() }),
    }),
  },
  'GET /api/newsletters/branding': {
    summary: 'The three newsletters’ branding (masthead, colours, banner, footer line, notice, welcome text)',
    response: z.object({ brandings: z.array(NewsletterBranding) }),
  },
  'PUT /api/newsletters/:kind/branding': {
    summary: 'Change one newsletter’s branding (accent and tint refused below a 4.5:1 contrast)',
    params: z.object({ kind: NewsletterKindParam }),
    body: PutNewsletterBrandingBody,
    response: z.object({ branding: NewsletterBranding }),
  },
});

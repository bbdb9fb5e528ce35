import { z } from 'zod';
import { frenchTypography } from '@crieur/content/typography';

/** How staff read a field's name in messages; a path not listed is shown as it is. */
export const FIELD_LABELS: Record<string, string> = {
  email: 'adresse e-mail',
  password: 'mot de passe',
  name: 'nom',
  role: 'rôle',
  status: 'statut',
  title: 'titre',
  subject: 'objet',
  preheader: 'texte d’aperçu',
  slug: 'adresse (slug)',
  body: 'texte',
  summary: 'chapô',
  rubrique: 'rubrique',
  dossierId: 'dossier',
  dossier: 'dossier',
  tags: 'mots-clés',
  authors: 'auteurs',
  author: 'auteur',
  action: 'étape',
  revisionId: 'version enregistrée',
  commentId: 'commentaire',
  anchorId: 'passage commenté',
  quote: 'extrait',
  from: 'début',
  to: 'fin',
  list: 'liste',
  lists: 'listes',
  listSlugs: 'listes',
  kind: 'type de lettre',
  fromName: 'nom de l’expéditeur',
  replyTo: 'adresse de réponse',
  addresses: 'adresses',
  which: 'destinataires à relancer',
  blocks: 'blocs',
  locale: 'langue',
  month: 'mois',
  confirmed: 'nombre d’abonné·es',
  year: 'année',
  at: 'date',
  scheduledAt: 'date d’envoi',
  version: 'version',
  expectedVersion: 'version',
  id: 'identifiant',
  q: 'recherche',
  cursor: 'page',
  limit: 'nombre par page',
  alt: 'texte alternatif',
  caption: 'légende',
  credit: 'crédit',
  lede: 'chapô',
  editorialNote: 'note éditoriale',
  coverMediaId: 'image de couverture',
  articleIds: 'articles',
  note: 'note',
  reason: 'motif',
  source: 'origine du consentement',
  consentSource: 'origine du consentement',
  dryRun: 'simulation',
  postalAddress: 'adresse postale',
  senderName: 'nom d’expéditeur par défaut',
  senderEmail: 'adresse d’expédition par défaut',
  logoMediaId: 'logo',
  kicker: 'surtitre',
  tagline: 'sous-titre',
  accent: 'couleur principale',
  tint: 'couleur de fond',
  titleFont: 'police du titre',
  bannerMediaId: 'bannière',
  identity: 'ligne d’identité',
  notice: 'avertissement',
  welcomeText: 'texte de bienvenue',
};

/** "titre", or "blocs › 2 › titre" for a nested field. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'requête';
  return path
    .map((part) => {
      // array positions count from 1 for people ("blocs › 2")
      if (typeof part === 'number' || /^\d+$/.test(String(part))) return String(Number(String(part)) + 1);
      return FIELD_LABELS[String(part)] ?? String(part);
    })
    .join(' › ');
}

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'oui ou non',
  array: 'une liste',
  object: 'un objet',
  date: 'une date',
};

const plural = (n: number | bigint, word: string) => `${n} ${word}${Number(n) > 1 ? 's' : ''}`;

/** zod's messages in the French staff read: short, saying what to do, and in French typography. */
export function frenchIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const message = frenchIssueText(issue);
  return message === undefined ? undefined : frenchTypography(message);
}

function frenchIssueText(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Ce champ est obligatoire.';
      return `Valeur invalide : ${TYPE_NAMES[issue.expected] ?? issue.expected} est attendu.`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'Ce champ est obligatoire.'
          : `Au moins ${plural(issue.minimum, 'caractère')}.`;
      if (issue.origin === 'array') return `Au moins ${plural(issue.minimum, 'élément')}.`;
      return `La valeur doit être ${issue.inclusive ? 'au moins' : 'supérieure à'} ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Au plus ${plural(issue.maximum, 'caractère')}.`;
      if (issue.origin === 'array') return `Au plus ${plural(issue.maximum, 'élément')}.`;
      return `La valeur doit être ${issue.inclusive ? 'au plus' : 'inférieure à'} ${issue.maximum}.`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Adresse e-mail invalide.';
      if (issue.format === 'url') return 'Adresse web invalide.';
      if (issue.format === 'uuid') return 'Identifiant invalide.';
      if (issue.format === 'datetime' || issue.format === 'date') return 'Date invalide.';
      return 'Format invalide.';
    case 'invalid_value':
      return `Valeur non reconnue (attendu : ${issue.values.map((v) => String(v)).join(', ')}).`;
    case 'unrecognized_keys':
      return `Champ inconnu : ${issue.keys.join(', ')}.`;
    default:
      return undefined; // zod's own French locale, typeset by the error map below
  }
}

/** A zod error map's answer as text (maps may answer a string or `{ message }`). */
function messageOf(answer: string | { message: string } | undefined | null): string | undefined {
  return typeof answer === 'string' ? answer : (answer?.message ?? undefined);
}

let configured = false;

/** Validation messages in French for the whole process (server and studio); idempotent. */
export function configureFrenchValidation(): void {
  if (configured) return;
  configured = true;
  const zodFrench = z.locales.fr().localeError;
  z.config(z.locales.fr());
  z.config({
    customError: (issue) => {
      const own = frenchIssue(issue);
      if (own !== undefined) return own;
      const fallback = messageOf(zodFrench(issue));
      return fallback === undefined ? undefined : frenchTypography(fallback);
    },
  });
}

/** The one-line summary of a VALIDATION answer, naming the fields: « titre » : Ce champ est obligatoire. */
export function validationSummary(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const [first] = issues;
  if (!first) return 'Certains champs ne sont pas valides.';
  const more = issues.length - 1;
  const tail = more === 0 ? '' : ` (et ${more} ${more > 1 ? 'autres champs' : 'autre champ'} à vérifier)`;
  // a message a schema or a handler wrote itself is typeset here too; the function never breaks an address
  return frenchTypography(`« ${fieldLabel(first.path)} » : ${first.message}${tail}`);
}

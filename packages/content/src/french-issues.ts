// zod issues turned into French messages with a dotted path, for editors and API clients.
import type { z } from 'zod';
import type { ArticleDocIssue } from './issue-path.js';
import { formatPath } from './issue-path.js';

type RawIssue = z.core.$ZodRawIssue;

const EXPECTED: Record<string, string> = {
  object: 'un objet',
  array: 'une liste',
  string: 'un texte',
  number: 'un nombre',
  int: 'un entier',
  boolean: 'un booléen',
};

function quoted(value: unknown): string {
  return typeof value === 'string' ? `« ${value.slice(0, 40)} »` : 'absent';
}

/** Per-parse error map: messages set on the schema itself take precedence over it. */
export function frenchErrorMap(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Ce champ est obligatoire';
      return `Valeur invalide : ${EXPECTED[issue.expected] ?? issue.expected} est attendu`;
    case 'invalid_value':
      return `Valeur non autorisée (attendu : ${issue.values.map(String).join(', ')})`;
    case 'invalid_union': {
      if (issue.discriminator !== 'type') return 'Valeur invalide';
      const found = (issue.input as { type?: unknown } | undefined)?.type;
      const isMark = issue.path?.at(-3) === 'marks';
      if (isMark) return `Marque non autorisée ici : ${quoted(found)} (gras, italique ou lien seulement)`;
      return found === undefined ? 'Un nœud doit avoir un type' : `Nœud non autorisé ici : ${quoted(found)}`;
    }
    case 'too_big':
      return issue.origin === 'string'
        ? `Texte trop long : ${String(issue.maximum)} caractères au maximum`
        : `Trop d'éléments : ${String(issue.maximum)} au maximum`;
    case 'too_small':
      return issue.origin === 'string' ? 'Ce texte ne peut pas être vide' : `Au moins ${String(issue.minimum)} attendu`;
    case 'invalid_format':
      return 'Format invalide';
    default:
      return 'Valeur invalide';
  }
}

/** One issue per refused key, so the path names the key itself. */
export function toArticleDocIssues(issues: readonly z.core.$ZodIssue[]): ArticleDocIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys') return [{ path: formatPath(issue.path), message: issue.message }];
    const inAttrs = issue.path.at(-1) === 'attrs';
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message:
        key === 'marks'
          ? 'Les marques (gras, italique, lien) ne sont permises que sur du texte'
          : inAttrs
            ? `Attribut non autorisé : « ${key} »`
            : `Propriété non autorisée : « ${key} »`,
    }));
  });
}

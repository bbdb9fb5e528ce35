import type { ProblemReason } from './import-types';

/** French labels for the import report; unsubscribed and suppressed are added by the database step. */
export const PROBLEM_LABELS_FR: Record<ProblemReason | 'unsubscribed' | 'suppressed', string> = {
  missing_email: 'Adresse e-mail manquante',
  invalid_email: 'Adresse e-mail invalide',
  duplicate_in_file: 'Doublon dans le fichier (seule la première ligne est importée)',
  malformed_line: 'Ligne mal formée (guillemet non fermé ?) : corrigez-la dans le tableur',
  control_character:
    'Caractère de contrôle invisible (un octet nul, par exemple) dans l’adresse ou le nom : corrigez la ligne dans le tableur',
  unsubscribed: 'Personne désinscrite : elle n’est pas réinscrite sans son accord',
  suppressed: 'Adresse bloquée (rebonds ou plainte) : elle n’est pas réinscrite',
};

/** The French label of a reason code, or the code itself for one this version does not know. */
export function problemLabel(reason: string): string {
  return (PROBLEM_LABELS_FR as Record<string, string>)[reason] ?? reason;
}

// Subject and preheader: what the inbox shows before anyone opens the letter.
import { block, ok, warning, type PreflightItem } from './preflight-item';

/** Past this, most inboxes cut the subject (about 40 characters on a phone, 70 to 80 on a computer). */
export const SUBJECT_MAX = 80;
/** Past this, the preheader is cut everywhere; empty, clients show the letter's first words instead. */
export const PREHEADER_MAX = 120;

const length = (value: string) => [...value.trim()].length;

export function checkSubject(subject: string): PreflightItem {
  const n = length(subject);
  if (n === 0) return block('subject', 'L’objet est vide\u00a0: écrivez-le dans les réglages de la lettre.');
  if (n > SUBJECT_MAX)
    return warning(
      'subject',
      `L’objet est long (${n} caractères)\u00a0: les messageries le coupent après ${SUBJECT_MAX} environ.`,
      {
        detail: subject.trim(),
      },
    );
  return ok('subject', `Objet de ${n} caractères.`);
}

export function checkPreheader(preheader: string): PreflightItem {
  const n = length(preheader);
  if (n === 0)
    return warning(
      'preheader',
      'Le texte d’aperçu est vide\u00a0: les messageries montreront les premiers mots de la lettre. Écrivez une phrase qui donne envie d’ouvrir.',
    );
  if (n > PREHEADER_MAX)
    return warning(
      'preheader',
      `Le texte d’aperçu est long (${n} caractères)\u00a0: il sera coupé après ${PREHEADER_MAX} environ.`,
    );
  return ok('preheader', `Texte d’aperçu de ${n} caractères.`);
}

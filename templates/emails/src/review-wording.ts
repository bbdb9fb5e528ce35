import { quoted } from './theme';

export const REVIEW_EVENTS = [
  'submitted',
  'update_submitted',
  'withdrawn',
  'commented',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
] as const;
export type ReviewEventName = (typeof REVIEW_EVENTS)[number];

export type ReviewPiece = { kind: 'article' | 'dossier'; title: string; scheduledAt?: Date | null };

// "l’article « T »" or "le dossier « T »": the French article differs
const named = (piece: ReviewPiece) => `${piece.kind === 'article' ? 'l’article' : 'le dossier'} ${quoted(piece.title)}`;
const kindWord = (piece: ReviewPiece) => (piece.kind === 'article' ? 'Article' : 'Dossier');

/** "lundi 9 mars 2026 à 8 h 05", Paris time, as the team reads dates. */
export function parisDateTime(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const time = `${Number(parts.hour)}\u00a0h\u00a0${parts.minute}`;
  return `${parts.weekday} ${parts.day}\u00a0${parts.month} ${parts.year} à ${time}`;
}

/** The email's subject: what happened and to which piece, short enough for a phone's inbox. */
export function reviewSubject(event: ReviewEventName, piece: ReviewPiece): string {
  const title = quoted(piece.title);
  switch (event) {
    case 'submitted':
      return `À relire\u00a0: ${title}`;
    case 'update_submitted':
      return `Modifications à relire\u00a0: ${title}`;
    case 'withdrawn':
      return `Relecture retirée\u00a0: ${title}`;
    case 'commented':
      return `Nouveau commentaire sur ${title}`;
    case 'changes_requested':
      return `Modifications demandées\u00a0: ${title}`;
    case 'approved':
      return `${kindWord(piece)} approuvé\u00a0: ${title}`;
    case 'scheduled':
      return `${kindWord(piece)} programmé\u00a0: ${title}`;
    case 'published':
      return `${kindWord(piece)} publié\u00a0: ${title}`;
  }
}

/** One sentence: who did what to which piece. */
export function reviewSentence(event: ReviewEventName, piece: ReviewPiece, actor: string | null): string {
  const who = actor?.trim() || 'Un membre de l’équipe';
  const it = named(piece);
  switch (event) {
    case 'submitted':
      return `${who} a soumis ${it} à la relecture.`;
    case 'update_submitted':
      return (
        `${who} propose des modifications de ${it}, déjà publié\u00a0: ` +
        'elles attendent votre relecture avant d’être mises en ligne.'
      );
    case 'withdrawn':
      return `${who} a retiré ${it} de la relecture.`;
    case 'commented':
      return `${who} a commenté ${it}.`;
    case 'changes_requested':
      return `${who} demande des modifications sur ${it}.`;
    case 'approved':
      return `${who} a approuvé ${it}.`;
    case 'scheduled':
      return piece.scheduledAt
        ? `${who} a programmé ${it} pour le ${parisDateTime(piece.scheduledAt)} (heure de Paris).`
        : `${who} a programmé ${it}.`;
    case 'published':
      return `${who} a publié ${it}.`;
  }
}

/** The label over the note that came with the step. */
export function noteLabel(event: ReviewEventName): string {
  if (event === 'commented') return 'Son commentaire';
  if (event === 'changes_requested') return 'Ce qui est demandé';
  return 'Sa note';
}

/** The button: a submission asks for a reading, the rest to open the piece. */
export function openLabel(event: ReviewEventName, piece: ReviewPiece): string {
  const noun = piece.kind === 'article' ? 'l’article' : 'le dossier';
  return event === 'submitted' || event === 'update_submitted' ? `Relire ${noun}` : `Ouvrir ${noun}`;
}

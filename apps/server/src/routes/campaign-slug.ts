import { slugify } from '@crieur/editorial';
import type { NewsletterKind } from '@crieur/newsletter';

const KIND_WORDS: Record<NewsletterKind, string> = {
  membres: 'lettre-des-membres',
  adherents: 'lettre-des-adherents',
  democraties: 'democraties',
};

// the month in Paris: an issue written on the evening of 31 March belongs to March
const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' });

/** "2026-03-le-printemps-des-communes": the archive address before it is made unique. */
export function campaignSlugBase(input: { subject: string; kind: NewsletterKind; at: Date }): string {
  const parts = month.formatToParts(input.at);
  const yyyy = parts.find((p) => p.type === 'year')?.value ?? '0000';
  const mm = parts.find((p) => p.type === 'month')?.value ?? '00';
  const subject = input.subject.trim();
  return `${yyyy}-${mm}-${subject ? slugify(subject) : KIND_WORDS[input.kind]}`;
}

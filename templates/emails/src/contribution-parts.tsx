// What the proposer's emails share: how a proposal is named, the team's message, the link to « Mes propositions ».
import { Section, Text } from '@react-email/components';
import { Lines } from './layout';
import { colors, quoted, styles } from './theme';

export type ContributionKindName = 'event' | 'job' | 'news';

/** The proposal as its outcome emails name it (its title is the proposer's own text: React escapes it). */
export type ContributionSubject = { kind: ContributionKindName; title: string; staffMessage: string };

const NOUNS: Record<ContributionKindName, string> = {
  event: 'votre événement',
  job: 'votre offre',
  news: 'votre actualité',
};

/** « votre événement « Titre » ». */
export const proposalName = (c: Pick<ContributionSubject, 'kind' | 'title'>) => `${NOUNS[c.kind]} ${quoted(c.title)}`;

/** Copies only the known fields, so nothing else can reach the email. */
export const subjectOf = (c: ContributionSubject): ContributionSubject => ({
  kind: c.kind === 'job' || c.kind === 'news' ? c.kind : 'event',
  title: c.title.trim(),
  staffMessage: c.staffMessage,
});

/** The team's message, quoted as typed (line breaks kept); nothing when empty. */
export function StaffMessage({ label, message }: { label: string; message: string }) {
  if (message.trim() === '') return null;
  return (
    <Section style={{ borderLeft: `4px solid ${colors.accent}`, padding: '4px 0 4px 16px', margin: '0 0 20px' }}>
      <Text style={{ ...styles.small, margin: '0 0 8px' }}>
        <strong>{label}</strong>&nbsp;:
      </Text>
      <Text style={{ ...styles.paragraph, margin: 0 }}>
        <Lines text={message} />
      </Text>
    </Section>
  );
}

/** The French date of a publication: « lundi 9 mars 2026 ». */
export function parisDay(at: Date): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
}

import type { CSSProperties } from 'react';
import { frenchOf, NARROW_NBSP, type EmailImage, type LegalLinks } from '@crieur/content';

/**
 * Who sends: the association's name, its postal address and logo (the workers read them from the db), and the
 * absolute URLs of its legal pages, which every footer links to (`legalLinks(PUBLIC_URL)` from @crieur/content).
 */
export type EmailIdentity = { name: string; postalAddress: string; logo: EmailImage | null; legalLinks: LegalLinks };

/** A newsletter's look for the welcome of its readers: masthead colour and title, banner, and its welcome text. */
export type EmailBrand = {
  title: string;
  /** white text on it reaches 4.5:1 (checked when staff save it) */
  accent: string;
  titleFont: 'sans' | 'serif';
  banner: EmailImage | null;
  /** plain text paragraphs after « Bienvenue » ('' : the default wording) */
  welcomeText: string;
};

// colours checked for WCAG AA: ink on paper 14:1, accent on white 8.6:1, muted on canvas 7:1
export const colors = {
  canvas: '#eef0f3',
  paper: '#ffffff',
  ink: '#1f2430',
  muted: '#4a5160',
  accent: '#1b4d89',
  rule: '#d6dae1',
};

// system fonts: web fonts would need a remote request, and most clients block them anyway
export const fontFamily = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
// Georgia ships with every system: a masthead serif without a web font
export const titleFonts = { sans: 'Helvetica, Arial, sans-serif', serif: "Georgia, 'Times New Roman', serif" } as const;

export const styles = {
  heading: { color: colors.ink, fontSize: '24px', lineHeight: '32px', fontWeight: 700, margin: '0 0 16px' },
  subheading: { color: colors.ink, fontSize: '18px', lineHeight: '26px', fontWeight: 700, margin: '24px 0 8px' },
  paragraph: { color: colors.ink, fontSize: '16px', lineHeight: '26px', margin: '0 0 16px' },
  small: { color: colors.muted, fontSize: '14px', lineHeight: '22px', margin: '0 0 12px' },
  link: { color: colors.accent, textDecoration: 'underline' },
  // a link alone on its line: 24px of text and 10px above and below make a 44px tap target
  blockLink: {
    display: 'block',
    color: colors.accent,
    textDecoration: 'underline',
    fontSize: '16px',
    lineHeight: '24px',
    padding: '10px 0',
  },
  // long token URLs must wrap instead of widening the layout on phones
  url: { color: colors.accent, textDecoration: 'underline', wordBreak: 'break-all', overflowWrap: 'anywhere' },
} satisfies Record<string, CSSProperties>;

/** French guillemets with narrow no-break spaces, so a name never starts a line on its own. */
export function quoted(name: string): string {
  return `«${NARROW_NBSP}${name.trim()}${NARROW_NBSP}»`;
}

/** « de l’Institut… », « de démocratieS »: one rule for the emails and the studio. */
export const ofName = frenchOf;

/** « A », « A » et « B », « A », « B » et « C ». */
export function quotedList(names: readonly string[]): string {
  const all = names.map(quoted);
  return all.length < 2 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} et ${all.at(-1)}`;
}

import type { CSSProperties } from 'react';

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

export const styles = {
  heading: { color: colors.ink, fontSize: '24px', lineHeight: '32px', fontWeight: 700, margin: '0 0 16px' },
  paragraph: { color: colors.ink, fontSize: '16px', lineHeight: '26px', margin: '0 0 16px' },
  small: { color: colors.muted, fontSize: '14px', lineHeight: '22px', margin: '0 0 12px' },
  link: { color: colors.accent, textDecoration: 'underline' },
  // long token URLs must wrap instead of widening the layout on phones
  url: { color: colors.accent, textDecoration: 'underline', wordBreak: 'break-all', overflowWrap: 'anywhere' },
} satisfies Record<string, CSSProperties>;

/** French guillemets with no-break spaces, so a name never starts a line on its own. */
export function quoted(name: string): string {
  return `«\u00a0${name}\u00a0»`;
}

// A sent letter as the public archive shows it: what only makes sense in a reader's inbox (view in the browser,
// « you receive this because… », unsubscribe and preferences) becomes what a visitor wants: subscribe, other letters.
import { escapeHtml, frenchTypography } from '@crieur/content';
import { PLACEHOLDERS, preparePersonaliser } from '@crieur/newsletter';

// the templates wrap each inbox-only part in this div (templates/newsletters/partials: top bar and footer)
const READER_ONLY = /<div class="nl-reader-only">[\s\S]*?<\/div>/g;
const LINK = 'display:inline-block;padding:12px 6px;color:#1f2430;text-decoration:underline;';

/** The visitor's footer: where to subscribe and where the other letters are, 44 px tap targets. */
function visitorFooter(publicUrl: string): string {
  const link = (path: string, label: string) =>
    `<a href="${escapeHtml(`${publicUrl}${path}`)}" style="${LINK}">${label}</a>`;
  return (
    `<p style="margin:0 0 12px;">${escapeHtml(frenchTypography('Pour recevoir les prochaines lettres dans votre boîte :'))}</p>` +
    `<p style="margin:0;">${link('/subscribe', 'S’abonner à cette lettre')} · ${link('/archive', 'Toutes les lettres')}</p>`
  );
}

const anchorTo = (placeholder: string) => new RegExp(`<a href="${placeholder}"[^>]*>[^<]*</a>(?:\\s*·\\s*)?`, 'g');

/**
 * The frozen HTML of a sent campaign, made public: inbox-only parts replaced, then the personal placeholders
 * filled with nothing personal. A letter frozen before the templates marked those parts loses its personal links.
 */
export function publicLetterHtml(renderedHtml: string, input: { publicUrl: string; slug: string }): string {
  const { publicUrl } = input;
  let marked = false;
  let html = renderedHtml.replace(READER_ONLY, (part) => {
    marked = true;
    return part.includes(PLACEHOLDERS.unsubscribeUrl) ? visitorFooter(publicUrl) : '';
  });
  if (!marked) {
    html = html
      .replace(/<p[^>]*>Vous recevez cette lettre car[\s\S]*?<\/p>/, '')
      .replace(anchorTo(PLACEHOLDERS.webUrl), '')
      .replace(anchorTo(PLACEHOLDERS.preferencesUrl), '')
      .replace(
        anchorTo(PLACEHOLDERS.unsubscribeUrl),
        `<a href="${escapeHtml(`${publicUrl}/subscribe`)}" style="${LINK}">S’abonner à cette lettre</a> · ` +
          `<a href="${escapeHtml(`${publicUrl}/archive`)}" style="${LINK}">Toutes les lettres</a>`,
      );
  }
  return preparePersonaliser({ html, text: '', bytes: 0, clipped: false, mjmlErrors: [] })({
    firstName: '',
    unsubscribeUrl: `${publicUrl}/subscribe`,
    preferencesUrl: `${publicUrl}/subscribe`,
    webUrl: `${publicUrl}/archive/${input.slug}`,
  }).html;
}

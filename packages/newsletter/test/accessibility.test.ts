// Every newsletter kind, rendered with every block, passes the email audit; the text part is complete and folded well.
import { auditEmailHtml } from '@crieur/content/testing';
import type { ArticleDoc } from '@crieur/content';
import { describe, expect, it } from 'vitest';
import { compileNewsletter, NEWSLETTER_THEMES } from '../src/index.js';
import type { NewsletterBlock, NewsletterKind, NewsletterOptions } from '../src/index.js';
import { wrapText } from '../src/wrap-text.js';
import { blocks, content, LIST_NAMES, PUBLIC_URL } from './fixtures.js';
import { hrefs } from './helpers.js';

const KINDS: NewsletterKind[] = ['membres', 'adherents', 'democraties'];

const headingsDoc: ArticleDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ce qui change au 1er janvier' }] },
    { type: 'paragraph', content: [{ type: 'text', text: "Quoi de neuf? 3 355 membres, 25 % de plus qu'en 2025 !" }] },
    { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'Un détail' }] },
    {
      type: 'image',
      attrs: { src: 'https://democraties.example/media/photo.jpg', alt: 'Une salle de conseil', caption: 'Légende' },
    },
  ],
};

// every block type, a card first (right under the masthead) and a document with a skipped heading level
const RICH: NewsletterBlock[] = [
  blocks.article1,
  blocks.edito,
  blocks.democratiesTitle,
  blocks.article2,
  blocks.dossier,
  { type: 'richText', title: 'Le point', doc: headingsDoc },
  blocks.newsTitle,
  blocks.membersNews,
  blocks.agenda,
  blocks.jobs,
  blocks.divider,
  blocks.image,
  blocks.button,
];

const options = (kind: NewsletterKind, extra: Partial<NewsletterOptions> = {}) => ({
  publicUrl: PUBLIC_URL,
  listName: LIST_NAMES[kind],
  ...extra,
});

const identity = {
  name: 'Institut de la concertation et de la participation citoyenne (ICPC)',
  postalAddress: '12 rue de la République\n75011 Paris',
  logo: { url: 'https://democraties.example/media/logo/email.png', width: 120, height: 40, alt: 'ICPC' },
};

describe('accessible newsletters', () => {
  it.each(KINDS)('the %s letter with every block passes the email audit', async (kind) => {
    const compiled = await compileNewsletter(content(kind, RICH), options(kind));
    expect(auditEmailHtml(compiled.html)).toEqual([]);
    expect(compiled.html).toMatch(/<html lang="fr" dir="ltr"/);
    expect(compiled.html.match(/<h1[\s>]/g)).toHaveLength(1);
  });

  it.each(KINDS)('the %s letter with its banner, logo and address passes too, and shows them', async (kind) => {
    const theme = {
      ...NEWSLETTER_THEMES[kind],
      banner: { url: 'https://democraties.example/media/banner/email.jpg', width: 600, height: 200, alt: '' },
    };
    const compiled = await compileNewsletter(content(kind, RICH), options(kind, { theme, identity }));
    expect(auditEmailHtml(compiled.html)).toEqual([]);
    expect(compiled.html).toContain('src="https://democraties.example/media/banner/email.jpg"');
    expect(compiled.html).toMatch(/<img\s+alt="ICPC"[^>]*src="https:\/\/democraties.example\/media\/logo\/email.png"/);
    // the logo sits on white, never on the accent: a dark logo on a transparent ground would vanish there
    const logoAt = compiled.html.search(/<img\s+alt="ICPC"/);
    const backgrounds = [...compiled.html.slice(0, logoAt).matchAll(/background(?:-color)?:\s*(#[0-9a-f]{3,6})/gi)];
    expect(backgrounds.at(-1)?.[1]?.toLowerCase()).toBe('#ffffff');
    expect(logoAt).toBeLessThan(compiled.html.indexOf('<h1'));
    expect(compiled.html).toContain('12 rue de la République<br>75011 Paris');
    expect(compiled.text).toContain('12 rue de la République\n75011 Paris');
  });

  it('finds what the audit is for in a letter that breaks the rules (the audit can fail)', async () => {
    const compiled = await compileNewsletter(content('membres', RICH), options('membres'));
    const light = compiled.html.replaceAll(NEWSLETTER_THEMES.membres.accent, '#9aa5b1');
    expect(auditEmailHtml(light).map((issue) => issue.rule)).toContain('contrast');
  });

  it.each([
    ['#9aa5b1', '#e8eef7'],
    ['#ffcc00', '#fff3c4'],
    ['#1b4d89', '#5a6270'],
    ['#ffffff', '#ffffff'],
  ])('keeps the letter readable when an admin stored accent %s and tint %s', async (accent, tint) => {
    const theme = { ...NEWSLETTER_THEMES.membres, accent, tint };
    const compiled = await compileNewsletter(content('membres', RICH), options('membres', { theme }));
    expect(auditEmailHtml(compiled.html)).toEqual([]);
  });

  it('typesets every text of the letter in French, in the HTML and the text part', async () => {
    const compiled = await compileNewsletter(content('membres', RICH), options('membres'));
    expect(compiled.html).toContain('Quoi de neuf\u202f? 3\u202f355 membres, 25\u202f% de plus qu’en 2025\u202f!');
    expect(compiled.html).toContain('vraie ou fausse alliée de la participation\u202f?');
    expect(compiled.text).toContain('Quoi de neuf\u202f? 3\u202f355 membres, 25\u202f% de plus qu’en 2025\u202f!');
    expect(compiled.html).toContain('<title>La lettre des membres — printemps 2026</title>');
  });
});

describe('the text part', () => {
  it('names the newsletter once, then every block, link and the footer', async () => {
    const compiled = await compileNewsletter(content('membres', RICH), options('membres', { identity }));
    const lines = compiled.text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      NEWSLETTER_THEMES.membres.kicker,
      'La lettre des membres',
      'Les nouvelles du réseau, chaque trimestre',
    ]);
    expect(lines.filter((line) => line.includes('La lettre des membres'))).toHaveLength(1);
    for (const link of hrefs(compiled.html)) expect(compiled.text, link).toContain(link);
    const flat = compiled.text.replaceAll('\n', ' ');
    for (const expected of [
      'Institut de la concertation et de la participation citoyenne (ICPC)',
      'Se désinscrire\u00a0: %%CRIEUR_UNSUBSCRIBE_URL%%',
      'Gérer mes préférences\u00a0: %%CRIEUR_PREFERENCES_URL%%',
      'Assemblée générale de l’ICPC',
      'Chargé·e de concertation',
      '[Image\u00a0: Une salle de conseil]',
    ])
      expect(flat).toContain(expected);
  });

  it('never leaves « at the end of a line nor starts one with », and keeps lines within 72 characters', async () => {
    const listName = 'La lettre des membres, des sympathisant·es et des partenaires de l’ICPC';
    const compiled = await compileNewsletter(content('membres', RICH), { publicUrl: PUBLIC_URL, listName });
    const lines = compiled.text.split('\n');
    expect(lines).toContain('Vous recevez cette lettre car vous êtes abonné·e à «\u202fLa lettre des');
    for (const line of lines) {
      expect(line, line).not.toMatch(/«\s*$/);
      expect(line, line).not.toMatch(/^\s*»/);
      // only a word with no space to break at (an address, a token) may pass the width
      if (line.length > 72) expect(line.trim(), line).not.toMatch(/ /);
    }
  });
});

describe('wrapText', () => {
  it('breaks only at plain spaces, keeps list and quote prefixes, leaves a long URL whole', () => {
    const long = `«\u202fUne citation assez longue pour dépasser la largeur de la ligne à coup sûr\u202f», dit-elle.`;
    expect(wrapText(long, 40)).toBe(
      '«\u202fUne citation assez longue pour\ndépasser la largeur de la ligne à coup\nsûr\u202f», dit-elle.',
    );
    expect(wrapText('- un point de liste qui déborde de la ligne', 20)).toBe(
      '- un point de liste\n  qui déborde de la\n  ligne',
    );
    expect(wrapText('> une citation qui déborde de la ligne', 20)).toBe('> une citation qui\n> déborde de la\n> ligne');
    const url = 'https://democraties.example/articles/un-tres-long-chemin-sans-espace';
    expect(wrapText(`Lire : ${url}`, 20)).toBe(`Lire :\n${url}`);
    expect(wrapText('-- \ncourt', 20)).toBe('-- \ncourt');
  });
});

import { describe, expect, it } from 'vitest';
import { compileNewsletter, GMAIL_CLIP_BYTES, newsletterMjml, NewsletterMjmlError } from '../src/index.js';
import type { NewsletterBlock, NewsletterKind } from '../src/index.js';
import {
  adherentsNewsletter,
  blocks,
  content,
  democratiesNewsletter,
  LIST_NAMES,
  membresNewsletter,
  PUBLIC_URL,
} from './fixtures.js';
import { hrefs } from './helpers.js';

const KINDS: NewsletterKind[] = ['membres', 'adherents', 'democraties'];
const options = (kind: NewsletterKind) => ({
  publicUrl: PUBLIC_URL,
  listName: LIST_NAMES[kind],
  validation: 'strict' as const,
});
const ALL_BLOCKS: NewsletterBlock[] = Object.values(blocks);

describe('compileNewsletter snapshots', () => {
  it.each([membresNewsletter, adherentsNewsletter, democratiesNewsletter])(
    'renders the $kind newsletter',
    async (newsletter) => {
      const compiled = await compileNewsletter(newsletter, options(newsletter.kind));
      expect(compiled.mjmlErrors).toEqual([]);
      expect(compiled.clipped).toBe(false);
      expect(compiled.html).toMatchSnapshot('html');
      expect(compiled.text).toMatchSnapshot('text');
    },
  );
});

describe('strict MJML validation', () => {
  it.each(KINDS)('the %s layout compiles with no block and with every block', async (kind) => {
    for (const list of [[], ALL_BLOCKS]) {
      const compiled = await compileNewsletter(content(kind, list), options(kind));
      expect(compiled.mjmlErrors).toEqual([]);
      expect(compiled.html).toContain('Institut de la concertation et de la participation citoyenne');
    }
  });

  it.each(KINDS)('every block type alone passes in the %s layout', async (kind) => {
    for (const block of ALL_BLOCKS) {
      const compiled = await compileNewsletter(content(kind, [block]), options(kind));
      expect(compiled.mjmlErrors, block.type).toEqual([]);
    }
  });

  it('every ordered pair of block types passes', async () => {
    for (const first of ALL_BLOCKS) {
      for (const second of ALL_BLOCKS) {
        const compiled = await compileNewsletter(content('membres', [first, second]), options('membres'));
        expect(compiled.mjmlErrors, `${first.type} + ${second.type}`).toEqual([]);
      }
    }
  });

  it('refuses an invalid template in strict mode and reports it in soft mode', async () => {
    const { DEFAULT_TEMPLATES_DIR, loadNewsletterTemplates } = await import('../src/index.js');
    const templates = loadNewsletterTemplates(DEFAULT_TEMPLATES_DIR);
    const broken = { ...templates, partials: { ...templates.partials, divider: '<mj-spacer height="10px" />' } };
    const c = content('membres', [blocks.divider]);
    await expect(compileNewsletter(c, { ...options('membres'), templates: broken })).rejects.toBeInstanceOf(
      NewsletterMjmlError,
    );
    const soft = await compileNewsletter(c, { ...options('membres'), validation: 'soft', templates: broken });
    expect(soft.mjmlErrors).toEqual([expect.objectContaining({ tagName: 'mj-spacer' })]);
  });
});

describe('content of the output', () => {
  it.each([membresNewsletter, adherentsNewsletter, democratiesNewsletter])(
    'the text of $kind carries every link of its HTML',
    async (newsletter) => {
      const compiled = await compileNewsletter(newsletter, options(newsletter.kind));
      const links = hrefs(compiled.html);
      expect(links.length).toBeGreaterThan(8);
      for (const link of links) expect(compiled.text, link).toContain(link);
    },
  );

  it('resolves /media/ paths on publicUrl and keeps query strings escaped in attributes', async () => {
    const compiled = await compileNewsletter(membresNewsletter, options('membres'));
    expect(compiled.html).toContain('src="https://democraties.example/media/2026/grenoble.jpg"');
    expect(compiled.html).toContain('href="https://icpc.example/rencontres-2026?ref=lettre&amp;edition=2"');
    expect(compiled.text).toContain('https://icpc.example/rencontres-2026?ref=lettre&edition=2');
  });

  it('has the subject, preheader, footer identity and reason, and no web font or tracking pixel', async () => {
    const compiled = await compileNewsletter(membresNewsletter, options('membres'));
    expect(compiled.html).toContain('<title>La lettre des membres — printemps 2026</title>');
    expect(compiled.html).toContain('Assemblée générale, budgets participatifs');
    expect(compiled.html).toContain(
      'Vous recevez cette lettre car vous êtes abonné·e à «&#8239;La lettre des membres de l’ICPC&#8239;»',
    );
    expect(compiled.html).not.toMatch(/fonts\.googleapis|@import|<link/);
    expect(compiled.html).not.toMatch(/width="1"\s+height="1"/);
    // the text part is folded at 72 characters
    expect(compiled.text.replaceAll('\n', ' ')).toContain(
      'Vous recevez cette lettre car vous êtes abonné·e à «\u202fLa lettre des membres de l’ICPC\u202f».',
    );
  });

  it('escapes every text field: no markup from the blocks reaches the HTML', async () => {
    const evil = '<script>alert("x")</script> & \'quotes\' {{head}}';
    const hostile = content('membres', [
      { type: 'sectionTitle', text: evil },
      { ...blocks.article1, title: evil, lede: evil, rubrique: evil, image: { src: '/media/a.jpg', alt: evil } },
      { type: 'agenda', title: evil, events: [{ title: evil, date: '2026-04-02', place: evil }] },
      { type: 'jobs', offers: [{ title: evil, organisation: evil, place: evil, url: 'https://x.example/?a=1&b=2' }] },
      { type: 'membersNews', items: [{ title: evil, text: evil }] },
      { type: 'button', label: evil, url: 'https://x.example/' },
    ]);
    const compiled = await compileNewsletter({ ...hostile, subject: evil }, options('membres'));
    expect(compiled.html).not.toContain('<script');
    expect(compiled.html).toContain('href="https://x.example/?a=1&amp;b=2"');
    expect(compiled.html).toContain('{{head}}');
    expect(compiled.mjmlErrors).toEqual([]);
  });

  it('marks a newsletter past 102 KB as clipped', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...blocks.membersNews,
      items: Array.from({ length: 6 }, () => ({
        title: `Actualité ${i}`,
        text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6),
      })),
    }));
    const compiled = await compileNewsletter(content('membres', many), options('membres'));
    expect(compiled.bytes).toBeGreaterThan(GMAIL_CLIP_BYTES);
    expect(compiled.clipped).toBe(true);
  });

  it('newsletterMjml gives the MJML source with placeholders in place', () => {
    const source = newsletterMjml(membresNewsletter, options('membres'));
    expect(source.startsWith('<mjml lang="fr" dir="ltr">')).toBe(true);
    expect(source).toContain('Bonjour%%CRIEUR_FIRST_NAME%%,');
    expect(source).toContain('href="%%CRIEUR_UNSUBSCRIBE_URL%%"');
    expect(source).not.toMatch(/\{\{[a-zA-Z]+\}\}/);
  });
});

// Every newsletter's footer links to the legal pages (issue 16), in the HTML and in the text version.
import { describe, expect, it } from 'vitest';
import { compileNewsletter, type NewsletterKind } from '../src/index.js';
import { content, LIST_NAMES } from './fixtures.js';
import { hrefs } from './helpers.js';

const KINDS: NewsletterKind[] = ['membres', 'adherents', 'democraties'];
// a site under a path, with a trailing slash: the links still land on the pages
const PUBLIC_URL = 'https://www.icpc.example/media/';

describe('the legal links in every newsletter’s footer', () => {
  it.each(KINDS)('the %s letter links to « Mentions légales » and « Confidentialité »', async (kind) => {
    const { html, text } = await compileNewsletter(content(kind, []), {
      publicUrl: PUBLIC_URL,
      listName: LIST_NAMES[kind],
    });
    const links = hrefs(html);
    expect(links).toContain('https://www.icpc.example/media/mentions-legales');
    expect(links).toContain('https://www.icpc.example/media/confidentialite');
    // the link text says where it goes
    expect(html).toMatch(/href="https:\/\/www\.icpc\.example\/media\/mentions-legales"[^>]*>Mentions légales<\/a>/);
    expect(html).toMatch(/href="https:\/\/www\.icpc\.example\/media\/confidentialite"[^>]*>Confidentialité<\/a>/);
    expect(text).toContain('Mentions légales\u00a0: https://www.icpc.example/media/mentions-legales');
    expect(text).toContain('Confidentialité\u00a0: https://www.icpc.example/media/confidentialite');
  });
});

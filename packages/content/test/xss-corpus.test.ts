// Nothing a contributor types may run script in a reader's browser or mail client.
import { describe, expect, it } from 'vitest';
import type { ArticleDoc } from '../src/index.js';
import {
  excerpt,
  frenchTypography,
  parseArticleDoc,
  renderEmailHtml,
  renderText,
  renderWebHtml,
} from '../src/index.js';
import { neutralizeTags } from '../src/plain-text.js';
import { BAD_URLS, SCRIPT_TEXTS, XML_TEXTS } from '../src/testing/xss-corpus.js';
import { bold, img, li, link, p, rawDoc, text, ul } from './builders.js';

type Payload = { name: string; input: unknown; outcome: 'refused' | 'rendered' };

const refused = (name: string, input: unknown): Payload => ({ name, input, outcome: 'refused' });
const rendered = (name: string, input: unknown): Payload => ({ name, input, outcome: 'rendered' });

const payloads: Payload[] = [
  ...[...SCRIPT_TEXTS, ...XML_TEXTS].flatMap((s) => [
    rendered(`text ${s}`, rawDoc(p(text(s, bold)))),
    rendered(`link text ${s}`, rawDoc(p(text(s, link('https://ok.example/'))))),
    rendered(`heading ${s}`, rawDoc({ type: 'heading', attrs: { level: 2 }, content: [text(s)] })),
    rendered(`list and quote ${s}`, rawDoc(ul(li(p(text(s)))), { type: 'blockquote', content: [p(text(s))] })),
    rendered(`image alt, title, caption ${s}`, rawDoc(img({ src: '/media/a.jpg', alt: s, title: s, caption: s }))),
  ]),
  ...BAD_URLS.flatMap((url) => [
    refused(`link ${JSON.stringify(url)}`, rawDoc(p(text('clic', link(url))))),
    refused(`image src ${JSON.stringify(url)}`, rawDoc(img({ src: url, alt: 'x' }))),
  ]),
  refused('onclick on a paragraph', rawDoc({ type: 'paragraph', attrs: { onclick: 'alert(1)' } })),
  refused('onclick as a node property', rawDoc({ type: 'paragraph', onclick: 'alert(1)', content: [text('x')] })),
  refused(
    'onerror on an image',
    rawDoc({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'x', onerror: 'alert(1)' } }),
  ),
  refused('onmouseover on a heading', rawDoc({ type: 'heading', attrs: { level: 2, onmouseover: 'alert(1)' } })),
  refused(
    'style on a paragraph',
    rawDoc({ type: 'paragraph', attrs: { style: 'background:url(javascript:alert(1))' } }),
  ),
  refused('class on an image', rawDoc({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'x', class: 'x' } })),
  refused('heading level with an attribute', rawDoc({ type: 'heading', attrs: { level: '2 onclick=alert(1)' } })),
  refused(
    'list start with an attribute',
    rawDoc({ type: 'orderedList', attrs: { start: '1" onclick="alert(1)' }, content: [li(p())] }),
  ),
  refused(
    'mediaId with markup',
    rawDoc(img({ src: '/media/a.jpg', alt: 'x', mediaId: '"><script>alert(1)</script>' })),
  ),
  refused(
    'html in a text node property',
    rawDoc(p({ type: 'text', text: 'x', html: '<script>alert(1)</script>' } as never)),
  ),
  refused(
    '__proto__ key',
    JSON.parse('{"type":"doc","content":[{"type":"paragraph","__proto__":{"onclick":"alert(1)"}}]}'),
  ),
  rendered(
    'onclick, style and class on a link are dropped',
    rawDoc(
      p({
        type: 'text',
        text: 'x',
        marks: [
          {
            type: 'link',
            attrs: { href: 'https://ok.example/', onclick: 'alert(1)', style: 'x', class: 'x', target: '_self' },
          },
        ],
      } as never),
    ),
  ),
  refused('listItem at top level', rawDoc({ type: 'listItem', content: [p(text('x'))] })),
  refused('text directly in doc', rawDoc(text('<script>alert(1)</script>'))),
  refused('paragraph in a paragraph', rawDoc({ type: 'paragraph', content: [p(text('x'))] })),
  refused(
    'image in a paragraph',
    rawDoc({ type: 'paragraph', content: [{ type: 'image', attrs: { src: '/media/a.jpg', alt: 'x' } }] }),
  ),
  refused(
    'blockquote in a list item',
    rawDoc(ul({ type: 'listItem', content: [p(), { type: 'blockquote', content: [p()] }] } as never)),
  ),
  ...['script', 'iframe', 'svg', 'html', 'rawHtml', 'codeBlock', 'table', 'details', 'embed', 'mention'].map((type) =>
    refused(
      `unknown node ${type}`,
      rawDoc({ type, attrs: { src: 'javascript:alert(1)', onload: 'alert(1)' }, content: [text('x')] }),
    ),
  ),
  ...['script', 'code', 'underline', 'strike', 'textStyle', 'highlight'].map((type) =>
    refused(
      `unknown mark ${type}`,
      rawDoc(p({ type: 'text', text: 'x', marks: [{ type, attrs: { style: 'x' } }] } as never)),
    ),
  ),
  refused('bold mark on a paragraph', rawDoc({ type: 'paragraph', marks: [bold], content: [text('x')] })),
  refused(
    'link mark on an image',
    rawDoc({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'x' }, marks: [link('javascript:alert(1)')] }),
  ),
  refused(
    'huge depth',
    rawDoc(
      Array.from({ length: 5_000 }).reduce<unknown>(
        (inner) => ({ type: 'blockquote', content: [inner] }),
        p(text('x')),
      ),
    ),
  ),
];

const WEB_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'br',
  'strong',
  'em',
  'a',
  'figure',
  'img',
  'figcaption',
]);
const EMAIL_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'br',
  'strong',
  'em',
  'a',
  'div',
  'img',
]);
const WEB_ATTRS = new Set(['href', 'rel', 'src', 'alt', 'title', 'loading', 'decoding', 'start']);
const EMAIL_ATTRS = new Set([...WEB_ATTRS, 'style']);

function expectSafeHtml(html: string, tags: Set<string>, attrs: Set<string>) {
  expect(html).not.toMatch(/<script/i);
  for (const [, tag] of html.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)) expect(tags).toContain(tag?.toLowerCase());
  for (const [, tagBody] of html.matchAll(/<([a-zA-Z][^>]*)>/g)) {
    // outside its quoted values, a tag holds no event handler
    expect((tagBody ?? '').replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+\s*=/i);
    // every attribute is name="value" with an escaped value: a bare quote would have ended it early
    const rest = (tagBody ?? '')
      .replace(/^[\w-]+/, '')
      .replace(/\s([a-z-]+)="([^"<>]*)"/g, (_, name: string, value: string) => {
        expect(attrs).toContain(name);
        if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/i);
        if (name === 'src') expect(value).toMatch(/^(https?:\/\/|\/media\/)/);
        if (name === 'href' || name === 'src' || name === 'style')
          expect(value).not.toMatch(/(javascript|vbscript|data):/i);
        return '';
      });
    expect(rest.trim()).toBe('');
  }
}

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();

/** What the contributor typed (text, alt, caption), as the plain-text outputs show it. */
function typedStrings(doc: ArticleDoc): string[] {
  const found: string[] = [];
  JSON.stringify(doc, (key, value: unknown) => {
    // the excerpt shows the text as typed, the text part with its French typography
    if ((key === 'text' || key === 'alt' || key === 'caption') && typeof value === 'string')
      found.push(collapse(neutralizeTags(value)), collapse(neutralizeTags(frenchTypography(value))));
    return value;
  });
  return found.sort((a, b) => b.length - a.length);
}

function expectSafeText(plain: string, doc: ArticleDoc) {
  expect(plain).not.toMatch(/<[a-z!/?]/i);
  // once the typed text is taken out, what the renderer added (link targets) holds no dangerous URL
  const added = typedStrings(doc).reduce((rest, typed) => rest.split(typed).join(' '), collapse(plain));
  expect(added).not.toMatch(/(javascript|data|vbscript):/i);
}

describe('XSS corpus', () => {
  it.each(payloads)('$name: $outcome', ({ input, outcome }) => {
    const result = parseArticleDoc(input);
    expect(result.ok ? 'rendered' : 'refused').toBe(outcome);
    if (!result.ok) {
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) expect(issue.message).toMatch(/[a-zàâçéèêëîïôûù]/);
      return;
    }
    expectSafeHtml(renderWebHtml(result.doc), WEB_TAGS, WEB_ATTRS);
    expectSafeHtml(renderWebHtml(result.doc, { mediaBaseUrl: 'https://democraties.example' }), WEB_TAGS, WEB_ATTRS);
    expectSafeHtml(
      renderEmailHtml(result.doc, { mediaBaseUrl: 'https://democraties.example' }),
      EMAIL_TAGS,
      EMAIL_ATTRS,
    );
    expectSafeText(renderText(result.doc), result.doc);
    expectSafeText(excerpt(result.doc, 10_000), result.doc);
  });

  it('escapes text rather than dropping it', () => {
    const result = parseArticleDoc(rawDoc(p(text('<script>alert("x")</script>'))));
    expect(result.ok && renderWebHtml(result.doc)).toBe('<p>&lt;script&gt;alert("x")&lt;/script&gt;</p>');
    expect(result.ok && renderEmailHtml(result.doc)).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(result.ok && renderText(result.doc)).toBe('‹script>alert("x")‹/script>');
  });

  it('keeps a lone "<" in plain text', () => {
    const result = parseArticleDoc(rawDoc(p(text('3 < 5 et 5 > 3'))));
    expect(result.ok && renderText(result.doc)).toBe('3 < 5 et 5 > 3');
  });
});

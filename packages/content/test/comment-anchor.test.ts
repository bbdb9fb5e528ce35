import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import {
  editorExtensions,
  excerpt,
  parseArticleDoc,
  readerDoc,
  renderEmailHtml,
  renderText,
  renderWebHtml,
  wordCount,
  type ArticleDoc,
  type TextMark,
} from '../src/index.js';
import { bold, doc, h, italic, li, link, p, quote, rawDoc, text, ul } from './builders.js';

const anchor = (id: string): TextMark => ({ type: 'commentAnchor', attrs: { id } });

function issuesOf(input: unknown) {
  const result = parseArticleDoc(input);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.issues;
}

describe('the commentAnchor mark in the ArticleDoc schema', () => {
  it('accepts an anchor, overlapping anchors with other ids, and anchors beside bold, italic and a link', () => {
    const d = doc(
      p(
        text('Avant '),
        text('le passage', anchor('c-1'), anchor('Xy_9')),
        text(' lié', bold, italic, link('https://icpc.fr'), anchor('c-1')),
      ),
    );
    expect(parseArticleDoc(d)).toEqual({ ok: true, doc: d });
  });

  it('refuses an id that is missing, too long or not made of letters, digits, _ and -', () => {
    const mark = (attrs: unknown) =>
      rawDoc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'commentAnchor', attrs }] }] });
    for (const attrs of [{}, { id: '' }, { id: 'a'.repeat(41) }, { id: 'a b' }, { id: '"><script>' }, { id: 12 }]) {
      expect(issuesOf(mark(attrs))[0]?.path).toBe('content.0.content.0.marks.0.attrs.id');
    }
    expect(parseArticleDoc(mark({ id: 'a'.repeat(40) })).ok).toBe(true);
  });

  it('refuses any other attribute and the same anchor twice on one text', () => {
    const withAttrs = rawDoc({
      type: 'paragraph',
      content: [{ type: 'text', text: 'x', marks: [{ type: 'commentAnchor', attrs: { id: 'c1', class: 'x' } }] }],
    });
    expect(issuesOf(withAttrs)[0]?.path).toMatch(/^content\.0\.content\.0\.marks\.0/);
    expect(issuesOf(doc(p(text('x', anchor('c1'), anchor('c1')))))[0]?.message).toBe(
      'Une même marque est appliquée deux fois',
    );
  });
});

describe('the commentAnchor mark in the editor', () => {
  const schema = getSchema(editorExtensions());

  it('keeps overlapping anchors and does not grow when text is typed at its edges', () => {
    const spec = schema.marks.commentAnchor!.spec;
    expect(spec.inclusive).toBe(false);
    expect(Object.keys(spec.attrs ?? {})).toEqual(['id']);
    const json = doc(p(text('deux commentaires', anchor('a'), anchor('b'))));
    expect(schema.nodeFromJSON(json).toJSON()).toEqual(json);
  });

  it('is the innermost mark, so it never splits a link or bold text', () => {
    expect(Object.keys(schema.marks).at(-1)).toBe('commentAnchor');
  });
});

describe('readers never see an anchor', () => {
  const plain: ArticleDoc = doc(
    h(2, 'Un titre commenté'),
    p(
      text('Une phrase '),
      text('en gras et ', bold),
      text('liée', bold, link('https://icpc.fr')),
      text(' puis la fin.'),
    ),
    ul(li(p(text('Un élément de liste')))),
    quote(p(text('Une citation'))),
  );
  const anchored: ArticleDoc = doc(
    { type: 'heading', attrs: { level: 2 }, content: [text('Un titre '), text('commenté', anchor('t'))] },
    p(
      text('Une '),
      text('phrase ', anchor('a')),
      text('en gras', bold, anchor('a')),
      text(' et ', bold),
      text('liée', bold, link('https://icpc.fr'), anchor('b')),
      text(' puis ', anchor('b'), anchor('c')),
      text('la fin.'),
    ),
    ul(li(p(text('Un élément', anchor('l')), text(' de liste')))),
    quote(p(text('Une citation', anchor('q')))),
  );

  it('readerDoc drops the marks and joins the text they split', () => {
    expect(readerDoc(anchored)).toEqual(plain);
  });

  it('every renderer gives the same output as without anchors', () => {
    expect(renderWebHtml(anchored)).toBe(renderWebHtml(plain));
    expect(renderEmailHtml(anchored)).toBe(renderEmailHtml(plain));
    expect(renderText(anchored)).toBe(renderText(plain));
    expect(excerpt(anchored)).toBe(excerpt(plain));
    expect(wordCount(anchored)).toBe(wordCount(plain));
  });

  it('leaves no trace of the anchor in the HTML', () => {
    for (const html of [renderWebHtml(anchored), renderEmailHtml(anchored)]) {
      expect(html).not.toMatch(/commentAnchor|<span|data-/);
    }
    expect(renderWebHtml(anchored)).toContain('<h2>Un titre commenté</h2><p>Une phrase <strong>en gras et </strong>');
  });
});

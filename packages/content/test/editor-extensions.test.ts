import { getSchema } from '@tiptap/core';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from '../src/index.js';
import { frenchArticle } from './french-article.js';

describe('editorExtensions', () => {
  const schema = getSchema(editorExtensions());

  it('has exactly the nodes and marks of the ArticleDoc schema', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual([
      'blockquote',
      'bulletList',
      'doc',
      'hardBreak',
      'heading',
      'horizontalRule',
      'image',
      'listItem',
      'orderedList',
      'paragraph',
      'text',
    ]);
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'commentAnchor', 'italic', 'link']);
  });

  it('has exactly the attrs of the ArticleDoc schema', () => {
    const attrs = (name: string) => Object.keys(schema.nodes[name]?.spec.attrs ?? {}).sort();
    expect(attrs('image')).toEqual(['alt', 'caption', 'mediaId', 'src', 'title']);
    expect(attrs('heading')).toEqual(['level']);
    expect(Object.keys(schema.marks.link?.spec.attrs ?? {})).toEqual(['href']);
    expect(schema.nodes.image?.isBlock).toBe(true);
  });

  it('lets the static renderer accept a valid doc, with Tiptap’s default output', () => {
    const html = renderToHTMLString({ content: frenchArticle, extensions: editorExtensions() });
    expect(html).toContain('<h2>Une démocratie du quotidien</h2>');
    expect(html).toContain('<a rel="noopener noreferrer" href="https://www.loos-en-gohelle.fr/">');
    expect(html).toContain('data-media-id="6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b"');
  });

  it('refuses javascript: in links it parses or renders', () => {
    const html = renderToHTMLString({
      content: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
          },
        ],
      },
      extensions: editorExtensions(),
    });
    expect(html).not.toContain('javascript:');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ArticleDoc,
  EMPTY_DOC,
  InvalidArticleDocError,
  MAX_DEPTH,
  parseArticleDoc,
  renderWebHtml,
} from '../src/index.js';
import { bold, doc, h, img, li, link, p, rawDoc, text, ul } from './builders.js';
import { frenchArticle } from './french-article.js';

function issuesOf(input: unknown) {
  const result = parseArticleDoc(input);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.issues;
}

function expectIssue(input: unknown, path: string, message: string | RegExp) {
  expect(issuesOf(input)).toContainEqual({
    path,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  });
}

describe('parseArticleDoc: valid documents', () => {
  it('accepts the empty doc and a full article unchanged', () => {
    expect(parseArticleDoc(EMPTY_DOC)).toEqual({ ok: true, doc: EMPTY_DOC });
    expect(parseArticleDoc(frenchArticle)).toEqual({ ok: true, doc: frenchArticle });
  });

  it('accepts what the editor emits and keeps only the schema attrs', () => {
    const fromEditor = rawDoc(
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'lien',
            marks: [
              {
                type: 'link',
                attrs: { href: 'https://icpc.fr', target: '_blank', rel: 'nofollow', class: 'x', title: null },
              },
            ],
          },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 1, type: null },
        content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
      },
      {
        type: 'image',
        attrs: { src: 'https://cdn.example.org/a.jpg', alt: ' Une photo ', title: null, caption: '', mediaId: null },
      },
    );
    expect(parseArticleDoc(fromEditor)).toEqual({
      ok: true,
      doc: doc(
        p(text('lien', link('https://icpc.fr'))),
        { type: 'orderedList', attrs: { start: 1 }, content: [li({ type: 'paragraph' })] },
        img({ src: 'https://cdn.example.org/a.jpg', alt: 'Une photo' }),
      ),
    });
  });

  it('gives an ordered list without attrs a start of 1', () => {
    const result = parseArticleDoc(rawDoc({ type: 'orderedList', content: [li(p(text('a')))] }));
    expect(result.ok && result.doc.content[0]).toEqual({
      type: 'orderedList',
      attrs: { start: 1 },
      content: [li(p(text('a')))],
    });
  });

  it('accepts mailto links, uppercase schemes and /media/ paths', () => {
    const ok = doc(
      p(text('a', link('mailto:contact@i-cpc.org')), text('b', link('HTTPS://EXAMPLE.ORG/x?y=1#z'))),
      img({ src: '/media/2026/a-b.jpg?w=800', alt: 'x' }),
    );
    expect(parseArticleDoc(ok).ok).toBe(true);
  });

  it('exposes the zod schema itself', () => {
    expect(ArticleDoc.safeParse(frenchArticle).success).toBe(true);
    expect(ArticleDoc.safeParse({ type: 'doc', content: [{ type: 'codeBlock' }] }).success).toBe(false);
  });
});

describe('parseArticleDoc: refusals, in French, with a path', () => {
  it('refuses something that is not a doc', () => {
    expectIssue('bonjour', '', /objet est attendu/);
    expectIssue({ type: 'doc' }, 'content', 'Ce champ est obligatoire');
    expectIssue({ type: 'doc', content: [] }, 'content', 'Le document doit contenir au moins un bloc');
    expectIssue({ type: 'page', content: [p()] }, 'type', /Valeur non autorisée/);
  });

  it('refuses unknown and misplaced nodes', () => {
    expectIssue(rawDoc({ type: 'codeBlock', content: [] }), 'content.0.type', 'Nœud non autorisé ici : « codeBlock »');
    expectIssue(rawDoc({ type: 'listItem', content: [p()] }), 'content.0.type', 'Nœud non autorisé ici : « listItem »');
    expectIssue(rawDoc({ type: 'text', text: 'x' }), 'content.0.type', 'Nœud non autorisé ici : « text »');
    expectIssue(rawDoc({ content: [] }), 'content.0.type', 'Un nœud doit avoir un type');
    expectIssue(
      rawDoc(p({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'x' } } as never)),
      'content.0.content.0.type',
      /« image »/,
    );
    expectIssue(rawDoc({ type: 'blockquote', content: [h(2, 'x')] }), 'content.0.content.0.type', /« heading »/);
    expectIssue(
      rawDoc(ul(li(ul(li(p()))))),
      'content.0.content.0.content',
      'Un élément de liste doit commencer par un paragraphe',
    );
    expectIssue(rawDoc(ul()), 'content.0.content', 'Une liste doit contenir au moins un élément');
  });

  it('refuses unknown marks and marks on the wrong node', () => {
    expectIssue(
      rawDoc(p({ type: 'text', text: 'x', marks: [{ type: 'underline' }] } as never)),
      'content.0.content.0.marks.0.type',
      /Marque non autorisée ici : « underline »/,
    );
    expectIssue(
      rawDoc(p({ type: 'text', text: 'x', marks: [bold, bold] } as never)),
      'content.0.content.0.marks',
      'Une même marque est appliquée deux fois',
    );
    expectIssue(
      rawDoc({ type: 'paragraph', marks: [bold], content: [] }),
      'content.0.marks',
      /ne sont permises que sur du texte/,
    );
  });

  it('refuses unknown attributes and properties', () => {
    expectIssue(
      rawDoc({ type: 'paragraph', attrs: { style: 'color:red' } }),
      'content.0.attrs',
      'Propriété non autorisée : « attrs »',
    );
    expectIssue(
      rawDoc({ type: 'heading', attrs: { level: 2, class: 'x' } }),
      'content.0.attrs.class',
      'Attribut non autorisé : « class »',
    );
    expectIssue(
      rawDoc({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'x', onerror: 'alert(1)' } }),
      'content.0.attrs.onerror',
      'Attribut non autorisé : « onerror »',
    );
    expectIssue(
      rawDoc({ type: 'paragraph', onclick: 'alert(1)' }),
      'content.0.onclick',
      'Propriété non autorisée : « onclick »',
    );
  });

  it('checks attribute values', () => {
    expectIssue(
      rawDoc({ type: 'heading', attrs: { level: 1 } }),
      'content.0.attrs.level',
      'Le niveau de titre doit être 2, 3 ou 4',
    );
    expectIssue(rawDoc({ type: 'heading' }), 'content.0.attrs', 'Ce champ est obligatoire');
    expectIssue(
      rawDoc({ type: 'orderedList', attrs: { start: 0 }, content: [li(p())] }),
      'content.0.attrs.start',
      'Le numéro de départ doit être au moins 1',
    );
    expectIssue(
      rawDoc({ type: 'orderedList', attrs: { start: 1.5 }, content: [li(p())] }),
      'content.0.attrs.start',
      'Le numéro de départ doit être un entier',
    );
    expectIssue(
      rawDoc(p({ type: 'text', text: '' })),
      'content.0.content.0.text',
      'Un nœud texte ne peut pas être vide',
    );
    expectIssue(
      rawDoc(p(text('x', link('/relative')))),
      'content.0.content.0.marks.0.attrs.href',
      'Le lien doit commencer par http://, https:// ou mailto:',
    );
    expectIssue(
      rawDoc(p({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: {} }] } as never)),
      'content.0.content.0.marks.0.attrs.href',
      'Le lien doit avoir une adresse (href)',
    );
  });

  it('checks images', () => {
    const image = (attrs: Record<string, unknown>) => rawDoc({ type: 'image', attrs });
    expectIssue(
      image({ src: 'images/a.jpg', alt: 'x' }),
      'content.0.attrs.src',
      /URL http:\/\/ ou https:\/\/ complète, ou un chemin \/media\//,
    );
    expectIssue(image({ src: '/media/../secret', alt: 'x' }), 'content.0.attrs.src', /chemin \/media\//);
    expectIssue(image({ src: '//evil.example/a.jpg', alt: 'x' }), 'content.0.attrs.src', /chemin \/media\//);
    expectIssue(
      image({ src: '/media/a.jpg', alt: '   ' }),
      'content.0.attrs.alt',
      "Le texte alternatif de l'image est obligatoire",
    );
    expectIssue(
      image({ src: '/media/a.jpg', alt: null }),
      'content.0.attrs.alt',
      "Le texte alternatif de l'image est obligatoire",
    );
    expectIssue(
      image({ src: '/media/a.jpg', alt: 'x'.repeat(301) }),
      'content.0.attrs.alt',
      'Texte alternatif : 300 caractères au maximum',
    );
    expectIssue(
      image({ src: '/media/a.jpg', alt: 'x', caption: 'x'.repeat(501) }),
      'content.0.attrs.caption',
      'Légende : 500 caractères au maximum',
    );
    expectIssue(
      image({ src: '/media/a.jpg', alt: 'x', mediaId: '42' }),
      'content.0.attrs.mediaId',
      "L'identifiant du média doit être un UUID",
    );
  });

  it('bounds size and depth', () => {
    let deep: unknown = p(text('fond'));
    for (let i = 0; i < MAX_DEPTH; i += 1) deep = { type: 'blockquote', content: [deep] };
    const issues = issuesOf(rawDoc(deep));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe('Le document est trop imbriqué (12 niveaux au maximum)');
    expectIssue(
      rawDoc(p(text('a'.repeat(150_000))), p(text('b'.repeat(60_000)))),
      'content.1.content.0',
      /dépasse 200 000 caractères/,
    );
    expect(issuesOf(rawDoc(...Array.from({ length: 60_000 }, () => ({ type: 'horizontalRule' }))))[0]?.message).toBe(
      "Le document compte trop d'éléments (50 000 au maximum)",
    );
  });

  it('survives a very deep or cyclic input without blowing the stack', () => {
    let deep: unknown = p();
    for (let i = 0; i < 200_000; i += 1) deep = { type: 'blockquote', content: [deep] };
    expect(issuesOf(rawDoc(deep))[0]?.message).toMatch(/trop imbriqué/);
    const cyclic: { type: string; content: unknown[] } = { type: 'blockquote', content: [] };
    cyclic.content.push(cyclic);
    expect(issuesOf(rawDoc(cyclic))[0]?.message).toMatch(/trop imbriqué/);
  });
});

describe('renderers refuse an unvalidated doc', () => {
  it('throws InvalidArticleDocError with the issues', () => {
    const forged = rawDoc({ type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'x' } }) as never;
    expect(() => renderWebHtml(forged)).toThrow(InvalidArticleDocError);
    expect(() => renderWebHtml(forged)).toThrow(/content\.0\.attrs\.src/);
  });
});

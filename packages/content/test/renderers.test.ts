import { describe, expect, it } from 'vitest';
import { EMPTY_DOC, excerpt, mediaIds, renderEmailHtml, renderText, renderWebHtml, wordCount } from '../src/index.js';
import { br, doc, h, img, li, link, ol, p, quote, text, ul } from './builders.js';
import { MEDIA_ID, frenchArticle } from './french-article.js';

describe('a French article in every output', () => {
  it('web HTML', () => {
    const html = renderWebHtml(frenchArticle);
    expect(html).toContain(
      '<a href="https://www.loos-en-gohelle.fr/" rel="noopener noreferrer">le site de la ville</a>',
    );
    expect(html).toContain(
      '<figure><img src="/media/2026/loos-jardin.jpg" alt="Des habitant·es plantent des arbres fruitiers dans un jardin partagé" loading="lazy" decoding="async"><figcaption>Le jardin partagé de la cité 5, au printemps 2025.</figcaption></figure>',
    );
    expect(html).not.toMatch(/class=|style=|target=/);
    expect(html).toMatchSnapshot();
  });

  it('web HTML for a feed: media images get the site address, links and other images stay as they are', () => {
    const html = renderWebHtml(frenchArticle, { mediaBaseUrl: 'https://democraties.example/' });
    expect(html).toContain('<img src="https://democraties.example/media/2026/loos-jardin.jpg"');
    expect(html).toContain('<a href="https://www.loos-en-gohelle.fr/"');
    const external = doc(img({ src: 'https://photos.example/a.jpg', alt: 'x' }));
    expect(renderWebHtml(external, { mediaBaseUrl: 'https://democraties.example' })).toContain(
      'src="https://photos.example/a.jpg"',
    );
  });

  it('email HTML', () => {
    const html = renderEmailHtml(frenchArticle, { mediaBaseUrl: 'https://democraties.example/' });
    // its media's email copy (never the web's WebP), at the column's width when its size is not given
    expect(html).toContain('src="https://democraties.example/media/6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b/email.jpg"');
    expect(html).toContain('width="552" style=');
    const media = { '6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b': { width: 400, height: 300, hasAlpha: true } };
    expect(renderEmailHtml(frenchArticle, { mediaBaseUrl: 'https://democraties.example', media })).toContain(
      '/media/6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b/email.png" alt="Des habitant·es plantent des arbres fruitiers dans un jardin partagé" width="400" height="300"',
    );
    expect(html).toContain('style="color:#1c4fa0;text-decoration:underline;"');
    expect(html).toContain('style="max-width:100%;height:auto;display:block;');
    expect(html).not.toMatch(/class=|<figure|<figcaption|<style/);
    expect(html).toMatchSnapshot();
  });

  it('plain text', () => {
    expect(renderText(frenchArticle)).toMatchSnapshot();
  });

  it('excerpt, word count and media', () => {
    expect(excerpt(frenchArticle)).toBe(
      "À Loos-en-Gohelle, la participation citoyenne n'est pas un slogan : depuis vingt ans, la commune associe ses habitant·es à chaque grande décision. Le dispositif « Fifty-fifty » repose sur un…",
    );
    expect(excerpt(frenchArticle, 60)).toBe("À Loos-en-Gohelle, la participation citoyenne n'est pas un…");
    expect(wordCount(frenchArticle)).toBe(139);
    expect(mediaIds(frenchArticle)).toEqual([MEDIA_ID]);
  });
});

describe('renderText details', () => {
  it('numbers from the list start, indents continuation lines and keeps autolinks short', () => {
    const d = doc(
      ol(9, li(p(text('neuf')), p(text('suite'))), li(p(text('dix')))),
      p(text('https://icpc.fr', link('https://icpc.fr')), text(' et '), text('icpc.fr', link('https://icpc.fr'))),
      quote(p(text('ligne'), br, text('autre'))),
    );
    expect(renderText(d)).toBe('9. neuf\n   suite\n10. dix\n\nhttps://icpc.fr et icpc.fr\n\n> ligne\n> autre');
  });

  it('keeps one link across bold and plain text', () => {
    const href = link('https://icpc.fr/');
    const d = doc(p(text('un ', href), text('lien', href, { type: 'bold' }), text(' ici')));
    expect(renderText(d)).toBe('un lien (https://icpc.fr/) ici');
    expect(renderEmailHtml(d)).toContain('>un <strong>lien</strong></a> ici');
  });

  it('renders the empty doc as nothing much', () => {
    expect(renderWebHtml(EMPTY_DOC)).toBe('<p></p>');
    expect(renderText(EMPTY_DOC)).toBe('');
    expect(excerpt(EMPTY_DOC)).toBe('');
    expect(wordCount(EMPTY_DOC)).toBe(0);
  });

  it('shows an image as its alt text and an ordered list from its start', () => {
    const d = doc(
      img({ src: 'https://cdn.example.org/a.png', alt: 'Une carte', title: 'Carte' }),
      ol(3, li(p(text('c')))),
    );
    expect(renderText(d)).toBe('[Image : Une carte]\n\n3. c');
    expect(renderWebHtml(d)).toBe(
      '<figure><img src="https://cdn.example.org/a.png" alt="Une carte" title="Carte" loading="lazy" decoding="async"></figure><ol start="3"><li><p>c</p></li></ol>',
    );
    expect(renderEmailHtml(d)).toContain('<ol start="3" style=');
  });
});

describe('excerpt', () => {
  it('cuts at a word boundary with an ellipsis, within maxChars', () => {
    const d = doc(
      h(2, 'Titre ignoré'),
      p(text('Un   premier\tparagraphe,')),
      p(text('puis un second qui continue longtemps')),
    );
    expect(excerpt(d, 30)).toBe('Un premier paragraphe, puis…');
    expect(excerpt(d, 1000)).toBe('Un premier paragraphe, puis un second qui continue longtemps');
    for (let n = 1; n < 70; n += 1) expect(excerpt(d, n).length).toBeLessThanOrEqual(n);
  });

  it('falls back to headings and lists when there is no paragraph', () => {
    expect(excerpt(doc(h(2, 'Seulement un titre'), ul(li(p(text('et une liste'))))))).toBe(
      'Seulement un titre et une liste',
    );
  });

  it('cuts inside a single very long word', () => {
    expect(excerpt(doc(p(text('anticonstitutionnellement'))), 10)).toBe('anticonst…');
  });
});

describe('wordCount', () => {
  it('counts an elision or a hyphenated word once', () => {
    const d = doc(p(text("L'été, aujourd’hui, c'est peut-être « la » démocratie du vivant : 3 355 membres !")));
    // L'été | aujourd’hui | c'est | peut-être | la | démocratie | du | vivant | 3 | 355 | membres
    expect(wordCount(d)).toBe(11);
  });

  it('joins text split by marks inside a word, and counts captions but not alt texts', () => {
    const d = doc(
      p(text('démocratie'), text('S', { type: 'bold' })),
      img({ src: '/media/a.jpg', alt: 'trois mots ici', caption: 'deux mots' }),
    );
    expect(wordCount(d)).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { auditEmailHtml } from './email-audit.js';

const page = (body: string, lang = 'fr') => `<!doctype html><html lang="${lang}"><body>${body}</body></html>`;
const rules = (html: string) => auditEmailHtml(html).map((issue) => issue.rule);

describe('auditEmailHtml', () => {
  it('passes a small correct email', () => {
    const html = page(
      '<div style="display:none;color:#ffffff;opacity:0;">Aperçu caché</div>' +
        '<table role="presentation"><tr><td bgcolor="#1b4d89" style="color:#ffffff;"><h1>La lettre</h1></td></tr></table>' +
        '<h2>Agenda</h2><h3><a href="https://icpc.example/ag">Assemblée générale</a></h3>' +
        '<img src="https://icpc.example/media/a/email.jpg" alt="">' +
        '<a href="https://icpc.example/x" aria-label="Lire l’article « Budget »">Lire l’article</a>' +
        '<table><tr><th>Jour</th><td>Lundi</td></tr></table>' +
        '<a href="https://icpc.example/y" style="display:inline-block;font-size:16px;line-height:1.3;padding:12px 24px;background:#1b4d89;color:#ffffff;">Adhérer à l’ICPC</a>',
    );
    expect(auditEmailHtml(html)).toEqual([]);
  });

  it('wants a French lang on the html element', () => {
    expect(rules(page('<p>Bonjour</p>', 'en'))).toEqual(['lang']);
    expect(rules('<p>Bonjour</p>')).toEqual(['lang']);
  });

  it('wants role="presentation" on layout tables, not on data tables', () => {
    expect(rules(page('<table><tr><td>Bonjour</td></tr></table>'))).toEqual(['layout-table-role']);
    expect(rules(page('<table><tr><th>A</th></tr></table>'))).toEqual([]);
  });

  it('finds a skipped heading level and a second h1', () => {
    expect(rules(page('<h1>A</h1><h3>B</h3>'))).toEqual(['heading-order']);
    expect(rules(page('<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><h1>E</h1>'))).toEqual(['heading-order']);
    expect(rules(page('<h2>A</h2><h3>B</h3>'))).toEqual([]);
  });

  it('wants an alt on every image and an absolute, non-WebP source', () => {
    expect(rules(page('<img src="https://x.example/a.jpg">'))).toEqual(['img-alt']);
    expect(rules(page('<img src="/media/a.jpg" alt="x">'))).toEqual(['img-src']);
    expect(rules(page('<img src="https://x.example/a.webp" alt="x">'))).toEqual(['img-src']);
    expect(rules(page('<img src="https://x.example/a?fm=webp" alt="x">'))).toEqual(['img-src']);
  });

  it('measures text contrast against the nearest inline background, white by default', () => {
    expect(rules(page('<p style="color:#999999;">Gris trop clair</p>'))).toEqual(['contrast']);
    expect(rules(page('<p style="color:#4a5160;">Gris lisible</p>'))).toEqual([]);
    expect(rules(page('<div style="background:#1b4d89 url(x.png)"><p style="color:#6b7280;">Bas</p></div>'))).toEqual([
      'contrast',
    ]);
    expect(
      rules(
        page('<table role="presentation"><tr><td bgcolor="#e8eef7"><p style="color:#1b4d89;">Ok</p></td></tr></table>'),
      ),
    ).toEqual([]);
  });

  it('finds links that do not say where they go, by text or aria-label', () => {
    expect(rules(page('<a href="https://x.example">Cliquez ici</a>'))).toEqual(['link-text']);
    expect(rules(page('<a href="https://x.example">En savoir plus…</a>'))).toEqual(['link-text']);
    expect(rules(page('<a href="https://x.example"><img src="https://x.example/a.jpg" alt=""></a>'))).toEqual([
      'link-text',
    ]);
    expect(rules(page('<a href="https://x.example"><img src="https://x.example/a.jpg" alt="Le budget"></a>'))).toEqual(
      [],
    );
    expect(rules(page('<a href="https://x.example" aria-label="En savoir plus sur l’AG">En savoir plus</a>'))).toEqual(
      [],
    );
  });

  it('wants button-like links at least 44 px high', () => {
    const short =
      '<a href="https://x.example/b" style="display:inline-block;font-size:13px;line-height:1.5;padding:4px 8px;">Adhérer</a>';
    expect(rules(page(short))).toEqual(['tap-target']);
    const inherited =
      '<div style="font-size:13px;line-height:1.6;"><a href="https://x.example/b" style="display:inline-block;padding:12px 6px;">Se désinscrire</a></div>';
    expect(rules(page(inherited))).toEqual([]);
    expect(rules(page('<p>Texte avec <a href="https://x.example/c">un lien dans la phrase</a>.</p>'))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { frenchTypography } from '@crieur/content/typography';
import en from './en.json';
import fr from './fr.json';
import { typesetCatalogue, typesetTemplate, untypesetStrings } from './typeset-catalog';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('the French catalogue', () => {
  it('is typeset: every string reads as the site and the emails do (run typeset-fr-json.ts after adding strings)', () => {
    expect(untypesetStrings(fr)).toEqual([]);
  });

  it('is what the one function gives, string by string', () => {
    const strings = (catalogue: object): string[] =>
      Object.values(catalogue).flatMap((value) => (typeof value === 'string' ? [value] : strings(value as object)));
    const all = strings(fr);
    expect(all.length).toBeGreaterThan(1000);
    expect(all.filter((s) => frenchTypography(s) !== s)).toEqual([]);
  });

  it('reads as the staff should see it where the audit looked', () => {
    expect(fr.home.intro).toBe(`Que voulez-vous faire aujourd’hui${NNBSP}?`);
    expect(fr.common.backHome).toBe('Retour à l’accueil');
    expect(fr.roles.sender).toBe('Chargé·e d’envoi');
  });

  it('leaves the English catalogue as written', () => {
    expect(en.home.intro).toBe('What would you like to do today?');
    // English spacing: no space before ? ; ! : and no narrow no-break space anywhere
    expect(JSON.stringify(en)).not.toMatch(/\u202F/u);
  });
});

describe('a catalogue template', () => {
  it('is typeset around its placeholders, which come out byte for byte', () => {
    expect(typesetTemplate('Désactiver le compte de {{name}} ?')).toBe(`Désactiver le compte de {{name}}${NNBSP}?`);
    expect(typesetTemplate('« {{subject}} » partira aux listes : {{lists}}.')).toBe(
      `«${NNBSP}{{subject}}${NNBSP}» partira aux listes${NBSP}: {{lists}}.`,
    );
    expect(typesetTemplate("Renvoyer l'invitation à {{name}}")).toBe('Renvoyer l’invitation à {{name}}');
    expect(typesetTemplate('environ {{hours}} h {{minutes}} min')).toBe(
      `environ {{hours}}${NBSP}h${NBSP}{{minutes}}${NBSP}min`,
    );
    expect(typesetTemplate('Traitement : {{percent}} %')).toBe(`Traitement${NBSP}: {{percent}}${NNBSP}%`);
    expect(typesetTemplate('{{count, number}} / 2 000 caractères')).toBe(`{{count, number}} / 2${NNBSP}000 caractères`);
    expect(typesetTemplate('Voir $t(common.more) : {{x}}')).toBe(`Voir $t(common.more)${NBSP}: {{x}}`);
  });

  it('never touches an address, a path or an hour written with a colon', () => {
    const text = 'Le site seul, en https (par exemple https://www.i-cpc.org/a?b=1) ; 21:02 ou /articles/{{slug}}';
    expect(typesetTemplate(text)).toBe(
      `Le site seul, en https (par exemple https://www.i-cpc.org/a?b=1)${NNBSP}; 21:02 ou /articles/{{slug}}`,
    );
  });

  it('typesets a whole catalogue, keys and nesting unchanged, and only once', () => {
    const catalogue = { a: "l'accueil ?", b: { c: 'Motif : {{reason}}' } };
    const typeset = typesetCatalogue(catalogue);
    expect(typeset).toEqual({ a: `l’accueil${NNBSP}?`, b: { c: `Motif${NBSP}: {{reason}}` } });
    expect(typesetCatalogue(typeset)).toEqual(typeset);
  });
});

import { describe, expect, it } from 'vitest';
import { frenchTypography as f, frenchTypographyParts as parts } from './french-typography.js';
import { typesetInline } from './typeset-doc.js';

// Visible names for the invisible characters, so each expectation reads as it renders.
const N = '\u202F'; // narrow no-break space
const S = '\u00A0'; // no-break space

describe('frenchTypography', () => {
  it('puts a narrow no-break space before ; ! ? in place of a typed space, or inserts one after a word', () => {
    expect(f('Quoi?')).toBe(`Quoi${N}?`);
    expect(f('Quoi ?')).toBe(`Quoi${N}?`);
    expect(f(`Quoi${S}?`)).toBe(`Quoi${N}?`);
    expect(f('Enfin! Oui ; non')).toBe(`Enfin${N}! Oui${N}; non`);
    expect(f('(sic)!')).toBe(`(sic)${N}!`);
  });

  it('gives a group such as ?! or !! one space before it, none inside', () => {
    expect(f('Vraiment?!')).toBe(`Vraiment${N}?!`);
    expect(f('Bravo !!')).toBe(`Bravo${N}!!`);
    expect(f('Non!!!')).toBe(`Non${N}!!!`);
  });

  it('puts a no-break space before : only where a space was typed', () => {
    expect(f('Ordre du jour : le budget')).toBe(`Ordre du jour${S}: le budget`);
    expect(f(`Note${N}:`)).toBe(`Note${S}:`);
    expect(f('Rendez-vous à 10:30')).toBe('Rendez-vous à 10:30');
    expect(f('Note: brève')).toBe('Note: brève');
  });

  it('puts narrow no-break spaces inside « », replacing typed spaces or inserting them', () => {
    expect(f('« Bonjour »')).toBe(`«${N}Bonjour${N}»`);
    expect(f('«Bonjour»')).toBe(`«${N}Bonjour${N}»`);
    expect(f(`«${S}Bonjour${S}»`)).toBe(`«${N}Bonjour${N}»`);
    expect(f('Il a dit « non » !')).toBe(`Il a dit «${N}non${N}»${N}!`);
  });

  it('turns an apostrophe between letters into ’ and leaves other quotes alone', () => {
    expect(f("l'ICPC et aujourd'hui")).toBe('l’ICPC et aujourd’hui');
    expect(f('\'cité\' et "dit"')).toBe('\'cité\' et "dit"');
  });

  it('keeps a number with its unit and groups thousands with a narrow no-break space', () => {
    expect(f('25 %')).toBe(`25${N}%`);
    expect(f('10 km à pied')).toBe(`10${S}km à pied`);
    expect(f('à 15 h')).toBe(`à 15${S}h`);
    expect(f('à 15 h 30')).toBe(`à 15${S}h${S}30`);
    expect(f('12 €')).toBe(`12${S}€`);
    expect(f('3 355 abonnés')).toBe(`3${N}355 abonnés`);
    expect(f('1 200 000 €')).toBe(`1${N}200${N}000${S}€`);
  });

  it('leaves words that only start like a unit, ordinals, years and phone numbers alone', () => {
    expect(f('le 1er janvier')).toBe('le 1er janvier');
    expect(f('le 10 mai, 5 minutes')).toBe('le 10 mai, 5 minutes');
    expect(f('en 2024 150 personnes')).toBe('en 2024 150 personnes');
    expect(f('01 23 45 67 89')).toBe('01 23 45 67 89');
  });

  it('never touches a URL or an email address, yet types the sentence around them', () => {
    const url = "https://icpc.example/a?b=1;c=2&d='x':3!";
    expect(f(`Voir ${url} pour tout`)).toBe(`Voir ${url} pour tout`);
    expect(f("Lire www.democraties.fr/l'article?id=3 ou http://a.b/c:d")).toBe(
      "Lire www.democraties.fr/l'article?id=3 ou http://a.b/c:d",
    );
    expect(f("Écrivez à jean.d'arc+info@icpc.example !")).toBe(`Écrivez à jean.d'arc+info@icpc.example${N}!`);
    expect(f('mailto:a@b.fr; merci')).toBe('mailto:a@b.fr; merci');
    expect(f('« https://icpc.example/x?y »')).toBe(`«${N}https://icpc.example/x?y${N}»`);
    expect(f('Site : https://icpc.example/.')).toBe(`Site${S}: https://icpc.example/.`);
  });

  it('keeps the personaliser tokens and HTML entities byte for byte', () => {
    const tokens = '%%CRIEUR_FIRST_NAME%%%%CRIEUR_UNSUBSCRIBE_URL%%%%CRIEUR_PREFERENCES_URL%%%%CRIEUR_WEB_URL%%';
    expect(f(tokens)).toBe(tokens);
    expect(f('Bonjour%%CRIEUR_FIRST_NAME%%, ça va ?')).toBe(`Bonjour%%CRIEUR_FIRST_NAME%%, ça va${N}?`);
    expect(f('Tom&amp;Jerry &#8217; &nbsp;')).toBe('Tom&amp;Jerry &#8217; &nbsp;');
  });

  it('returns the empty string, and text already correct, unchanged', () => {
    expect(f('')).toBe('');
    const correct = `Qui${N}? «${N}Nous${N}»${S}: 3${N}355 membres, 25${N}%, l’ICPC${N}!`;
    expect(f(correct)).toBe(correct);
    expect(f('Une phrase sans rien à changer.')).toBe('Une phrase sans rien à changer.');
  });

  it('is idempotent on every sample', () => {
    const samples = [
      "Quoi?! « l'ICPC » : 3 355 abonnés, 25 %, 12 € à 15 h 30 ; www.icpc.fr?x=1 a@b.fr!",
      'Bravo !! ? ; : « »',
      '%%CRIEUR_WEB_URL%% ! «%%CRIEUR_FIRST_NAME%%»',
      '  « » ',
      '\uFDD0 texte étrange ?',
    ];
    for (const sample of samples) expect(f(f(sample))).toBe(f(sample));
  });

  it('leaves English in quotes and inline code as typed, yet types the French around them', () => {
    expect(f('Il a dit "Hello! How are you?" ; puis rien')).toBe(`Il a dit "Hello! How are you?"${N}; puis rien`);
    expect(f('Leur devise : “Yes we can!” !')).toBe(`Leur devise${S}: “Yes we can!”${N}!`);
    expect(f("Tapez `a:b;c!` puis l'aide ?")).toBe(`Tapez \`a:b;c!\` puis l’aide${N}?`);
    // a space typed inside the quotes is French spacing: it becomes the narrow no-break one
    expect(f('"Vraiment ?"')).toBe(`"Vraiment${N}?"`);
    expect(f('Rendez-vous à 18:30 ; merci')).toBe(`Rendez-vous à 18:30${N}; merci`);
  });

  it('types the sample of the audit: « a : b ; c ! ? l’ICPC 20 % »', () => {
    expect(f("« a : b ; c ! ? l'ICPC 20 % »")).toBe(`«${N}a${S}: b${N}; c${N}!${N}? l’ICPC 20${N}%${N}»`);
  });

  it('leaves line breaks where they are', () => {
    expect(f('Fin\n! Début\n: suite')).toBe('Fin\n! Début\n: suite');
  });
});

describe('frenchTypographyParts', () => {
  it('fixes the seams between pieces as if they were one text', () => {
    expect(parts(['Quoi', '?'])).toEqual(['Quoi', `${N}?`]);
    expect(parts(['Quoi ', '?!'])).toEqual(['Quoi', `${N}?!`]);
    expect(parts(['Attention ', ': ici'])).toEqual(['Attention', `${S}: ici`]);
    expect(parts(['Attention', ' : ici'])).toEqual(['Attention', `${S}: ici`]);
    expect(parts(['« ', 'Bonjour', ' »'])).toEqual(['«', `${N}Bonjour`, `${N}»`]);
    expect(parts(['«', 'Bonjour', '»'])).toEqual(['«', `${N}Bonjour`, `${N}»`]);
    expect(parts(['l', "'ICPC"])).toEqual(['l', '’ICPC']);
    expect(parts(["c ! ? l'", 'ICPC', ' 20 %'])).toEqual([`c${N}!${N}? l’`, 'ICPC', ` 20${N}%`]);
    expect(parts(['https://icpc.example/?a', '!'])).toEqual(['https://icpc.example/?a', `${N}!`]);
    expect(parts(['He said "', 'Hello', '!"'])).toEqual(['He said "', 'Hello', '!"']);
  });

  it('is idempotent', () => {
    const once = parts(['« ', 'Quoi', '?', " l'", 'ICPC ', ': 25 ', '%']);
    expect(parts(once)).toEqual(once);
  });
});

describe('typesetInline', () => {
  it('typesets text across marks, keeps hrefs, and treats a hard break as a boundary', () => {
    const out = typesetInline([
      { type: 'text', text: 'Voir ' },
      { type: 'text', text: "l'appel", marks: [{ type: 'link', attrs: { href: "https://x.example/l'appel?a=1 ;" } }] },
      { type: 'text', text: '!' },
      { type: 'hardBreak' },
      { type: 'text', text: '? suite' },
    ]);
    expect(out).toEqual([
      { type: 'text', text: 'Voir ' },
      { type: 'text', text: 'l’appel', marks: [{ type: 'link', attrs: { href: "https://x.example/l'appel?a=1 ;" } }] },
      { type: 'text', text: `${N}!` },
      { type: 'hardBreak' },
      { type: 'text', text: '? suite' },
    ]);
  });
});

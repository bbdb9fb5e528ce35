import { beforeAll, describe, expect, it } from 'vitest';
import {
  compileNewsletter,
  InvalidPersonalValueError,
  PERSONAL_TOKENS,
  personalTokenValues,
  PLACEHOLDERS,
  preparePersonaliser,
} from '../src/index.js';
import type { CompiledNewsletter, Personaliser } from '../src/index.js';
import { LIST_NAMES, membresNewsletter, PUBLIC_URL } from './fixtures.js';
import { hrefs } from './helpers.js';

const values = (id: string, firstName = `Prénom${id}`) => ({
  firstName,
  unsubscribeUrl: `https://crieur.example/unsubscribe/tok-${id}`,
  preferencesUrl: `https://crieur.example/preferences/tok-${id}`,
  webUrl: `https://crieur.example/archive/printemps-2026?r=${id}&v=1`,
});

let compiled: CompiledNewsletter;
let personalise: Personaliser;

beforeAll(async () => {
  compiled = await compileNewsletter(membresNewsletter, { publicUrl: PUBLIC_URL, listName: LIST_NAMES.membres });
  personalise = preparePersonaliser(compiled);
});

describe('preparePersonaliser', () => {
  it('fills every placeholder in both parts', () => {
    const { html, text } = personalise(values('42', 'Camille'));
    for (const token of Object.values(PLACEHOLDERS)) {
      expect(html).not.toContain(token);
      expect(text).not.toContain(token);
    }
    expect(html).toContain('Bonjour Camille,');
    expect(text).toContain('Bonjour Camille,');
    expect(html).toContain('href="https://crieur.example/unsubscribe/tok-42"');
    expect(html).toContain('href="https://crieur.example/archive/printemps-2026?r=42&amp;v=1"');
    expect(text).toContain('Se désinscrire\u00a0: https://crieur.example/unsubscribe/tok-42');
    expect(text).toContain('https://crieur.example/archive/printemps-2026?r=42&v=1');
    for (const link of hrefs(html)) expect(text, link).toContain(link);
  });

  it('escapes markup and quotes in names for the HTML, and keeps them plain in the text', () => {
    const { html, text } = personalise(values('1', '<script>alert("x")</script> O\'Brien'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('Bonjour &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien,');
    expect(text).toContain('Bonjour <script>alert("x")</script> O\'Brien,');
  });

  it('greets naturally without a name, and drops control characters', () => {
    expect(personalise(values('1', '')).html).toContain('Bonjour,');
    expect(personalise(values('1', '   ')).text).toContain('Bonjour,');
    expect(personalise(values('1', 'Ali\u202e\nce')).text).toContain('Bonjour Ali ce,');
  });

  it('refuses a non-http URL for the links', () => {
    expect(() => personalise({ ...values('1'), unsubscribeUrl: 'javascript:alert(1)' })).toThrow(
      InvalidPersonalValueError,
    );
    expect(() => personalise({ ...values('1'), webUrl: 'https://x.example/"><script>' })).toThrow(
      InvalidPersonalValueError,
    );
  });

  it('never leaks one recipient into another over 1,000 recipients', () => {
    for (let i = 0; i < 1000; i++) {
      const id = `r${i}x`;
      const { html, text } = personalise(values(id));
      for (const part of [html, text]) {
        expect(part.match(/tok-(r\d+x)/g)?.every((m) => m === `tok-${id}`)).toBe(true);
        expect(part.match(/Prénom(r\d+x)/g)).toEqual([`Prénom${id}`]);
        expect(part.match(/r=(r\d+x)/g)?.every((m) => m === `r=${id}`)).toBe(true);
      }
    }
    // the compiled campaign itself is untouched
    expect(compiled.html).toContain(PLACEHOLDERS.unsubscribeUrl);
  });
});

describe('personalTokenValues', () => {
  it('gives every placeholder its value, escaped for the HTML part and plain for the text part', () => {
    const { html, text } = personalTokenValues(values('7', '<b>Zoé</b> & "Léa"'));
    expect(Object.keys(html).sort()).toEqual([...PERSONAL_TOKENS].sort());
    expect(Object.keys(text).sort()).toEqual(Object.values(PLACEHOLDERS).sort());
    expect(html[PLACEHOLDERS.firstName]).toBe(' &lt;b&gt;Zoé&lt;/b&gt; &amp; &quot;Léa&quot;');
    expect(text[PLACEHOLDERS.firstName]).toBe(' <b>Zoé</b> & "Léa"');
    expect(html[PLACEHOLDERS.webUrl]).toBe('https://crieur.example/archive/printemps-2026?r=7&amp;v=1');
    expect(text[PLACEHOLDERS.unsubscribeUrl]).toBe('https://crieur.example/unsubscribe/tok-7');
  });

  it('fills exactly as the personaliser does, so both paths share one definition', () => {
    const input = values('9', ' Ali\u202ece  ');
    const { html, text } = personalTokenValues(input);
    const fill = (source: string, map: Record<string, string>) =>
      source.replace(/%%CRIEUR_[A-Z_]+%%/g, (token) => map[token] ?? token);
    expect(fill(compiled.html, html)).toBe(personalise(input).html);
    expect(fill(compiled.text, text)).toBe(personalise(input).text);
    expect(text[PLACEHOLDERS.firstName]).toBe(' Ali ce');
    expect(personalTokenValues(values('9', '')).html[PLACEHOLDERS.firstName]).toBe('');
  });

  it('refuses the same URLs as the personaliser', () => {
    expect(() => personalTokenValues({ ...values('1'), preferencesUrl: 'javascript:alert(1)' })).toThrow(
      InvalidPersonalValueError,
    );
    expect(() => personalTokenValues({ ...values('1'), unsubscribeUrl: 'https://x.example/a b' })).toThrow(
      InvalidPersonalValueError,
    );
  });
});

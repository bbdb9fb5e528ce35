import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../src/index';
import { encode, line, lines, pngBytes, read, readError } from './csv-builders';

const CHUNK_SIZES = [1, 3, 7, 64 * 1024];

describe('readSubscriberCsv: encodings and separators', () => {
  it.each(CHUNK_SIZES)('reads UTF-8 with BOM and ";" (chunks of %i bytes)', async (size) => {
    const text = lines(['Email;Nom;Prénom', 'zoé@exemple.fr;Lefèvre;Zoé', 'marc@Exemple.FR;Dubœuf;Marc']);
    // zoé@ has a non-ASCII local part: zod's email refuses it
    const { rows, problems } = await read(encode(text, 'utf8-bom'), size);
    expect(rows).toEqual([{ line: 3, email: 'marc@exemple.fr', name: 'Marc Dubœuf' }]);
    expect(problems).toEqual([{ line: 2, reason: 'invalid_email', value: 'zoé@exemple.fr' }]);
  });

  it.each(CHUNK_SIZES)('reads Windows-1252 with accents and a Courriel header (chunks of %i bytes)', async (size) => {
    const text = lines(
      [
        'Prénom;Nom;Courriel',
        'Hélène;Mère;helene@exemple.fr',
        'François;Cœur;francois@exemple.fr',
        'Ève;Lœillet;eve@exemple.fr',
      ],
      '\r\n',
    );
    const { rows, problems } = await read(encode(text, 'windows-1252'), size);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, email: 'helene@exemple.fr', name: 'Hélène Mère' },
      { line: 3, email: 'francois@exemple.fr', name: 'François Cœur' },
      { line: 4, email: 'eve@exemple.fr', name: 'Ève Lœillet' },
    ]);
  });

  it('switches to Windows-1252 when the first accent comes after a long ASCII start', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `Nom${i};n${i}@exemple.fr`);
    const text = lines(['Nom;Email', ...ascii, 'Bérénice;berenice@exemple.fr']);
    const { rows } = await read(encode(text, 'windows-1252'), 4096);
    expect(rows.at(-1)).toEqual({ line: 3002, email: 'berenice@exemple.fr', name: 'Bérénice' });
  });

  it('reads UTF-16 with BOM, tab separated (Excel "Texte Unicode")', async () => {
    const text = lines(
      ['Adresse électronique\tNom complet', 'anaïs@exemple.fr\tAnaïs', 'anais@exemple.fr\tAnaïs Martin'],
      '\r\n',
    );
    const { rows } = await read(encode(text, 'utf16le-bom'), 5);
    expect(rows).toEqual([{ line: 3, email: 'anais@exemple.fr', name: 'Anaïs Martin' }]);
  });

  it.each(CHUNK_SIZES)(
    'reads "," with quoted fields holding ",", ";" and line breaks (chunks of %i bytes)',
    async (size) => {
      const text = lines([
        line(['Nom complet', 'E-mail', 'Adresse postale'], ','),
        line(['Dupont, Jean', 'jean@exemple.fr', '3 rue des Lilas\n75011 Paris'], ','),
        line(['Martin; Léa', 'lea@exemple.fr', 'Bât. "B"\r\nÉtage 2\r\nPorte 4'], ','),
        line(['Sans adresse', 'sans@exemple.fr', ''], ','),
      ]);
      const { rows, problems } = await read(encode(text), size);
      expect(problems).toEqual([]);
      expect(rows).toEqual([
        { line: 2, email: 'jean@exemple.fr', name: 'Dupont, Jean' },
        { line: 4, email: 'lea@exemple.fr', name: 'Martin; Léa' },
        { line: 7, email: 'sans@exemple.fr', name: 'Sans adresse' },
      ]);
    },
  );

  it('reads a tab-separated file', async () => {
    const text = lines(['Mail\tName\tNotes', 'a@exemple.fr\tAlice\tx;y,z', 'b@exemple.fr\tBob\t']);
    const { rows } = await read(encode(text));
    expect(rows.map((row) => [row.line, row.email, row.name])).toEqual([
      [2, 'a@exemple.fr', 'Alice'],
      [3, 'b@exemple.fr', 'Bob'],
    ]);
  });

  it.each(['\n', '\r\n', '\r'] as const)('counts physical lines the same with %j line breaks', async (eol) => {
    const text = lines(['Email;Nom', 'a@exemple.fr;"Deux\nlignes"', '', 'b@exemple.fr;B'], eol, false);
    const { rows } = await read(encode(text), 2);
    expect(rows.map((row) => row.line)).toEqual([2, 5]);
  });

  it('finds the columns in any order and case, with or without accents, ignoring extra columns', async () => {
    const text = lines([
      'ID;ville;NOM;adresse E-MAIL;date;PRENOM',
      '1;Lyon;  Durand ;  <Paul.Durand@Exemple.Org> ;2024-01-01;Paul',
      '2;Nantes;;mailto:x@exemple.org;;',
    ]);
    const { rows } = await read(encode(text));
    expect(rows).toEqual([
      { line: 2, email: 'Paul.Durand@exemple.org', name: 'Paul Durand' },
      { line: 3, email: 'x@exemple.org', name: '' },
    ]);
  });
});

describe('readSubscriberCsv: files that are not subscriber lists', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'EMPTY_FILE'],
    ['a file of blank lines', encode('\r\n \r\n;;;\r\n'), 'EMPTY_FILE'],
    ['a header without rows', encode('Email;Nom\r\n;\r\n'), 'EMPTY_FILE'],
    [
      'a file with no email column',
      encode(lines(['Nom;Prénom;Ville', 'Dupont;Jean;Lyon', 'a;b;c@d.fr'])),
      'NO_EMAIL_COLUMN',
    ],
    ['PNG bytes', pngBytes(), 'NOT_TEXT'],
    ['an .xlsx (zip) file', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 1)]), 'NOT_TEXT'],
    ['binary with NUL bytes', Buffer.concat([encode('Email\n'), Buffer.alloc(64, 0), encode('a@b.fr\n')]), 'NOT_TEXT'],
  ])('rejects %s before any event', async (_label, bytes, code) => {
    const { error, events } = await readError(bytes);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe(code);
    expect((error as ImportFileError).message).toMatch(/[a-zé]/);
    if (code !== 'EMPTY_FILE') expect(events).toEqual([]);
    expect(events.filter((event) => event.type === 'row')).toEqual([]);
  });

  it('rejects a header with an unclosed quote rather than guessing another header', async () => {
    const { error } = await readError(encode(lines(['"Email;Nom', 'a@b.fr;A'])));
    expect((error as ImportFileError).code).toBe('UNREADABLE');
  });

  it('reports progress about every 64 KB and once at the end', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `p${i}@exemple.fr;Personne ${i}`);
    const bytes = encode(lines(['Email;Nom', ...body]));
    const { progress, rows } = await read(bytes, 10_000);
    expect(rows).toHaveLength(20_000);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress.length).toBeGreaterThanOrEqual(Math.floor(bytes.length / 65_536));
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(bytes.length / 65_536) + 1);
  });
});

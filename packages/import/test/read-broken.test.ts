import { describe, expect, it } from 'vitest';
import { readSubscriberCsv } from '../src/index';
import { chunks, encode, line, lines, read } from './csv-builders';

describe('readSubscriberCsv: broken and messy files', () => {
  it.each([1, 5, 64 * 1024])(
    'reports an unclosed quote as one malformed line and reads on (chunks of %i bytes)',
    async (size) => {
      const text = lines(
        [
          'Nom;Email',
          'Avant;avant@exemple.fr',
          '"Dupont;dupont@exemple.fr',
          'Martin;martin@exemple.fr',
          'Jean "JJ" Doe;jj@exemple.fr',
          '"Léa";"lea@exemple.fr"',
          'Fin;fin@exemple.fr',
        ],
        '\r\n',
      );
      const { rows, problems } = await read(encode(text), size);
      expect(problems).toEqual([{ line: 3, reason: 'malformed_line', value: '"Dupont;dupont@exemple.fr' }]);
      expect(rows.map((row) => [row.line, row.email, row.name])).toEqual([
        [2, 'avant@exemple.fr', 'Avant'],
        [4, 'martin@exemple.fr', 'Martin'],
        [5, 'jj@exemple.fr', 'Jean "JJ" Doe'],
        [6, 'lea@exemple.fr', 'Léa'],
        [7, 'fin@exemple.fr', 'Fin'],
      ]);
    },
  );

  it.each(['utf8', 'utf16le-bom'] as const)(
    'reports a line with a control character in a cell it reads, stripped (%s)',
    async (encoding) => {
      // enough ordinary lines that four control bytes stay below the 1 % that marks a binary file
      const tail = Array.from({ length: 100 }, (_, i) => `T${i};t${i}@exemple.fr;`);
      const text = lines([
        'Nom;Email;Notes',
        'Ma\u0000rie;marie@exemple.fr;',
        'Esc;e\u001bsc@exemple.fr;',
        'Del\u007f;del@exemple.fr;',
        'Ok;ok@exemple.fr;bip\u0007',
        ...tail,
      ]);
      const { rows, problems } = await read(encode(text, encoding), 7);
      expect(problems).toEqual([
        { line: 2, reason: 'control_character', value: 'marie@exemple.fr' },
        { line: 3, reason: 'control_character', value: 'esc@exemple.fr' },
        { line: 4, reason: 'control_character', value: 'del@exemple.fr' },
      ]);
      // a column the import ignores costs no one their subscription
      expect(rows.slice(0, 2).map((row) => [row.line, row.email, row.name])).toEqual([
        [5, 'ok@exemple.fr', 'Ok'],
        [6, 't0@exemple.fr', 'T0'],
      ]);
      expect(rows).toHaveLength(101);
    },
  );

  it('recovers from an unclosed quote with no other quote until the end of the file', async () => {
    const tail = Array.from({ length: 50 }, (_, i) => `T${i};t${i}@exemple.fr`);
    const text = lines(['Nom;Email', '"Ouvert;ouvert@exemple.fr', ...tail]);
    const { rows, problems } = await read(encode(text), 100);
    expect(problems).toEqual([{ line: 2, reason: 'malformed_line', value: '"Ouvert;ouvert@exemple.fr' }]);
    expect(rows).toHaveLength(50);
    expect(rows[0]).toEqual({ line: 3, email: 't0@exemple.fr', name: 'T0' });
    expect(rows.at(-1)?.line).toBe(52);
  });

  it('recovers from several broken lines in a row, and from one running past the record size limit', async () => {
    const long = Array.from({ length: 2000 }, (_, i) => `L${i};l${i}@exemple.fr`);
    const text = lines([
      'Nom;Email',
      '"Un;un@exemple.fr',
      '"Deux;deux@exemple.fr',
      'Bon;bon@exemple.fr',
      '"Trois;trois@exemple.fr',
      ...long,
    ]);
    const { rows, problems } = await read(encode(text));
    expect(problems.map((problem) => [problem.line, problem.reason])).toEqual([
      [2, 'malformed_line'],
      [3, 'malformed_line'],
      [5, 'malformed_line'],
    ]);
    expect(rows).toHaveLength(2001);
    expect(rows[0]).toEqual({ line: 4, email: 'bon@exemple.fr', name: 'Bon' });
    expect(rows.at(-1)?.line).toBe(2005);
  });

  it('keeps the first of 10,000 copies of one address and reports the 9,999 others', async () => {
    const copies = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 === 0 ? 'Same;same@exemple.fr' : 'Same;SAME@Exemple.fr',
    );
    const text = lines([
      'Nom;Email',
      'Autre;autre@exemple.fr',
      ...copies,
      'Encore;encore@exemple.fr',
      'Autre bis;AUTRE@exemple.fr',
    ]);
    const { rows, problems } = await read(encode(text));
    expect(rows).toEqual([
      { line: 2, email: 'autre@exemple.fr', name: 'Autre' },
      { line: 3, email: 'same@exemple.fr', name: 'Same' },
      { line: 10_003, email: 'encore@exemple.fr', name: 'Encore' },
    ]);
    expect(problems).toHaveLength(10_000);
    expect(problems.filter((problem) => problem.value.toLowerCase() === 'same@exemple.fr')).toHaveLength(9_999);
    expect(problems.every((problem) => problem.reason === 'duplicate_in_file')).toBe(true);
    expect(problems.at(-1)).toEqual({ line: 10_004, reason: 'duplicate_in_file', value: 'AUTRE@exemple.fr' });
  });

  it('skips empty lines and lines of only separators silently, keeping line numbers', async () => {
    const text = lines([
      '',
      'Email;Nom;Ville',
      '',
      ';;',
      ' ; ; ',
      'a@exemple.fr;A;',
      ';;;;;;',
      '',
      'b@exemple.fr;B;Lyon',
      ';;Paris',
    ]);
    const { rows, problems } = await read(encode(text));
    expect(rows.map((row) => row.line)).toEqual([6, 9]);
    expect(problems).toEqual([{ line: 10, reason: 'missing_email', value: '' }]);
  });

  it('reports invalid and missing addresses with the raw cell, truncated to 200 characters', async () => {
    const huge = `${'x'.repeat(300)}@exemple.fr`;
    const text = lines([
      'Email;Nom',
      'pas une adresse;A',
      ';Sans adresse',
      `${huge};B`,
      'jean@;C',
      '@exemple.fr;D',
      'a@b;E',
    ]);
    const { rows, problems } = await read(encode(text));
    expect(rows).toEqual([]);
    expect(problems.map((problem) => [problem.line, problem.reason])).toEqual([
      [2, 'invalid_email'],
      [3, 'missing_email'],
      [4, 'invalid_email'],
      [5, 'invalid_email'],
      [6, 'invalid_email'],
      [7, 'invalid_email'],
    ]);
    expect(problems[2]?.value).toBe(huge.slice(0, 200));
  });

  it('never lets a formula through: email cell invalid, name stripped of its leading sign', async () => {
    const text = lines([
      line(['Nom', 'Email']),
      line(['=HYPERLINK("http://evil","x")', 'ok@exemple.fr']),
      line(['Victime', '=HYPERLINK("http://evil","x")']),
      line(['+cmd|calc', 'plus@exemple.fr']),
      line(['@SUM(A1)', '-moins@exemple.fr']),
    ]);
    const { rows, problems } = await read(encode(text));
    expect(rows).toEqual([
      { line: 2, email: 'ok@exemple.fr', name: 'HYPERLINK("http://evil","x")' },
      { line: 4, email: 'plus@exemple.fr', name: 'cmd|calc' },
      { line: 5, email: '-moins@exemple.fr', name: 'SUM(A1)' },
    ]);
    expect(problems).toEqual([{ line: 3, reason: 'invalid_email', value: '=HYPERLINK("http://evil","x")' }]);
  });

  it('collapses whitespace in names and caps them at 200 characters', async () => {
    const text = lines([
      line(['Prénom', 'Nom', 'Email']),
      line(['  Marie\u00a0 Claire ', ' de   La\nFontaine ', 'mc@exemple.fr']),
      line(['', 'N'.repeat(500), 'n@exemple.fr']),
    ]);
    const { rows } = await read(encode(text));
    expect(rows[0]?.name).toBe('Marie Claire de La Fontaine');
    expect(rows[1]?.name).toBe('N'.repeat(200));
  });

  it('lets the caller stop early without reading the rest', async () => {
    const text = lines(['Email', ...Array.from({ length: 1000 }, (_, i) => `s${i}@exemple.fr`)]);
    let seen = 0;
    for await (const event of readSubscriberCsv(chunks(encode(text), 100))) {
      if (event.type === 'row' && ++seen === 3) break;
    }
    expect(seen).toBe(3);
  });
});

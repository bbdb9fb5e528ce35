import { describe, expect, it } from 'vitest';
import { readSubscriberCsv, writeCsv } from '../src/index';

async function written(header: string[], rows: Iterable<string[]> | AsyncIterable<string[]>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of writeCsv(header, rows)) parts.push(part);
  return Buffer.concat(parts);
}

async function* slowly(rows: string[][]): AsyncGenerator<string[]> {
  for (const row of rows) yield row;
}

describe('writeCsv', () => {
  it('writes UTF-8 with BOM, ";" separators and CRLF, quoting as needed', async () => {
    const bytes = await written(
      ['Email', 'Nom'],
      [
        ['a@exemple.fr', 'Dupont; Jean'],
        ['b@exemple.fr', 'Dit "Bob"\nle second'],
      ],
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'Email;Nom\r\na@exemple.fr;"Dupont; Jean"\r\nb@exemple.fr;"Dit ""Bob""\nle second"\r\n',
    );
  });

  it('prefixes every cell a spreadsheet would run as a formula', async () => {
    const bytes = await written(
      ['=Email', 'Nom'],
      [
        ['=1+1', '+33 6 00'],
        ['-2', '@SUM(A1)'],
        ['\tx', '\ry'],
        ['a=b', 'ok'],
      ],
    );
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe(`'=Email;Nom\r\n'=1+1;'+33 6 00\r\n'-2;'@SUM(A1)\r\n'\tx;"'\ry"\r\na=b;ok\r\n`);
  });

  it('streams large exports in several chunks from an async source', async () => {
    const rows = Array.from({ length: 1_234 }, (_, i) => [`p${i}@exemple.fr`, `Personne ${i}`]);
    const parts: Buffer[] = [];
    for await (const part of writeCsv(['Email', 'Nom'], slowly(rows))) parts.push(part);
    expect(parts.length).toBeGreaterThan(2);
    expect(Buffer.concat(parts).toString('utf8').split('\r\n')).toHaveLength(1_236);
  });

  it('round-trips through readSubscriberCsv', async () => {
    const people = [
      ['zoe@exemple.fr', 'Zoé', 'Lefèvre, "la grande"'],
      ['marc@exemple.fr', 'Marc', 'Dubœuf\nseconde ligne'],
      ['paul@exemple.fr', '=Paul', 'Durand;Martin'],
      ['-tiret@exemple.fr', '', '@Tiret'],
    ];
    const bytes = await written(['Courriel', 'Prénom', 'Nom'], people);
    const rows = [];
    async function* once(): AsyncGenerator<Uint8Array> {
      yield bytes;
    }
    for await (const event of readSubscriberCsv(once())) if (event.type === 'row') rows.push(event.row);
    expect(rows).toEqual([
      { line: 2, email: 'zoe@exemple.fr', name: 'Zoé Lefèvre, "la grande"' },
      { line: 3, email: 'marc@exemple.fr', name: 'Marc Dubœuf seconde ligne' },
      { line: 5, email: 'paul@exemple.fr', name: 'Paul Durand;Martin' },
      { line: 6, email: '-tiret@exemple.fr', name: 'Tiret' },
    ]);
  });
});

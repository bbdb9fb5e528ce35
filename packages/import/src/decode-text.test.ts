import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from './import-file-error';
import { completeUtf8Length, decodeText } from './decode-text';

async function decode(bytes: Buffer, size: number): Promise<string> {
  async function* input(): AsyncGenerator<Buffer> {
    for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
  }
  const parts: Buffer[] = [];
  for await (const part of decodeText(input())) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

const TEXT = 'Prénom;Nom\nFrançois;Cœur\nÈve;Lœillet — 😀\n';

describe('decodeText', () => {
  it.each([1, 2, 3, 5, 1000])('keeps UTF-8 intact across chunks of %i bytes and drops the BOM', async (size) => {
    expect(await decode(Buffer.from(TEXT), size)).toBe(TEXT);
    expect(await decode(Buffer.from(`\ufeff${TEXT}`), size)).toBe(TEXT);
  });

  it.each([1, 7, 1000])('decodes Windows-1252 (chunks of %i bytes)', async (size) => {
    const latin = 'Prénom;Nom\nFrançois;Cœur\nÈve;Lœillet\n';
    expect(await decode(iconv.encode(latin, 'windows-1252'), size)).toBe(latin);
  });

  it('decodes UTF-16 with either BOM', async () => {
    expect(await decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 3)).toBe(TEXT);
    expect(await decode(iconv.encode(TEXT, 'utf-16be', { addBOM: true }), 3)).toBe(TEXT);
  });

  it('refuses binary content', async () => {
    await expect(decode(Buffer.from([1, 2, 3, 0, 5, 6]), 10)).rejects.toBeInstanceOf(ImportFileError);
  });
});

describe('completeUtf8Length', () => {
  it('holds back an incomplete trailing sequence only', () => {
    const euro = Buffer.from('a€'); // 61 e2 82 ac
    expect(completeUtf8Length(euro)).toBe(4);
    expect(completeUtf8Length(euro.subarray(0, 3))).toBe(1);
    expect(completeUtf8Length(euro.subarray(0, 2))).toBe(1);
    expect(completeUtf8Length(Buffer.from('abc'))).toBe(3);
  });
});

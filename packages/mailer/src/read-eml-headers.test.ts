import { describe, expect, it } from 'vitest';
import { outboxFileName, outboxFileTime } from './outbox-file-name';
import { decodeEncodedWords, readEmlHeaders } from './read-eml-headers';

describe('readEmlHeaders', () => {
  it('unfolds and decodes To, Subject and Date, and stops at the body', () => {
    const raw = [
      'From: =?UTF-8?Q?d=C3=A9mocratieS?= <lettre@example.org>',
      'To: lectrice@example.org',
      'Subject: =?UTF-8?Q?Lettre_des_adh=C3=A9rent=C2=B7es_?=',
      ' =?UTF-8?Q?=E2=80=94_=C3=A9t=C3=A9?=',
      'Date: Mon, 23 Nov 2026 12:51:20 +0000',
      '',
      'Subject: not a header',
    ].join('\r\n');
    expect(readEmlHeaders(raw)).toEqual({
      to: 'lectrice@example.org',
      subject: 'Lettre des adhérent·es — été',
      date: 'Mon, 23 Nov 2026 12:51:20 +0000',
    });
  });

  it('decodes base64 words and leaves plain text and unknown charsets alone', () => {
    expect(decodeEncodedWords(`=?utf-8?B?${Buffer.from('Démocratie').toString('base64')}?= vivante`)).toBe(
      'Démocratie vivante',
    );
    expect(decodeEncodedWords('Bonjour')).toBe('Bonjour');
    expect(decodeEncodedWords('=?x-unknown?Q?abc?=')).toBe('=?x-unknown?Q?abc?=');
  });

  it('copes with a message that has no header end', () => {
    expect(readEmlHeaders('Subject: seul')).toEqual({ to: '', subject: 'seul', date: undefined });
  });
});

describe('outboxFileName', () => {
  it('encodes the time with dashes and reads it back', () => {
    const at = new Date('2026-01-31T09:15:02.123Z');
    const file = outboxFileName({ at, random: '1a2b3c4d' });
    expect(file).toBe('2026-01-31T09-15-02-123Z-1a2b3c4d.eml');
    expect(outboxFileTime(file)).toEqual(at);
    expect(outboxFileName({ at })).toMatch(/^2026-01-31T09-15-02-123Z-[0-9a-f]{8}\.eml$/);
    expect(outboxFileTime('notes.eml')).toBeUndefined();
  });
});

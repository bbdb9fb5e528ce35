import { describe, expect, it } from 'vitest';
import { buildHeaders, buildMailOptions } from './build-mail-options';
import { parseOutboundMessage } from './outbound-message';
import type { OutboundMessage } from './outbound-message';

const transactional: OutboundMessage = {
  to: 'lectrice@example.org',
  from: 'démocratieS <lettre@example.org>',
  subject: 'Confirmez votre inscription',
  html: '<p>Bonjour</p>',
  text: 'Bonjour',
  kind: 'transactional',
};
const list: OutboundMessage = {
  ...transactional,
  kind: 'list',
  list: { id: 'membres.crieur.example.org', name: 'Lettre des membres' },
  unsubscribe: { url: 'https://crieur.example.org/unsubscribe/abc' },
};

const asRecord = (message: OutboundMessage) =>
  Object.fromEntries(buildHeaders(message).map((header) => [header.key, header.value.value]));

describe('buildHeaders', () => {
  it('marks transactional mail auto-generated, with no List-* header', () => {
    expect(asRecord(transactional)).toEqual({ 'Auto-Submitted': 'auto-generated' });
  });

  it('gives list mail List-Id, one-click List-Unsubscribe and no Auto-Submitted', () => {
    expect(asRecord(list)).toEqual({
      'List-Id': '"Lettre des membres" <membres.crieur.example.org>',
      'List-Unsubscribe': '<https://crieur.example.org/unsubscribe/abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('adds the mailto target after the https one, with or without its scheme', () => {
    const withAddress = asRecord({ ...list, unsubscribe: { url: 'https://x.example/u', mailto: 'stop@example.org' } });
    const withUrl = asRecord({
      ...list,
      unsubscribe: { url: 'https://x.example/u', mailto: 'mailto:stop@example.org?subject=stop' },
    });
    expect(withAddress['List-Unsubscribe']).toBe('<https://x.example/u>, <mailto:stop@example.org>');
    expect(withUrl['List-Unsubscribe']).toBe('<https://x.example/u>, <mailto:stop@example.org?subject=stop>');
  });

  it('encodes a non-ASCII list name and quotes specials in an ASCII one', () => {
    expect(asRecord({ ...list, list: { id: 'adherents.example.org', name: 'Adhérent·es' } })['List-Id']).toBe(
      '=?UTF-8?Q?Adh=C3=A9rent=C2=B7es?= <adherents.example.org>',
    );
    expect(asRecord({ ...list, list: { id: 'a.example.org', name: 'Say "hi"' } })['List-Id']).toBe(
      '"Say \\"hi\\"" <a.example.org>',
    );
  });
});

describe('buildMailOptions', () => {
  it('sends both parts in quoted-printable with the given Message-ID in brackets', () => {
    const options = buildMailOptions(
      { ...transactional, replyTo: 'redaction@example.org' },
      { messageId: 'c1-r2@example.org' },
    );
    expect(options).toMatchObject({
      to: 'lectrice@example.org',
      replyTo: 'redaction@example.org',
      text: 'Bonjour',
      html: '<p>Bonjour</p>',
      messageId: '<c1-r2@example.org>',
      textEncoding: 'quoted-printable',
    });
    expect(buildMailOptions(transactional, { messageId: 'a@b.c' })).not.toHaveProperty('replyTo');
  });
});

describe('parseOutboundMessage', () => {
  const refuses = (message: OutboundMessage, pattern: RegExp) =>
    expect(() => parseOutboundMessage(message)).toThrow(pattern);

  it('refuses list mail without list or unsubscribe URL, and transactional mail with them', () => {
    refuses({ ...list, unsubscribe: undefined }, /unsubscribe: list mail needs unsubscribe\.url/);
    refuses({ ...list, list: undefined }, /list: list mail needs list/);
    refuses({ ...transactional, list: list.list }, /transactional mail takes no list/);
  });

  it('refuses a non-web unsubscribe URL and header-breaking values', () => {
    refuses({ ...list, unsubscribe: { url: 'ftp://crieur.example.org/u' } }, /unsubscribe\.url/);
    refuses({ ...list, unsubscribe: { url: 'https://x.example/a,b' } }, /percent-encode/);
    refuses({ ...transactional, subject: 'Bonjour\r\nBcc: x@example.org' }, /subject must fit on one line/);
    refuses({ ...list, list: { id: 'pas un id', name: 'x' } }, /list\.id/);
  });

  it('accepts exactly one bare recipient address', () => {
    refuses({ ...transactional, to: 'a@example.org, b@example.org' }, /one bare address/);
    refuses({ ...transactional, to: 'Lectrice <a@example.org>' }, /one bare address/);
    expect(parseOutboundMessage(transactional).to).toBe('lectrice@example.org');
  });

  it('refuses a Message-ID given with its brackets', () => {
    refuses({ ...transactional, messageId: '<a@example.org>' }, /messageId/);
  });

  it('names fields in its errors, never their values', () => {
    expect(() => parseOutboundMessage({ ...transactional, to: 'secret-address, x@example.org' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-address') }),
    );
  });
});

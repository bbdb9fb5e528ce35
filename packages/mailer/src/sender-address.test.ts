import { describe, expect, it } from 'vitest';
import { listDomain, mailFromAddress, mailFromName, senderOf } from './sender-address';

const organisation = {
  name: 'Institut de la concertation',
  senderName: 'ICPC',
  senderEmail: 'bonjour@icpc.example',
  replyTo: 'contact@icpc.example',
};

describe('the sending identity', () => {
  it('takes the campaign name, then the sender name, the organisation name, MAIL_FROM’s name', () => {
    const mailFrom = 'démocratieS <lettre@lettre.example>';
    expect(senderOf({ mailFrom, organisation, fromName: 'L’équipe "ICPC"' }).from).toBe(
      '"L’équipe \\"ICPC\\"" <bonjour@icpc.example>',
    );
    expect(senderOf({ mailFrom, organisation, fromName: ' ' }).from).toBe('"ICPC" <bonjour@icpc.example>');
    expect(senderOf({ mailFrom, organisation: { ...organisation, senderName: '' } }).from).toBe(
      '"Institut de la concertation" <bonjour@icpc.example>',
    );
    const unset = { name: '', senderName: '', senderEmail: '', replyTo: '' };
    expect(senderOf({ mailFrom, organisation: unset }).from).toBe('"démocratieS" <lettre@lettre.example>');
    expect(senderOf({ mailFrom: 'lettre@localhost', organisation: unset })).toEqual({
      from: 'lettre@localhost',
      envelopeFrom: 'lettre@localhost',
    });
  });

  it('keeps the envelope on MAIL_FROM and refuses a stored address that is not one mailbox', () => {
    const sender = senderOf({ mailFrom: 'lettre@lettre.example', organisation });
    expect(sender.envelopeFrom).toBe('lettre@lettre.example');
    const broken = senderOf({
      mailFrom: 'lettre@lettre.example',
      organisation: { ...organisation, senderEmail: 'a@b.example, c@d.example', replyTo: 'x@y\r\nBcc: z@w' },
    });
    expect(broken.from).toBe('"ICPC" <lettre@lettre.example>');
    expect(broken.replyTo).toBeUndefined();
    expect(senderOf({ mailFrom: 'l@x.example', organisation, fromName: 'Ligne\r\nBcc: z@w' }).from).toBe(
      '"Ligne Bcc: z@w" <bonjour@icpc.example>',
    );
  });

  it('takes the campaign’s Reply-To, else the organisation’s', () => {
    expect(senderOf({ mailFrom: 'l@x.example', organisation, replyTo: 'redaction@icpc.example' }).replyTo).toBe(
      'redaction@icpc.example',
    );
    expect(senderOf({ mailFrom: 'l@x.example', organisation, replyTo: '' }).replyTo).toBe('contact@icpc.example');
  });

  it('gives a dotted List-Id domain even on localhost', () => {
    expect(listDomain('http://localhost:3000')).toBe('localhost.local');
    expect(listDomain('https://democraties.example')).toBe('democraties.example');
  });

  it('reads the bare address and the display name of MAIL_FROM', () => {
    expect(mailFromAddress('démocratieS <lettre@icpc.example>')).toBe('lettre@icpc.example');
    expect(mailFromAddress(' lettre@icpc.example ')).toBe('lettre@icpc.example');
    expect(mailFromName('"L\'ICPC \\"lettre\\"" <lettre@icpc.example>')).toBe('L\'ICPC "lettre"');
    expect(mailFromName('lettre@icpc.example')).toBe('');
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { CampaignMessageInput, CampaignRecipient } from './campaign-message';
import { InvalidMessageError } from './outbound-message';
import { prepareCampaignMessage } from './prepare-campaign-message';
import { createDkimSigner } from './sign-raw';

// the tokens @crieur/newsletter leaves in a compiled campaign
const NAME = '%%CRIEUR_FIRST_NAME%%';
const UNSUBSCRIBE = '%%CRIEUR_UNSUBSCRIBE_URL%%';
const PREFERENCES = '%%CRIEUR_PREFERENCES_URL%%';
const WEB = '%%CRIEUR_WEB_URL%%';
const TOKENS = [NAME, UNSUBSCRIBE, PREFERENCES, WEB];

const paragraph =
  'Chères et chers membres, ce trimestre a été riche en rencontres : conventions citoyennes locales, budgets participatifs et débats publics se sont multipliés partout en France.';
const campaign: CampaignMessageInput = {
  from: 'démocratieS <lettre@example.org>',
  replyTo: 'Rédaction <redaction@example.org>',
  subject: 'Lettre des adhérent·es — n° 12 : démocratie alimentaire, agenda et offres',
  html: `<html><body><a href="${WEB}">Version en ligne</a>\n<p>Bonjour${NAME},</p>\n<p>${paragraph.repeat(3)}</p>\n.point en début de ligne\n<p><a href="${UNSUBSCRIBE}">Se désinscrire</a> · <a href="${PREFERENCES}">Préférences</a></p></body></html>`,
  text: `Version en ligne : ${WEB}\n\nBonjour${NAME},\n\n${paragraph}\n\nSe désinscrire : ${UNSUBSCRIBE}\nPréférences : ${PREFERENCES}\n`,
  list: { id: 'adherents.crieur.example.org', name: 'Lettre des adhérent·es' },
  unsubscribeMailto: 'desinscription@example.org',
  tokens: TOKENS,
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function recipient(id: string, name = `Prénom${id}`, overrides: Partial<CampaignRecipient> = {}): CampaignRecipient {
  const links = {
    [UNSUBSCRIBE]: `https://crieur.example.org/unsubscribe/tok-${id}`,
    [PREFERENCES]: `https://crieur.example.org/preferences/tok-${id}`,
    [WEB]: `https://crieur.example.org/archive/lettre-12?r=${id}&v=1`,
  };
  const text = { [NAME]: name === '' ? '' : ` ${name}`, ...links };
  return {
    to: `lectrice-${id}@example.org`,
    messageId: `c12-${id}@crieur.example.org`,
    unsubscribeUrl: links[UNSUBSCRIBE] ?? '',
    date: new Date('2026-03-02T09:30:00Z'),
    htmlValues: Object.fromEntries(Object.entries(text).map(([token, value]) => [token, escapeHtml(value)])),
    textValues: text,
    ...overrides,
  };
}

const prepared = prepareCampaignMessage(campaign);
const links = (mail: ParsedMail) =>
  [...`${mail.text ?? ''} ${mail.html || ''}`.matchAll(/https:\/\/crieur\.example\.org\/[^\s"<)]+/g)].map((match) =>
    match[0].replace(/&amp;/g, '&'),
  );
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines
    .find((line) => line.key === name)
    ?.line.replace(/\r?\n[ \t]+/g, ' ')
    .slice(name.length + 1)
    .trim();

describe('prepareCampaignMessage', () => {
  it('renders a multipart/alternative message with the recipient’s own headers and values', async () => {
    const raw = prepared.render(recipient('42', 'Zoé'));
    const mail = await simpleParser(raw);
    expect(mail.from?.value).toEqual([{ name: 'démocratieS', address: 'lettre@example.org' }]);
    expect(mail.replyTo?.value).toEqual([{ name: 'Rédaction', address: 'redaction@example.org' }]);
    expect(mail.to).toMatchObject({ value: [{ address: 'lectrice-42@example.org', name: '' }] });
    expect(mail.subject).toBe(campaign.subject);
    expect(mail.messageId).toBe('<c12-42@crieur.example.org>');
    expect(mail.date?.toISOString()).toBe('2026-03-02T09:30:00.000Z');
    expect(header(mail, 'list-unsubscribe')).toBe(
      '<https://crieur.example.org/unsubscribe/tok-42>, <mailto:desinscription@example.org>',
    );
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(mail, 'list-id')).toBe('=?UTF-8?Q?Lettre_des_adh=C3=A9rent=C2=B7es?= <adherents.crieur.example.org>');
    expect(raw.toString('latin1')).toMatch(
      /^Content-Type: multipart\/alternative;\r\n boundary="=_part_[0-9a-f]{32}"\r\n/m,
    );
    expect(mail.text).toBe(
      `Version en ligne : https://crieur.example.org/archive/lettre-12?r=42&v=1\n\nBonjour Zoé,\n\n${paragraph}\n\nSe désinscrire : https://crieur.example.org/unsubscribe/tok-42\nPréférences : https://crieur.example.org/preferences/tok-42\n`,
    );
    expect(mail.html).toContain(
      '<a href="https://crieur.example.org/archive/lettre-12?r=42&#38;v=1">Version en ligne</a>',
    );
    expect(mail.html).toContain(`<p>Bonjour Zoé,</p>\n<p>${paragraph.repeat(3)}</p>\n.point en début de ligne\n`);
    expect(mail.html).toContain('<a href="https://crieur.example.org/unsubscribe/tok-42">Se désinscrire</a>');
    for (const token of TOKENS) expect(raw.toString('latin1')).not.toContain(token);
  });

  it('never lets two recipients share a personal link, over 200 interleaved renders', async () => {
    const raws = Array.from({ length: 200 }, (_, i) => prepared.render(recipient(`r${i}x`)));
    const owners = new Map<string, number>();
    for (const [i, raw] of raws.entries()) {
      const mail = await simpleParser(raw);
      const found = [...links(mail), header(mail, 'list-unsubscribe') ?? ''];
      expect(found).toHaveLength(7);
      expect(found.every((link) => link.includes(`tok-r${i}x`) || link.includes(`r=r${i}x&`))).toBe(true);
      for (const link of found) expect(owners.get(link) ?? i).toBe(i);
      for (const link of found) owners.set(link, i);
    }
  });

  it('carries a 300-character URL and a name with markup and accents through quoted-printable', async () => {
    const long = `https://crieur.example.org/unsubscribe/${'a1B2-c3_D4'.repeat(27)}`;
    expect(long.length).toBeGreaterThanOrEqual(300);
    const name = 'Zoé <script>alert("x")</script> Ç’est « ça » 😀';
    const base = recipient('1', name);
    const raw = prepared.render({
      ...base,
      unsubscribeUrl: long,
      htmlValues: { ...base.htmlValues, [UNSUBSCRIBE]: long },
      textValues: { ...base.textValues, [UNSUBSCRIBE]: long },
    });
    const mail = await simpleParser(raw);
    expect(mail.text).toContain(`Bonjour ${name},`);
    expect(mail.text).toContain(`Se désinscrire : ${long}\n`);
    expect(mail.html).toContain(`<p>Bonjour ${escapeHtml(name)},</p>`);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(`<a href="${long}">`);
    expect(header(mail, 'list-unsubscribe')).toBe(`<${long}>, <mailto:desinscription@example.org>`);
  });

  it('keeps body lines within 76 characters and header lines within 78 unless one word is longer', () => {
    const long = `https://crieur.example.org/unsubscribe/${'x'.repeat(400)}`;
    const raw = prepared.render({ ...recipient('1', 'é'.repeat(100)), unsubscribeUrl: long }).toString('latin1');
    const end = raw.indexOf('\r\n\r\n');
    const head = raw.slice(0, end);
    const body = raw.slice(end + 4);
    expect(body.split('\r\n').every((line) => line.length <= 76)).toBe(true);
    for (const line of head.split('\r\n')) expect(line.length <= 78 || line === ` <${long}>,`, line).toBe(true);
    // 7-bit, and SMTP-ready as is: no bare CR or LF, no line starting with "."
    expect(raw).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(raw).not.toMatch(/(^|\r\n)\./);
  });

  it('puts each value on lines of its own, so no placeholder or value shares a line with prebuilt text', () => {
    const raw = prepared.render(recipient('7', 'Zoé')).toString('latin1');
    expect(raw).toContain('Bonjour=\r\n Zo=C3=A9=\r\n,');
    expect(raw).toContain('href=3D"=\r\nhttps://crieur.example.org/unsubscribe/tok-7=\r\n">Se d=C3=A9sinscrire');
  });

  it('handles a token at the very start or end, adjacent tokens and an empty value', async () => {
    const edge = prepareCampaignMessage({
      ...campaign,
      html: `${NAME}${WEB}<p>x</p>${UNSUBSCRIBE}`,
      text: `${NAME}${NAME}\n${UNSUBSCRIBE}`,
    });
    const mail = await simpleParser(edge.render(recipient('9', '')));
    expect(mail.html).toBe(
      'https://crieur.example.org/archive/lettre-12?r=9&#38;v=1<p>x</p>https://crieur.example.org/unsubscribe/tok-9',
    );
    expect(mail.text).toBe('\nhttps://crieur.example.org/unsubscribe/tok-9');
  });

  it('folds a long accented list name and subject into short lines that decode back', async () => {
    const name = 'Lettre des adhérent·es de l’Institut de la concertation et de la participation citoyenne';
    const long = prepareCampaignMessage({
      ...campaign,
      subject: `${name} — ${name}`,
      list: { ...campaign.list, name },
    });
    const raw = long.render(recipient('3'));
    const head = raw.toString('latin1').slice(0, raw.indexOf('\r\n\r\n'));
    expect(head.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(`${name} — ${name}`);
    expect(header(mail, 'list-id')).toMatch(/^=\?UTF-8\?Q\?.+\?= <adherents\.crieur\.example\.org>$/);
  });

  it('gives the same bytes for the same input, with a boundary that follows the content', () => {
    const again = prepareCampaignMessage(campaign);
    expect(again.render(recipient('1')).equals(prepared.render(recipient('1')))).toBe(true);
    const boundary = (raw: Buffer) => /boundary="([^"]+)"/.exec(raw.toString('latin1'))?.[1];
    const other = prepareCampaignMessage({ ...campaign, text: `${campaign.text}PS\n` });
    expect(boundary(other.render(recipient('1')))).not.toBe(boundary(prepared.render(recipient('1'))));
  });

  it('refuses header injection in every per-recipient and campaign header value', () => {
    const refused = (overrides: Partial<CampaignRecipient>, pattern: RegExp) =>
      expect(() => prepared.render(recipient('1', 'x', overrides))).toThrow(pattern);
    refused({ to: 'a@example.org\r\nBcc: b@example.org' }, /to must be one bare address/);
    refused({ to: 'a@example.org, b@example.org' }, /to must be one bare address/);
    refused({ messageId: 'a@example.org>\r\nBcc: b@example.org' }, /messageId/);
    refused({ unsubscribeUrl: 'https://x.example/u\r\nBcc: b@example.org' }, /unsubscribeUrl/);
    refused({ unsubscribeUrl: 'https://x.example/a>, <https://evil.example/' }, /unsubscribeUrl/);
    refused({ unsubscribeUrl: 'javascript:alert(1)' }, /unsubscribeUrl/);
    const invalid = (overrides: Partial<CampaignMessageInput>, pattern: RegExp) =>
      expect(() => prepareCampaignMessage({ ...campaign, ...overrides })).toThrow(pattern);
    invalid({ subject: 'Lettre\r\nBcc: b@example.org' }, /subject must fit on one line/);
    invalid({ from: 'Lettre <a@example.org>\r\nBcc: b@example.org' }, /from must fit on one line/);
    invalid({ from: 'a@example.org, b@example.org' }, /from must be one mailbox/);
    invalid({ list: { id: 'pas un id', name: 'x' } }, /list\.id/);
    invalid({ unsubscribeMailto: 'stop@example.org>, <https://evil.example' }, /unsubscribeMailto/);
    invalid({ tokens: [NAME, NAME] }, /tokens must be distinct/);
  });

  it('keeps a line break in a body value inside the body', async () => {
    const base = recipient('1');
    const mail = await simpleParser(
      prepared.render({ ...base, textValues: { ...base.textValues, [NAME]: ' Zoé\r\nBcc: b@example.org' } }),
    );
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.text).toContain('Bonjour Zoé\nBcc: b@example.org,');
  });

  it('names the missing value and never the recipient in its errors', () => {
    const base = recipient('1');
    const { [WEB]: _web, ...partial } = base.htmlValues;
    expect(() => prepared.render({ ...base, htmlValues: partial })).toThrow(InvalidMessageError);
    expect(() => prepared.render({ ...base, htmlValues: partial })).toThrow(/htmlValues: no value for a token/);
    expect(() => prepared.render({ ...base, to: 'secret-address' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-address') }),
    );
  });
});

describe('prepareCampaignMessage with DKIM', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signer = createDkimSigner({ domain: 'example.org', selector: 'crieur', privateKey });
  // whitespace runs, tabs, trailing and whitespace-only lines: what relaxed canonicalisation rewrites
  const spaced = prepareCampaignMessage({
    ...campaign,
    html: `<p>Bonjour${NAME},</p>\n\n   \n<pre>a\t\tb   c  </pre>  \n${paragraph}\t\n<a href="${UNSUBSCRIBE}">x</a>${WEB}${PREFERENCES}`,
    text: `Bonjour${NAME},  \n\n\t\n${paragraph}   \n${UNSUBSCRIBE}\n${WEB} ${PREFERENCES}\n\n\n`,
  });

  it.each([
    ['a plain name', 'Zoé'],
    ['no name', ''],
    ['runs of spaces and tabs', 'Jean  \t Paul   '],
    ['a line break', 'Zoé\r\n  Bcc: x'],
    ['a long name', 'Marie-Éléonore '.repeat(12)],
  ])('signs the same bytes as signing the rendered message, with %s', (_label, name) => {
    for (const message of [prepared, spaced]) {
      const signed = message.render(recipient('5', name), { dkim: signer });
      // RSA PKCS#1 v1.5 is deterministic, so equal bytes mean an equal body hash and signature
      expect(signed.equals(signer.sign(message.render(recipient('5', name))))).toBe(true);
    }
  });

  it('accepts the DKIM settings as well as a signer', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const signed = prepared.render(recipient('6'), {
      dkim: { domain: 'example.org', selector: 'crieur', privateKey: pem },
    });
    expect(signed.equals(prepared.render(recipient('6'), { dkim: signer }))).toBe(true);
    expect(signed.toString('latin1')).toMatch(
      /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=example\.org;/,
    );
  });
});

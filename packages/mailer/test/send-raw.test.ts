import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// the package entry loads BIMI and undici 8, which needs Node 22: take the DKIM verifier alone
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, InvalidMessageError, prepareCampaignMessage, SmtpSendError } from '../src/index';
import type { CampaignRecipient, Mailer } from '../src/index';
import { headerLine, startSmtpSink } from './smtp-sink';
import type { SmtpSink } from './smtp-sink';

const NAME = '%%CRIEUR_FIRST_NAME%%';
const UNSUBSCRIBE = '%%CRIEUR_UNSUBSCRIBE_URL%%';
const prepared = prepareCampaignMessage({
  from: 'démocratieS <lettre@example.org>',
  subject: 'La lettre de démocratieS — printemps',
  html: `<p>Bonjour${NAME},</p>\n<p>${'Un paragraphe accentué, assez long pour être replié. '.repeat(20)}</p>\n<a href="${UNSUBSCRIBE}">Se désinscrire</a>`,
  text: `Bonjour${NAME},\n\n.ligne qui commence par un point\n\nSe désinscrire : ${UNSUBSCRIBE}\n`,
  list: { id: 'democraties.crieur.example.org', name: 'démocratieS' },
  unsubscribeMailto: 'desinscription@example.org',
  tokens: [NAME, UNSUBSCRIBE],
});

function rawFor(to: string, id: string): { raw: Buffer; messageId: string } {
  const url = `https://crieur.example.org/unsubscribe/tok-${id}`;
  const recipient: CampaignRecipient = {
    to,
    date: new Date('2026-03-02T09:30:00Z'),
    messageId: `c3-${id}@crieur.example.org`,
    unsubscribeUrl: url,
    htmlValues: { [NAME]: ` Zoé ${id}`, [UNSUBSCRIBE]: url },
    textValues: { [NAME]: ` Zoé ${id}`, [UNSUBSCRIBE]: url },
  };
  return { raw: prepared.render(recipient), messageId: recipient.messageId };
}

const send = (mailer: Mailer, to: string, id = to.split('@')[0] ?? '') =>
  mailer.sendRaw({ envelope: { from: 'rebonds@example.org', to }, ...rawFor(to, id) });

let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent/never-used', maxConnections: 3 });
});
afterEach(() => {
  sink.received.length = 0;
});
afterAll(async () => {
  await mailer.close();
  await sink.close();
});

describe('sendRaw over SMTP', () => {
  it('sends a message given as chunks (shared prebuilt parts) byte for byte as the whole one, and still escapes unsafe chunks', async () => {
    const url = 'https://crieur.example.org/unsubscribe/tok-c';
    const recipient: CampaignRecipient = {
      to: 'chunks@example.org',
      date: new Date('2026-03-02T09:30:00Z'),
      messageId: 'c3-c@crieur.example.org',
      unsubscribeUrl: url,
      htmlValues: { [NAME]: ' Léa', [UNSUBSCRIBE]: url },
      textValues: { [NAME]: ' Léa', [UNSUBSCRIBE]: url },
    };
    const chunks = prepared.renderChunks(recipient);
    expect(chunks.length).toBeGreaterThan(3);
    expect(Buffer.concat(chunks).equals(prepared.render(recipient))).toBe(true);
    await mailer.sendRaw({
      envelope: { from: 'rebonds@example.org', to: 'chunks@example.org' },
      raw: chunks,
      messageId: recipient.messageId,
    });
    expect(sink.received[0]?.raw).toBe(prepared.render(recipient).toString('latin1'));
    // a chunk starting a line with "." must still be dot-stuffed on the wire (the server removes the stuffing)
    const unsafe = [Buffer.from('Subject: x\r\n\r\nline\r\n'), Buffer.from('.dot first\r\n')];
    await mailer.sendRaw({
      envelope: { from: 'rebonds@example.org', to: 'dots@example.org' },
      raw: unsafe,
      messageId: 'dots@crieur.example.org',
    });
    expect(sink.received[1]?.raw).toBe('Subject: x\r\n\r\nline\r\n.dot first\r\n');
  });

  it('delivers the prebuilt bytes intact, with their own Message-ID', async () => {
    const { raw } = rawFor('lectrice@example.org', '1');
    const result = await send(mailer, 'lectrice@example.org', '1');
    expect(result).toEqual({ messageId: 'c3-1@crieur.example.org', response: expect.stringMatching(/^250/) });
    const [mail] = sink.received;
    // dot-stuffing undone by the server: the very bytes we built
    expect(mail?.raw).toBe(raw.toString('latin1'));
    expect(mail?.parsed.text).toContain('Bonjour Zoé 1,\n\n.ligne qui commence par un point');
    expect(mail?.parsed.html).toContain('<a href="https://crieur.example.org/unsubscribe/tok-1">');
    expect(headerLine(mail!.parsed, 'List-Unsubscribe')).toBe(
      '<https://crieur.example.org/unsubscribe/tok-1>, <mailto:desinscription@example.org>',
    );
  });

  it('sends 60 messages at once over a few reused connections, each to its own recipient', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `n${i}`);
    const before = sink.connections();
    await Promise.all(ids.map((id) => send(mailer, `${id}@example.org`, id)));
    expect(sink.received).toHaveLength(60);
    // maxConnections is 3, and earlier tests may have left some open
    expect(sink.connections() - before).toBeLessThanOrEqual(3);
    for (const mail of sink.received) {
      const id = /^n\d+/.exec(mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.text : '')?.[0];
      expect(mail.parsed.text).toContain(`Bonjour Zoé ${id},`);
      expect(mail.parsed.text).toContain(`tok-${id}\n`);
    }
  });

  it('throws a permanent, suppressing SmtpSendError on 550 5.1.1, then keeps sending on the same pool', async () => {
    const error = await send(mailer, 'inconnu@example.org').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SmtpSendError);
    expect(error).toMatchObject({ code: 550, enhancedCode: '5.1.1', permanent: true, suppress: true });
    expect((error as Error).message).not.toContain('inconnu');
    await send(mailer, 'suivante@example.org');
    expect(sink.received.map((mail) => mail.parsed.messageId)).toEqual(['<c3-suivante@crieur.example.org>']);
  });

  it('throws a transient SmtpSendError on 451 4.3.0', async () => {
    const error = await send(mailer, 'plus-tard@example.org').catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'SmtpSendError',
      code: 451,
      enhancedCode: '4.3.0',
      permanent: false,
      suppress: false,
    });
  });

  it('throws a transient SmtpSendError with no code when nothing listens', async () => {
    const offline = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', outboxDir: '/nonexistent/never-used' });
    const error = await send(offline, 'a@example.org').catch((caught: unknown) => caught);
    await offline.close();
    expect(error).toBeInstanceOf(SmtpSendError);
    expect(error).toMatchObject({ permanent: false, suppress: false, code: undefined });
  });

  it('refuses an envelope with several recipients before connecting', async () => {
    await expect(
      mailer.sendRaw({
        envelope: { from: 'rebonds@example.org', to: 'a@example.org, b@example.org' },
        ...rawFor('a@example.org', 'x'),
      }),
    ).rejects.toThrow(InvalidMessageError);
    expect(sink.received).toHaveLength(0);
  });

  it('delivers a message signed at render once, even through a mailer that signs its own mail', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    const dkim = {
      domain: 'example.org',
      selector: 'crieur',
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    const signing = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent/never-used', dkim });
    const url = 'https://crieur.example.org/unsubscribe/tok-s';
    const values = { [NAME]: ' Zoé', [UNSUBSCRIBE]: url };
    const raw = prepared.render(
      {
        to: 'signee@example.org',
        messageId: 'c3-s@crieur.example.org',
        unsubscribeUrl: url,
        htmlValues: values,
        textValues: values,
      },
      { dkim },
    );
    await signing.sendRaw({
      envelope: { from: 'rebonds@example.org', to: 'signee@example.org' },
      raw,
      messageId: 'c3-s@crieur.example.org',
    });
    await signing.close();
    const [mail] = sink.received;
    expect(mail?.raw.match(/^DKIM-Signature:/gm)).toHaveLength(1);
    const resolver = async (name: string, type: string) => {
      if (type === 'TXT' && name === 'crieur._domainkey.example.org') return [[record]];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    const { results } = await dkimVerify(Buffer.from(mail?.raw ?? '', 'latin1'), { resolver });
    expect(results[0]?.status.result).toBe('pass');
    expect(results[0]?.signingHeaders?.keys.toLowerCase().split(': ')).toEqual(
      expect.arrayContaining([
        'list-unsubscribe',
        'list-unsubscribe-post',
        'list-id',
        'to',
        'message-id',
        'from',
        'subject',
        'date',
      ]),
    );
  });
});

describe('sendRaw to the outbox', () => {
  it('writes the bytes as an .eml file named by time', async () => {
    const outboxDir = join(tmpdir(), `crieur-outbox-${randomUUID()}`);
    const outbox = createMailer({ outboxDir });
    try {
      const result = await send(outbox, 'lectrice@example.org', '2');
      const [file] = await readdir(outboxDir);
      expect(file).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-[0-9a-f]{8}\.eml$/);
      expect(result).toEqual({ messageId: 'c3-2@crieur.example.org', response: `250 written to outbox as ${file}` });
      expect((await readFile(join(outboxDir, file ?? ''))).equals(rawFor('lectrice@example.org', '2').raw)).toBe(true);
    } finally {
      await outbox.close();
      await rm(outboxDir, { recursive: true, force: true });
    }
  });
});

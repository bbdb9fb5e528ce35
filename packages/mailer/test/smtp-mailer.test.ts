import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, SmtpSendError } from '../src/index';
import type { Mailer } from '../src/index';
import { decodeEncodedWords } from '../src/read-eml-headers';
import { buildMessage } from './build-message';
import { headerLine, startSmtpSink } from './smtp-sink';
import type { SmtpSink } from './smtp-sink';

let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent/never-used' });
});
afterEach(() => {
  sink.received.length = 0;
});
afterAll(async () => {
  await mailer.close();
  await sink.close();
});

async function sendAndCatch(to: string): Promise<unknown> {
  return mailer.send(buildMessage({ kind: 'transactional', to })).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('SMTP mailer', () => {
  it('sends transactional mail with Auto-Submitted and no List-* headers', async () => {
    const result = await mailer.send(
      buildMessage({ kind: 'transactional', messageId: 'confirm-42@crieur.example.org' }),
    );
    expect(mailer.kind).toBe('smtp');
    expect(result.messageId).toBe('confirm-42@crieur.example.org');
    expect(result.response).toMatch(/^250/);
    const [mail] = sink.received;
    expect(mail?.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect([...(mail?.parsed.headers.keys() ?? [])].filter((key) => key.startsWith('list-'))).toEqual([]);
    expect(mail?.parsed.messageId).toBe('<confirm-42@crieur.example.org>');
    expect(mail?.parsed.subject).toBe('Confirmez votre inscription à la lettre de démocratieS');
  });

  it('sends list mail with List-Id, one-click List-Unsubscribe and both parts in UTF-8', async () => {
    await mailer.send(buildMessage({ kind: 'list', replyTo: 'redaction@example.org' }));
    const [mail] = sink.received;
    if (!mail) throw new Error('nothing received');
    expect(mail.raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(mail.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
    expect(mail.raw).toMatch(/^Content-Type: text\/html; charset=utf-8/m);
    expect(mail.parsed.text?.trim()).toBe('Bonjour, été 2026');
    expect(mail.parsed.html).toContain('<strong>été</strong>');
    expect(mail.parsed.headers.has('auto-submitted')).toBe(false);
    expect(mail.parsed.replyTo?.text).toBe('redaction@example.org');
    // mailparser folds List-* into one structured `list` header, so read the raw lines
    expect(headerLine(mail.parsed, 'List-Unsubscribe')).toBe(
      '<https://crieur.example.org/unsubscribe/tok_123>, <mailto:desinscription@example.org>',
    );
    expect(headerLine(mail.parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(headerLine(mail.parsed, 'List-Id')).toBe(
      '=?UTF-8?Q?Lettre_des_adh=C3=A9rent=C2=B7es?= <adherents.crieur.example.org>',
    );
    // RFC 2047 words are valid in the List-Id phrase; mailparser leaves them encoded
    const list = mail.parsed.headers.get('list') as { id: { id: string; name: string } };
    expect(list.id.id).toBe('adherents.crieur.example.org');
    expect(decodeEncodedWords(list.id.name)).toBe('Lettre des adhérent·es');
  });

  it('throws a permanent, suppressing SmtpSendError when the server answers 550 5.1.1', async () => {
    const error = await sendAndCatch('inconnu@example.org');
    expect(error).toBeInstanceOf(SmtpSendError);
    expect(error).toMatchObject({ code: 550, enhancedCode: '5.1.1', permanent: true, suppress: true });
    expect((error as Error).message).not.toContain('inconnu@example.org');
    expect(sink.received).toHaveLength(0);
  });

  it('throws a transient SmtpSendError when the server answers 451 4.3.0', async () => {
    const error = await sendAndCatch('plus-tard@example.org');
    expect(error).toBeInstanceOf(SmtpSendError);
    expect(error).toMatchObject({ code: 451, enhancedCode: '4.3.0', permanent: false, suppress: false });
  });

  it('throws a transient SmtpSendError when nothing listens', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const offline = createMailer({ smtpUrl: `smtp://127.0.0.1:${closedPort}`, outboxDir: '/nonexistent/never-used' });
    const error = await offline.send(buildMessage({ kind: 'transactional' })).catch((caught: unknown) => caught);
    await offline.close();
    expect(error).toBeInstanceOf(SmtpSendError);
    expect(error).toMatchObject({ permanent: false, suppress: false });
    expect((error as SmtpSendError).code).toBeUndefined();
  });

  it('delivers through a pool too', async () => {
    const pooled = createMailer({
      smtpUrl: sink.url,
      outboxDir: '/nonexistent/never-used',
      pool: true,
      maxConnections: 2,
    });
    await Promise.all(
      ['a', 'b', 'c'].map((name) => pooled.send(buildMessage({ kind: 'transactional', to: `${name}@example.org` }))),
    );
    await pooled.close();
    expect(sink.received.map((mail) => mail.parsed.headers.get('auto-submitted'))).toEqual([
      'auto-generated',
      'auto-generated',
      'auto-generated',
    ]);
  });
});

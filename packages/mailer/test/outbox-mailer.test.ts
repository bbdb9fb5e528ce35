import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, InvalidMessageError, listOutbox } from '../src/index';
import { buildMessage } from './build-message';
import { verifyDkim } from './verify-dkim';

let outboxDir: string;

beforeEach(() => {
  outboxDir = join(tmpdir(), `crieur-outbox-${randomUUID()}`);
});
afterEach(async () => {
  await rm(outboxDir, { recursive: true, force: true });
});

describe('outbox mailer', () => {
  it('writes a parseable .eml named by time, never by recipient, and lists it', async () => {
    const mailer = createMailer({ outboxDir });
    expect(mailer.kind).toBe('outbox');
    const result = await mailer.send(buildMessage({ kind: 'list', to: 'lectrice@example.org' }));
    await mailer.close();

    const files = await readdir(outboxDir);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{8}\.eml$/);
    expect(file).not.toContain('lectrice');
    expect(result.response).toContain(file);

    const parsed = await simpleParser(await readFile(join(outboxDir, file ?? '')));
    expect(parsed.to).toMatchObject({ text: 'lectrice@example.org' });
    expect(parsed.subject).toBe('Lettre des adhérent·es — n° 12');
    expect(parsed.text?.trim()).toBe('Bonjour, été 2026');
    expect(parsed.html).toContain('<strong>été</strong>');
    expect(parsed.messageId).toBe(`<${result.messageId}>`);
    expect(result.messageId).toMatch(/@example\.org$/);

    const entries = await listOutbox(outboxDir);
    expect(entries).toEqual([
      {
        file,
        at: expect.any(Date),
        to: 'lectrice@example.org',
        subject: 'Lettre des adhérent·es — n° 12',
        size: expect.any(Number),
      },
    ]);
  });

  it('lists newest first, honours the limit and treats a missing folder as empty', async () => {
    await mkdir(outboxDir, { recursive: true });
    const eml = (subject: string) =>
      `To: a@example.org\r\nSubject: ${subject}\r\nDate: Thu, 01 Jan 2026 10:00:00 +0000\r\n\r\nbody\r\n`;
    await writeFile(join(outboxDir, '2026-01-01T10-00-00-000Z-aaaaaaaa.eml'), eml('ancien'));
    await writeFile(join(outboxDir, '2026-03-01T10-00-00-000Z-bbbbbbbb.eml'), eml('récent'));
    await writeFile(join(outboxDir, 'notes.txt'), 'not a message');
    const entries = await listOutbox(outboxDir, { limit: 1 });
    expect(entries.map((entry) => [entry.subject, entry.at.toISOString()])).toEqual([
      ['récent', '2026-03-01T10:00:00.000Z'],
    ]);
    expect(await listOutbox(join(outboxDir, 'absent'))).toEqual([]);
  });

  it('signs with DKIM, covering List-Unsubscribe and List-Unsubscribe-Post', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const mailer = createMailer({
      outboxDir,
      dkim: {
        domain: 'example.org',
        selector: 'crieur',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    await mailer.send(buildMessage({ kind: 'list' }));
    const [file] = await readdir(outboxDir);
    const raw = await readFile(join(outboxDir, file ?? ''), 'utf8');
    expect(raw).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=example\.org;/);
    const check = verifyDkim(raw, publicKey);
    expect(check.signedHeaders).toEqual(
      expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'list-id', 'from', 'subject']),
    );
    expect(check).toMatchObject({ valid: true, bodyHashMatches: true });
    // a relay that rewrites the unsubscribe target breaks the signature
    const tampered = raw.replace('unsubscribe/tok_123', 'unsubscribe/tok_999');
    expect(verifyDkim(tampered, publicKey).valid).toBe(false);
  });

  it('refuses list mail without an unsubscribe URL or a List-Id, and writes nothing', async () => {
    const mailer = createMailer({ outboxDir });
    await expect(mailer.send(buildMessage({ kind: 'list', unsubscribe: undefined }))).rejects.toThrow(
      InvalidMessageError,
    );
    await expect(mailer.send(buildMessage({ kind: 'list', list: undefined }))).rejects.toThrow(/list mail needs list/);
    expect(await listOutbox(outboxDir)).toEqual([]);
  });
});

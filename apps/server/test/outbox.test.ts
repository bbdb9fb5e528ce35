import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '@crieur/mailer';
import { startHarness, type Harness } from './harness';

describe('the outbox folder, listed for staff (PGlite)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-outbox-'));
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ backend: 'pglite', env: { DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the emails written without SMTP, newest first, to senders only', async () => {
    const mailer = createMailer({ outboxDir: path.join(dataDir, 'outbox') });
    await mailer.send({
      kind: 'transactional',
      to: 'a@example.org',
      from: 'lettre@democraties.example',
      subject: 'Premier',
      html: '<p>1</p>',
      text: '1',
    });
    await new Promise((r) => setTimeout(r, 20));
    await mailer.send({
      kind: 'transactional',
      to: 'b@example.org',
      from: 'lettre@democraties.example',
      subject: 'Confirmez votre inscription',
      html: '<p>2</p>',
      text: '2',
    });
    await mailer.close();
    const sender = h.client();
    await sender.login((await h.createStaff('sender')).email);
    const res = (await sender.request('GET', '/api/outbox')).json();
    expect(res.mode).toBe('outbox');
    expect(res.messages.map((m: { to: string; subject: string }) => [m.to, m.subject])).toEqual([
      ['b@example.org', 'Confirmez votre inscription'],
      ['a@example.org', 'Premier'],
    ]);
    const author = h.client();
    await author.login((await h.createStaff('author')).email);
    expect((await author.request('GET', '/api/outbox')).statusCode).toBe(403);
  });
});

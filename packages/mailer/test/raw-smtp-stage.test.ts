// Whether a failed message may have been delivered, told by real sockets cut at each SMTP stage (STACK.md: nodemailer
// says 'CONN' for any close or timeout, so the stage comes from the pool's own body stream, tested here end to end).
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMailer, SmtpSendError } from '../src/index';
import type { CreateMailerOptions, Mailer } from '../src/index';
import { buildMessage } from './build-message';
import { closedPort, startScriptedSmtp } from './scripted-smtp';
import type { ScriptedSmtp, ScriptedSmtpOptions } from './scripted-smtp';

// short enough for tests; the bounds asserted below are loose (3 s) so a busy machine does not flake them
const TIMEOUTS = { connectMs: 2000, greetingMs: 300, socketMs: 800 };
const BOUND_MS = 3000;

const servers: ScriptedSmtp[] = [];
const mailers: Mailer[] = [];
afterEach(async () => {
  await Promise.all(mailers.splice(0).map((mailer) => mailer.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(options: ScriptedSmtpOptions = {}): Promise<ScriptedSmtp> {
  const started = await startScriptedSmtp(options);
  servers.push(started);
  return started;
}

function mailer(url: string, extra: Partial<CreateMailerOptions> = {}): Mailer {
  // one connection, so "the next message went out on a fresh connection" is countable
  const outboxDir = '/nonexistent/never-used';
  const created = createMailer({ smtpUrl: url, outboxDir, maxConnections: 1, timeouts: TIMEOUTS, ...extra });
  mailers.push(created);
  return created;
}

const message = (to: string) => ({
  envelope: { from: 'rebonds@example.org', to },
  raw: [Buffer.from(`To: ${to}\r\nSubject: stage\r\n\r\n`), Buffer.from('Bonjour.\r\n')],
  messageId: `${randomUUID()}@crieur.example.org`,
});

/** The SmtpSendError a send (or probe) rejects with, and how long it took. */
async function failure(attempt: Promise<unknown>): Promise<{ error: SmtpSendError; ms: number }> {
  const start = performance.now();
  const caught = await attempt.then(
    () => undefined,
    (error: unknown) => error,
  );
  const ms = performance.now() - start;
  expect(caught).toBeInstanceOf(SmtpSendError);
  return { error: caught as SmtpSendError, ms };
}

describe.each([true, false])('sendRaw knows the SMTP stage of a failure (server pipelining: %s)', (pipelining) => {
  it('the server closes the socket after the final dot, before replying: stage data, no code', async () => {
    const smtp = await server({ pipelining });
    const pool = mailer(smtp.url);
    const { error } = await failure(pool.sendRaw(message('cut-after-dot@example.org')));
    expect(error).toMatchObject({ stage: 'data', permanent: false });
    expect(error.code).toBeUndefined();
    await pool.sendRaw(message('next@example.org'));
    expect(smtp.delivered).toEqual(['next@example.org']);
    expect(smtp.connections()).toBe(2);
  });

  it('the server accepts TCP and never greets: rejected within the greeting timeout, stage before-data', async () => {
    const smtp = await server({ pipelining, greet: (connection) => connection > 1 });
    const pool = mailer(smtp.url);
    const { error, ms } = await failure(pool.sendRaw(message('first@example.org')));
    expect(error).toMatchObject({ stage: 'before-data', permanent: false });
    expect(error.code).toBeUndefined();
    expect(ms).toBeLessThan(BOUND_MS);
    await pool.sendRaw(message('next@example.org'));
    expect(smtp.delivered).toEqual(['next@example.org']);
    expect(smtp.connections()).toBe(2);
  });

  it('the server takes the whole message and stays silent: rejected after the socket timeout, stage data', async () => {
    const smtp = await server({ pipelining });
    const pool = mailer(smtp.url);
    const { error, ms } = await failure(pool.sendRaw(message('silent-after-dot@example.org')));
    expect(error).toMatchObject({ stage: 'data', permanent: false });
    expect(error.code).toBeUndefined();
    // it did wait for the server: the socket timeout, not an early give-up
    expect(ms).toBeGreaterThan(TIMEOUTS.socketMs / 2);
    expect(ms).toBeLessThan(BOUND_MS);
    await pool.sendRaw(message('next@example.org'));
    expect(smtp.delivered).toEqual(['next@example.org']);
    expect(smtp.connections()).toBe(2);
  });

  it('connection refused: stage before-data; once a server listens there, the same pool sends', async () => {
    const port = await closedPort();
    const pool = mailer(`smtp://127.0.0.1:${port}`);
    const { error, ms } = await failure(pool.sendRaw(message('first@example.org')));
    expect(error).toMatchObject({ stage: 'before-data', permanent: false });
    expect(error.code).toBeUndefined();
    expect(ms).toBeLessThan(BOUND_MS);
    const smtp = await server({ pipelining, port });
    await pool.sendRaw(message('next@example.org'));
    expect(smtp.delivered).toEqual(['next@example.org']);
  });

  it('451 at RCPT: code 451, stage before-data; the next message goes out', async () => {
    const smtp = await server({ pipelining });
    const pool = mailer(smtp.url);
    const { error } = await failure(pool.sendRaw(message('later@example.org')));
    expect(error).toMatchObject({ code: 451, enhancedCode: '4.3.0', stage: 'before-data', permanent: false });
    await pool.sendRaw(message('next@example.org'));
    expect(smtp.delivered).toEqual(['next@example.org']);
    // the session was sound: the pool reset it and kept it rather than opening another
    expect(smtp.connections()).toBe(1);
  });

  it('554 after the final dot: code 554, stage data, permanent; the next message goes out', async () => {
    const smtp = await server({ pipelining });
    const pool = mailer(smtp.url);
    const { error } = await failure(pool.sendRaw(message('refused-after-dot@example.org')));
    expect(error).toMatchObject({ code: 554, enhancedCode: '5.7.1', stage: 'data', permanent: true });
    await pool.sendRaw(message('next@example.org'));
    expect(smtp.delivered).toEqual(['next@example.org']);
  });
});

describe('probe', () => {
  it('greets, EHLOs, authenticates when the URL has credentials, then QUITs, sending no message', async () => {
    const smtp = await server();
    await mailer(smtp.url.replace('smtp://', 'smtp://crieur:secret@')).probe();
    const verbs = () => smtp.commands.map((command) => command.line.split(' ')[0]);
    // probe resolves on the server's answer to EHLO and AUTH; QUIT follows on its own
    await vi.waitFor(() => expect(verbs()).toEqual(['EHLO', 'AUTH', 'QUIT']));
    expect(smtp.delivered).toEqual([]);
  });

  it('rejects quickly, stage before-data, against a server that never greets and against a closed port', async () => {
    const silent = await server({ greet: () => false });
    const { error: silentError, ms: silentMs } = await failure(mailer(silent.url).probe());
    expect(silentError).toMatchObject({ stage: 'before-data', permanent: false });
    expect(silentMs).toBeLessThan(BOUND_MS);
    const refused = mailer(`smtp://127.0.0.1:${await closedPort()}`);
    const { error: refusedError, ms: refusedMs } = await failure(refused.probe());
    expect(refusedError).toMatchObject({ stage: 'before-data', permanent: false });
    expect(refusedMs).toBeLessThan(BOUND_MS);
  });

  it('resolves at once for the outbox, which has no server', async () => {
    const outbox = createMailer({ outboxDir: join(tmpdir(), `crieur-outbox-${randomUUID()}`) });
    await expect(outbox.probe()).resolves.toBeUndefined();
    await outbox.close();
  });
});

describe('the stage outside the raw pool', () => {
  it('an outbox write that fails is stage before-data', async () => {
    // a folder inside a regular file can never be created, even as root
    const file = join(tmpdir(), `crieur-not-a-folder-${randomUUID()}`);
    await writeFile(file, '');
    const outbox = createMailer({ outboxDir: join(file, 'outbox') });
    try {
      const { error } = await failure(outbox.sendRaw(message('lectrice@example.org')));
      expect(error).toMatchObject({ stage: 'before-data', errorCode: 'ENOTDIR' });
    } finally {
      await outbox.close();
      await rm(file, { force: true });
    }
  });

  it('a transactional send through the nodemailer transport stays stage unknown', async () => {
    const offline = mailer(`smtp://127.0.0.1:${await closedPort()}`);
    const { error } = await failure(offline.send(buildMessage({ kind: 'transactional' })));
    expect(error).toMatchObject({ stage: 'unknown', permanent: false });
  });
});

import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken } from '@crieur/auth';
import { createUser } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { createSafeLogger } from '@crieur/safe-text';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { createLogger } from '../src';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';
import { inviteWithLink } from './invitation-link';

// Real failures (PostgreSQL refusing a NUL, a check constraint, a missing table, a mail server's refusal)
// whose queries, rows and replies carry addresses, names and tokens: none of them may reach a log line.
const people = {
  nul: { email: 'leonie.marchand@exemple.test', name: 'Léonie Marchand' },
  form: { email: 'gaspard.piege@exemple.test', name: 'Gaspard Piège' },
  staffAdded: { email: 'aurore.piege@exemple.test', name: 'Aurore Piège' },
  invited: { email: 'ines.piege@exemple.test', name: 'Inès Piège' },
  reader: { email: 'octave.lerouge@exemple.test', name: 'Octave Lerouge' },
  worker: { email: 'rosalie.vautrin@exemple.test', name: 'Rosalie Vautrin' },
};
// our tokens: 43 base64url characters; job ids such as confirm-<uuid> are as long but hold a uuid
const TOKEN_LIKE = /(?<![\w-])[A-Za-z0-9_-]{43,}(?![\w-])/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('logs hold no address, name or token, whatever fails (PostgreSQL, Redis, SMTP)', () => {
  let h: Harness;
  let admin: Client;
  let workers: RunningWorkers | undefined;
  let smtp: SMTPServer;
  let mailer: Mailer;
  const workerLines: string[] = [];
  const secrets: string[] = [];
  const db = () => h.database.db;

  beforeAll(async () => {
    h = await startHarness({
      deps: { subscribe: { perIpPerMinute: 1000, perAddressPerHour: 1000 } },
      // the audit's case with the rule bypassed: a handler hands PostgreSQL a NUL, through the server's error path
      beforeReady: (app, database) => {
        app.post('/test/raw-user', async (request) => {
          const { email, name } = request.body as { email: string; name: string };
          return createUser(database.db, { email, name: `${name}\u0000`, role: 'author', status: 'invited' });
        });
      },
    });
    admin = h.client();
    await admin.login((await h.createStaff('admin')).email);
    // a mail server whose refusal quotes the address and the name, as real ones do
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const refusal = Object.assign(
          new Error(`<${address.address}> (${people.worker.name}): mailbox busy, try later`),
          { responseCode: 451 },
        );
        callback(refusal);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`,
      outboxDir: '/nonexistent',
    });
    for (const p of Object.values(people)) secrets.push(p.email, p.name, ...p.name.split(' '));
  });
  afterAll(async () => {
    await workers?.close(5_000);
    await mailer?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await h?.close();
  });

  it('logs a NUL refused by PostgreSQL as class and code only', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/test/raw-user', payload: people.nul });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(failures()).toContainEqual(
      expect.objectContaining({ type: 'DrizzleQueryError', cause: expect.objectContaining({ code: '22021' }) }),
    );
  });

  it('logs a constraint violation without the failing row PostgreSQL describes', async () => {
    await db().execute(`alter table subscribers add constraint test_no_piege check (name not like '%Piège%')`);
    const staffAdd = { ...people.staffAdded, lists: ['membres'], consentSource: 'AG 2026' };
    expect((await admin.request('POST', '/api/subscribers', staffAdd)).statusCode).toBe(500);
    // PostgreSQL's detail ("Failing row contains (…)") holds the address and the name: it must not be logged
    expect(failures()).toContainEqual(
      expect.objectContaining({
        cause: expect.objectContaining({ code: '23514', constraint: 'test_no_piege', table: 'subscribers' }),
      }),
    );
    // the public form: whether it fails in the request or after the answer, its log is checked at the end
    const res = await h.app.inject({
      method: 'POST',
      url: '/subscribe',
      payload: { ...people.form, lists: ['membres'], consent: true },
    });
    expect([202, 500]).toContain(res.statusCode);
    await (h.app as { subscribeInbox?: { settled(): Promise<void> } }).subscribeInbox?.settled();
  });

  it('logs a failed invitation acceptance without the name, nor the token in its path', async () => {
    const { token } = await inviteWithLink(
      h,
      admin,
      { email: people.invited.email, role: 'author' },
      { waitForEmailMs: 5_000 },
    );
    secrets.push(token);
    await db().execute(`alter table users add constraint test_no_piege check (name not like '%Piège%')`);
    const res = await h.client().request('POST', `/api/invitations/${token}/accept`, {
      name: people.invited.name,
      password: 'un mot de passe solide et long',
    });
    expect(res.statusCode).toBe(500);
    expect(failures()).toContainEqual(
      expect.objectContaining({ cause: expect.objectContaining({ code: '23514', table: 'users' }) }),
    );
  });

  it('logs a missing table behind a preferences link without the link', async () => {
    const created = await admin.request('POST', '/api/subscribers', {
      ...people.reader,
      lists: ['membres'],
      consentSource: 'AG 2026',
    });
    expect(created.statusCode).toBe(201);
    const token = linkToken(TEST_LINK_KEY, 'preferences', created.json().subscriber.id);
    secrets.push(token);
    await db().execute('alter table subscriptions rename to subscriptions_hidden');
    try {
      const res = await h.app.inject({ method: 'GET', url: `/preferences/${token}`, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(500);
    } finally {
      await db().execute('alter table subscriptions_hidden rename to subscriptions');
    }
    expect(failures()).toContainEqual(expect.objectContaining({ cause: expect.objectContaining({ code: '42P01' }) }));
  });

  it("logs a worker's failed job without the mail server's reply about the person", async () => {
    h.clock.now = new Date();
    workers = await startWorkers({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: h.prefix,
      mode: 'test',
      // the same factory as workers/src/main.ts
      logger: createSafeLogger({
        level: 'info',
        name: 'workers',
        destination: { write: (line: string) => void workerLines.push(line) },
      }),
      mail: {
        db: db(),
        linkKey: TEST_LINK_KEY,
        mailer,
        publicUrl: 'http://localhost:3000',
        mailFrom: 'lettre@democraties.example',
      },
    });
    const res = await h.app.inject({
      method: 'POST',
      url: '/subscribe',
      payload: { ...people.worker, lists: ['membres'], consent: true },
    });
    expect(res.statusCode).toBe(202);
    const end = Date.now() + 15_000;
    while (!workerLines.some((l) => l.includes('"job failed"')) && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    const failed = workerLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'job failed');
    // the reply (address and name) is the error's `response` field: describeError never writes it
    expect(failed?.err).toMatchObject({
      type: 'SmtpSendError',
      code: 451,
      message: expect.stringContaining('SMTP send failed'),
    });
  });

  it('keeps them out whatever shape a call site logs an error in', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      name: 'test',
      destination: { write: (line: string) => void lines.push(line) },
    });
    const input = {
      email: people.nul.email,
      name: `${people.nul.name}\u0000`,
      role: 'author' as const,
      status: 'invited' as const,
    };
    const error = (await createUser(db(), input).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(Error);
    logger.error(error);
    logger.error({ err: error });
    logger.warn({ reason: error.message, nested: { error, list: [error.message] } }, 'reconcile failed');
    logger.warn(`could not save: ${error.message}`);
    logger.info({ job: { data: { email: people.nul.email } } }, 'job for %s', people.nul.email);
    expect(lines).toHaveLength(5);
    expectClean(lines);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      msg: 'Failed query […]',
      err: { type: 'DrizzleQueryError', cause: { code: '22021' } },
    });
  });

  it('the whole server and worker log holds none of the addresses, names and tokens used', () => {
    expect(h.logLines.length).toBeGreaterThan(10);
    expectClean([...h.logLines, ...workerLines]);
  });

  function failures(): {
    type: string;
    code?: string;
    cause?: { code?: string; constraint?: string; table?: string };
  }[] {
    return h.logLines
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'request failed')
      .map((l) => l.err);
  }

  function expectClean(lines: string[]) {
    // pino writes accented letters as they are: the raw text is what an operator would read
    const text = lines.join('');
    for (const secret of secrets) expect(text.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    expect((text.match(TOKEN_LIKE) ?? []).filter((match) => !UUID.test(match))).toEqual([]);
    expect(text).not.toMatch(/Failing row|params:|\\u0000/);
  }
});

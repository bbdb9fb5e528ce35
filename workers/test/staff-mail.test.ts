// Email to the team through the real mail worker: PostgreSQL, Redis, and an SMTP server in this process.
// Each kind renders and goes out once, even when its job runs again; a lost job comes back from the database.
import { randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, hashToken } from '@crieur/auth';
import {
  addComment,
  createArticle,
  createUser,
  findOpenInvitation,
  findOpenPasswordReset,
  inviteStaff,
  listRubriques,
  openDatabase,
  owedStaffMail,
  queueReviewMail,
  requestPasswordReset,
  resendInvitation,
  setStaffPreferences,
  updateUser,
  type Database,
} from '@crieur/db';
import { createTestDatabase, dumpAllRows } from '@crieur/db/testing';
import { createMailer, type Mailer } from '@crieur/mailer';
import { createMailQueue, enqueueStaffMail, staffMailJobId, type MailQueue } from '@crieur/queue';
import { startWorkers, type RunningWorkers } from '../src';
import { startSmtpRecorder, type SmtpRecorder } from './support/smtp-recorder';

const REDIS_URL = 'redis://127.0.0.1:6379';
const PUBLIC_URL = 'https://democraties.example.org';
const HOUR = 3600_000;
const T0 = new Date('2026-03-02T09:00:00Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('staff mail worker', () => {
  const prefix = `test-${randomUUID()}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const clock = { now: T0 };
  let database: Database;
  let dropDb: () => Promise<void>;
  let smtp: SmtpRecorder;
  let mailer: Mailer;
  let queue: MailQueue;
  let workers: RunningWorkers | undefined;
  let admin: { id: string };

  const db = () => database.db;
  const startMailWorkers = async (reconcileEveryMs = 60_000) => {
    workers = await startWorkers({
      redisUrl: REDIS_URL,
      prefix,
      mode: 'test',
      logger: pino({ level: 'silent' }),
      now: () => clock.now,
      mail: {
        db: db(),
        mailer,
        publicUrl: PUBLIC_URL,
        linkKey: Buffer.alloc(32, 7),
        mailFrom: 'démocratieS <equipe@democraties.example.org>',
        reconcileEveryMs,
      },
    });
  };
  const stopWorkers = async () => {
    await workers?.close(5_000);
    workers = undefined;
  };
  const to = (address: string) => smtp.messages.filter((m) => m.to === address.toLowerCase());
  const parsed = (address: string, index = 0): Promise<ParsedMail> => simpleParser(to(address)[index]!.raw);
  const waitForMail = (address: string, count: number) =>
    smtp.waitUntil(() => to(address).length >= count, 15_000, `${count} email(s) to ${address}`);
  /** what the finished job answered (sent, or why not) */
  const outcomeOf = async (staffMailId: string) => {
    const end = Date.now() + 15_000;
    for (;;) {
      const job = await queue.getJob(staffMailJobId(staffMailId));
      // read again once completed: the job read before may predate its return value
      if (job && (await job.isCompleted()))
        return (await queue.getJob(staffMailJobId(staffMailId)))!.returnvalue as { sent: boolean; reason?: string };
      if (Date.now() > end) throw new Error('job did not complete');
      await sleep(50);
    }
  };
  /** the job ran, then its key was lost (Redis flushed) and it comes again: it must send nothing more */
  const runAgain = async (staffMailId: string) => {
    await (await queue.getJob(staffMailJobId(staffMailId)))?.remove();
    await enqueueStaffMail(queue, [staffMailId]);
    return outcomeOf(staffMailId);
  };
  const linkIn = (mail: ParsedMail, path: string) =>
    new RegExp(`${PUBLIC_URL}${path}/([A-Za-z0-9_-]{20,})`).exec(mail.text ?? '')?.[1];
  const person = async (email: string, name: string, role: 'admin' | 'editor' | 'author' = 'author') =>
    createUser(db(), { email, name, role, status: 'active', passwordHash: await hashPassword('x') });

  beforeAll(async () => {
    const t = await createTestDatabase('staffmail');
    database = await openDatabase({ databaseUrl: t.url });
    await database.migrate();
    dropDb = async () => {
      await database.close();
      await t.drop();
    };
    smtp = await startSmtpRecorder();
    mailer = createMailer({ smtpUrl: smtp.url, outboxDir: '/nonexistent' });
    queue = createMailQueue(redis, prefix);
    admin = await person('camille@democraties.example.org', 'Camille Martin', 'admin');
    // review emails to admins too would only add noise here
    await setStaffPreferences(db(), { userId: admin.id, notifyReview: false });
    await startMailWorkers();
  });
  afterAll(async () => {
    await stopWorkers();
    await queue?.close();
    await mailer?.close();
    await smtp?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await dropDb?.();
  });

  it('sends an invitation whose link lasts 7 days from the email, once; a resend replaces the link', async () => {
    clock.now = T0;
    const invited = await inviteStaff(db(), {
      email: 'Lea.Dubois@example.org',
      name: 'Léa Dubois',
      role: 'editor',
      createdBy: admin.id,
      expiresAt: new Date(T0.getTime() + 7 * 24 * HOUR),
    });
    if (invited.kind !== 'invited') throw new Error('expected an invitation');
    clock.now = new Date(T0.getTime() + 2 * HOUR); // the email leaves two hours later
    await enqueueStaffMail(queue, [invited.staffMailId]);
    await waitForMail('lea.dubois@example.org', 1);
    expect(await outcomeOf(invited.staffMailId)).toEqual({ sent: true });
    const mail = await parsed('lea.dubois@example.org');
    // no organisation name stored yet: MAIL_FROM's display name stands in, never the software's
    expect(mail.subject).toBe('Invitation à rejoindre l’équipe de démocratieS');
    expect(mail.from?.text).toContain('equipe@democraties.example.org');
    expect(mail.text).toContain('Camille Martin vous invite');
    expect(mail.text).toContain('éditeur·rice');
    // transactional: no list headers
    expect(to('lea.dubois@example.org')[0]!.raw).not.toMatch(/^List-Unsubscribe:/im);
    const token = linkIn(mail, '/studio/invitation')!;
    expect(token).toBeTruthy();
    const sentAt = clock.now.getTime();
    const open = (at: number) => findOpenInvitation(db(), { tokenHash: hashToken(token), now: new Date(at) });
    expect((await open(sentAt + 7 * 24 * HOUR - 60_000))?.email).toBe('Lea.Dubois@example.org');
    expect(await open(sentAt + 7 * 24 * HOUR + 60_000)).toBeUndefined();
    // the raw token is only in the email
    expect(await dumpAllRows(db())).not.toContain(token);

    expect(await runAgain(invited.staffMailId)).toEqual({ sent: false, reason: 'already sent' });
    expect(to('lea.dubois@example.org')).toHaveLength(1);

    // « Renvoyer » twice before the worker runs: only the newest email goes, and only its link works
    const first = await resendInvitation(db(), {
      userId: invited.user.id,
      createdBy: admin.id,
      now: clock.now,
      expiresAt: new Date(clock.now.getTime() + 7 * 24 * HOUR),
    });
    await sleep(5); // distinct creation times
    const second = await resendInvitation(db(), {
      userId: invited.user.id,
      createdBy: admin.id,
      now: clock.now,
      expiresAt: new Date(clock.now.getTime() + 7 * 24 * HOUR),
    });
    if (first.kind !== 'sent' || second.kind !== 'sent') throw new Error('expected resends');
    await enqueueStaffMail(queue, [second.staffMailId]);
    await waitForMail('lea.dubois@example.org', 2);
    await enqueueStaffMail(queue, [first.staffMailId]);
    expect(await outcomeOf(first.staffMailId)).toEqual({
      sent: false,
      reason: 'replaced by a newer invitation email',
    });
    expect(to('lea.dubois@example.org')).toHaveLength(2);
    const newToken = linkIn(await parsed('lea.dubois@example.org', 1), '/studio/invitation')!;
    expect(newToken).not.toBe(token);
    expect(await open(clock.now.getTime())).toBeUndefined();
    expect(await findOpenInvitation(db(), { tokenHash: hashToken(newToken), now: clock.now })).toBeTruthy();
  });

  it('sends no invitation to someone deactivated since', async () => {
    const invited = await inviteStaff(db(), {
      email: 'parti@example.org',
      name: 'Parti',
      role: 'author',
      createdBy: admin.id,
      expiresAt: new Date(clock.now.getTime() + 7 * 24 * HOUR),
    });
    if (invited.kind !== 'invited') throw new Error('expected an invitation');
    await updateUser(db(), { id: invited.user.id, status: 'deactivated' });
    await enqueueStaffMail(queue, [invited.staffMailId]);
    expect(await outcomeOf(invited.staffMailId)).toEqual({ sent: false, reason: 'person deactivated' });
    expect(to('parti@example.org')).toHaveLength(0);
    expect((await owedStaffMail(db(), { now: clock.now })).map((o) => o.staffMailId)).not.toContain(
      invited.staffMailId,
    );
  });

  it('sends a password reset link valid one hour from the email, once', async () => {
    clock.now = new Date(T0.getTime() + 10 * HOUR);
    await person('oubli@example.org', 'Noé Oubli');
    const { staffMailId } = await requestPasswordReset(db(), {
      email: 'OUBLI@example.org ',
      now: clock.now,
      perHour: 3,
    });
    expect(staffMailId).toBeTruthy();
    await enqueueStaffMail(queue, [staffMailId!]);
    await waitForMail('oubli@example.org', 1);
    const mail = await parsed('oubli@example.org');
    expect(mail.subject).toBe('Réinitialiser votre mot de passe');
    expect(mail.text).toContain('Bonjour Noé Oubli,');
    expect(mail.text).toContain('valable une heure');
    const token = linkIn(mail, '/studio/password-reset')!;
    const open = (ms: number) =>
      findOpenPasswordReset(db(), { tokenHash: hashToken(token), now: new Date(clock.now.getTime() + ms) });
    expect((await open(59 * 60_000))?.email).toBe('oubli@example.org');
    expect(await open(61 * 60_000)).toBeNull();
    expect(await runAgain(staffMailId!)).toEqual({ sent: false, reason: 'already sent' });
    expect(to('oubli@example.org')).toHaveLength(1);
  });

  it('tells the author of requested changes, with the note escaped; nothing once she turned them off', async () => {
    clock.now = new Date(T0.getTime() + 20 * HOUR);
    const author = await person('autrice@example.org', 'Inès Autrice', 'author');
    const editor = await person('editeur@example.org', 'Marc Éditeur', 'editor');
    const [rubrique] = await listRubriques(db());
    const articleId = await createArticle(db(), {
      title: 'Les communes & la démocratie',
      slug: 'communes',
      rubriqueId: rubrique!.id,
      dossierId: null,
      body: { type: 'doc', content: [{ type: 'paragraph' }] },
      authors: ['Inès Autrice'],
      userId: author.id,
      now: clock.now,
    });
    const note = await addComment(db(), {
      articleId,
      authorId: editor.id,
      body: 'Revoir <b>l’intro</b>\nEt sourcer le chiffre.',
      kind: 'changes_requested',
      now: clock.now,
    });
    const ids = await queueReviewMail(db(), {
      event: 'changes_requested',
      actorId: editor.id,
      articleId,
      commentId: note.id,
    });
    expect(ids).toHaveLength(1);
    await enqueueStaffMail(queue, ids);
    await waitForMail('autrice@example.org', 1);
    const mail = await parsed('autrice@example.org');
    expect(mail.subject).toBe('Modifications demandées\u00a0: «\u202fLes communes & la démocratie\u202f»');
    expect(mail.text).toContain('Marc Éditeur demande des modifications sur l’article');
    expect(mail.text).toContain('Revoir <b>l’intro</b>');
    expect(mail.html).toContain('Revoir &lt;b&gt;l’intro&lt;/b&gt;<br/>Et sourcer le chiffre.');
    expect(mail.text).toContain(`${PUBLIC_URL}/studio/editorial/articles/${articleId}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/studio/settings`);
    expect(mail.text).toContain('les notifications de relecture sont activées dans vos préférences');
    expect(await runAgain(ids[0]!)).toEqual({ sent: false, reason: 'already sent' });

    // a comment written while she still wanted emails, sent after she turned them off: skipped
    const comment = await addComment(db(), { articleId, authorId: editor.id, body: 'Et le titre ?', now: clock.now });
    const later = await queueReviewMail(db(), {
      event: 'commented',
      actorId: editor.id,
      articleId,
      commentId: comment.id,
    });
    expect(later).toHaveLength(1);
    await setStaffPreferences(db(), { userId: author.id, notifyReview: false });
    expect((await owedStaffMail(db(), { now: clock.now })).map((o) => o.staffMailId)).not.toContain(later[0]);
    await enqueueStaffMail(queue, later);
    expect(await outcomeOf(later[0]!)).toEqual({ sent: false, reason: 'recipient turned review emails off' });
    expect(to('autrice@example.org')).toHaveLength(1);
  });

  it('rebuilds a lost job from the database and sends it once; a day later it is no longer owed', async () => {
    await stopWorkers();
    clock.now = new Date(T0.getTime() + 30 * HOUR);
    await person('perdu@example.org', 'Perdu');
    await person('tardif@example.org', 'Tardif');
    // written while Redis was away: no job at all
    const lost = await requestPasswordReset(db(), { email: 'perdu@example.org', now: clock.now, perHour: 3 });
    const stale = await requestPasswordReset(db(), {
      email: 'tardif@example.org',
      now: new Date(clock.now.getTime() - 25 * HOUR),
      perHour: 3,
    });
    expect(await queue.getJob(staffMailJobId(lost.staffMailId!))).toBeUndefined();
    const owed = (await owedStaffMail(db(), { now: clock.now })).map((o) => o.staffMailId);
    expect(owed).toContain(lost.staffMailId);
    expect(owed).not.toContain(stale.staffMailId);

    await startMailWorkers(200); // the rebuild runs at start and then often
    await waitForMail('perdu@example.org', 1);
    // its finished job lost too, and the rebuild running again and again: no second email
    await sleep(500);
    const keys = await redis.keys(`${prefix}:mail:*`);
    if (keys.length) await redis.del(...keys);
    await sleep(1_500);
    expect(to('perdu@example.org')).toHaveLength(1);
    expect(to('tardif@example.org')).toHaveLength(0);
    expect(await owedStaffMail(db(), { now: clock.now })).toEqual([]);
  });
});

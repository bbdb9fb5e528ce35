// The proposer's outcome emails (accepted, changes requested, refused) sent by the mail worker from the rows the
// moderation writes, rebuilt when their job is lost, skipped when they no longer make sense.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmProposals, receiveProposal, type ProposalValues } from '@crieur/db';
import { enqueueContributionMail } from '@crieur/queue';
import { startHarness, type Harness } from './harness';
import { startMailWorld, type MailWorld } from './mail-world';
import type { ReceivedMail, SmtpSink } from './smtp-sink';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitUntil(fn: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(50);
  }
}

const values = (title: string, kind: ProposalValues['kind'] = 'event'): ProposalValues => ({
  kind,
  title,
  description: 'Deux soirées de débats.',
  url: null,
  startsAt: kind === 'event' ? new Date('2026-03-28T17:30:00Z') : null,
  endsAt: kind === 'event' ? new Date('2026-03-28T20:00:00Z') : null,
  online: kind === 'event' ? false : null,
  place: 'Lyon',
  organiser: kind === 'event' ? 'Réseau Rhône' : '',
  organisation: kind === 'event' ? '' : 'Ville de Grenoble',
  contractType: kind === 'job' ? 'cdd' : null,
  remote: kind === 'job' ? false : null,
  closesOn: kind === 'job' ? '2026-04-30' : null,
  imageMediaId: null,
  imageAlt: '',
});

describe('the proposer’s outcome emails', () => {
  let h: Harness;
  let sink: SmtpSink;
  let mail: MailWorld;
  const run = async <T>(query: string) => ((await h.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const to = (address: string): ReceivedMail[] => sink.messages.filter((m) => m.to[0]?.toLowerCase() === address);

  /** A confirmed proposal, its confirmation email already out, as the form and the worker leave it. */
  const proposal = async (email: string, title: string, kind: ProposalValues['kind'] = 'event') => {
    const { contributionId, contributionMailId } = await receiveProposal(h.database.db, {
      email,
      name: 'Camille',
      values: values(title, kind),
      consent: { textVersion: 'test', ip: '127.0.0.1' },
      now: h.clock.now,
      resendAfterMs: 24 * 3600_000,
    });
    if (contributionMailId)
      await run(`update contribution_mail set sent_at = now() where id = '${contributionMailId}'`);
    const [{ proposer_id: proposerId }] = (await run<{ proposer_id: string }>(
      `select proposer_id from contributions where id = '${contributionId}'`,
    )) as [{ proposer_id: string }];
    await confirmProposals(h.database.db, { proposerId, email, contributionIds: [contributionId], now: h.clock.now });
    return { contributionId, proposerId };
  };
  /** What helper B's moderation writes in the decision's transaction: the status, the message, the owed email. */
  const decide = async (
    p: { contributionId: string; proposerId: string },
    status: 'accepted' | 'changes_requested' | 'refused',
    extra: { message?: string; slug?: string; publishAt?: Date } = {},
  ) => {
    await run(
      `update contributions set status = '${status}', staff_message = '${extra.message ?? ''}',
       slug = ${extra.slug ? `'${extra.slug}'` : 'slug'},
       publish_at = ${extra.publishAt ? `'${extra.publishAt.toISOString()}'` : 'publish_at'}
       where id = '${p.contributionId}'`,
    );
    const [row] = await run<{ id: string }>(
      `insert into contribution_mail (kind, proposer_id, contribution_id, created_at)
       values ('${status}', '${p.proposerId}', '${p.contributionId}', '${h.clock.now.toISOString()}') returning id`,
    );
    return row!.id;
  };
  const linkIn = (mail: ReceivedMail) => /\/proposer\/suivi\/([A-Za-z0-9_-]{20,})/.exec(mail.parsed.text ?? '')![0];

  beforeAll(async () => {
    h = await startHarness();
    mail = await startMailWorld(h, {
      publicUrl: 'http://localhost:3000',
      mailFrom: 'lettre@democraties.example',
      now: () => h.clock.now,
      reconcileEveryMs: 300,
    });
    sink = mail.sink;
  });
  afterAll(async () => {
    await mail?.close();
    await h.close();
  });

  it('sends an acceptance with its public page, a request for changes and a refusal with the team’s message', async () => {
    const accepted = await proposal('acceptee@example.org', 'Rencontres <b>de</b> la participation');
    const id1 = await decide(accepted, 'accepted', {
      slug: 'rencontres-de-la-participation',
      publishAt: new Date('2026-03-09T08:00:00Z'),
      message: 'Bravo !',
    });
    const changes = await proposal('modifier@example.org', 'Chargé·e de mission', 'job');
    const id2 = await decide(changes, 'changes_requested', { message: 'Ajoutez le salaire, svp.' });
    const refused = await proposal('refusee@example.org', 'Hors sujet');
    const id3 = await decide(refused, 'refused', { message: 'Cela sort de notre champ.' });
    await enqueueContributionMail(h.mailQueue, [id1, id2, id3]);
    await waitUntil(() => sink.messages.length >= 3);

    const [a] = to('acceptee@example.org');
    expect(a!.parsed.subject).toBe(
      'Votre proposition «\u202fRencontres <b>de</b> la participation\u202f» est acceptée',
    );
    expect(a!.parsed.html).toContain('Rencontres &lt;b&gt;de&lt;/b&gt; la participation');
    expect(a!.parsed.text).toMatch(/sera publiée le lundi 9\s+mars 2026/);
    expect(a!.parsed.html).toContain('href="http://localhost:3000/agenda/rencontres-de-la-participation"');
    expect(a!.parsed.text).toContain('Bravo');
    const [c] = to('modifier@example.org');
    expect(c!.parsed.subject).toContain('modifications demandées');
    expect(c!.parsed.text).toContain('Ajoutez le salaire, svp.');
    // its link opens « Mes propositions », where the proposal can be modified
    const shown = await h.app.inject({ method: 'GET', url: linkIn(c!), headers: { accept: 'text/html' } });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Modifier et renvoyer');
    const [r] = to('refusee@example.org');
    expect(r!.parsed.subject).toBe('Votre proposition «\u202fHors sujet\u202f» n’a pas été retenue');
    expect(r!.parsed.text).toContain('Cela sort de notre champ.');
    expect(r!.parsed.text).toMatch(/effacée dans 90\s+jours/);
    const sent = await run<{ n: number }>(
      `select count(*)::int as n from contribution_mail where id in ('${id1}','${id2}','${id3}') and sent_at is not null`,
    );
    expect(sent[0]!.n).toBe(3);
  });

  it('rebuilds a lost job from the database, once, and skips an email overtaken by a later decision', async () => {
    const lost = await proposal('perdue@example.org', 'Atelier');
    await decide(lost, 'refused', { message: 'Complet.' }); // no job queued: as if Redis lost it
    await waitUntil(() => to('perdue@example.org').length === 1);
    await sleep(1_000);
    expect(to('perdue@example.org')).toHaveLength(1);

    const overtaken = await proposal('changement@example.org', 'Forum');
    const first = await decide(overtaken, 'changes_requested', { message: 'Précisez.' });
    await run(`update contributions set status = 'accepted', slug = 'forum' where id = '${overtaken.contributionId}'`);
    const job = await h.mailQueue.add(
      'mail',
      { type: 'contribution', contributionMailId: first },
      {
        jobId: `contribution-${first}`,
      },
    );
    await waitUntil(async () => (await job.getState()) === 'completed');
    expect((await h.mailQueue.getJob(job.id!))!.returnvalue).toEqual({ sent: false, reason: 'decision changed since' });
    expect(to('changement@example.org')).toHaveLength(0);
  });

  it('sends nothing to an address that bounced, and nothing under a job id that is not the row’s', async () => {
    const bounced = await proposal('rebond@example.org', 'Salon');
    await run(
      `insert into suppressions (email_hash, reason) values (encode(sha256('rebond@example.org'), 'hex'), 'hard_bounce')`,
    );
    const id = await decide(bounced, 'refused');
    const stray = await h.mailQueue.add('mail', { type: 'contribution', contributionMailId: id }, { jobId: 'autre' });
    await waitUntil(async () => (await stray.getState()) === 'completed');
    expect((await h.mailQueue.getJob('autre'))!.returnvalue).toEqual({
      sent: false,
      reason: 'not the contribution mail job',
    });
    await enqueueContributionMail(h.mailQueue, [id]);
    await waitUntil(async () => (await (await h.mailQueue.getJob(`contribution-${id}`))?.getState()) === 'completed');
    expect((await h.mailQueue.getJob(`contribution-${id}`))!.returnvalue).toEqual({
      sent: false,
      reason: 'address suppressed',
    });
    expect(to('rebond@example.org')).toHaveLength(0);
  });
});

// The public « Proposer » flow against real PostgreSQL, Redis, mail workers and an SMTP server: form → one
// confirmation email with nothing the proposer typed → « Mes propositions » → confirm, withdraw, resubmit.
import { SUIVI_PER_IP_PER_MINUTE } from '../src/routes/propose-suivi-routes';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPT_TEXTS } from '@crieur/content/testing';
import { listIdsBySlugs, listProposerContributions, staffSubscribe } from '@crieur/db';
import { dumpAllRows } from '@crieur/db/testing';
import { parse } from 'parse5';
import sharp from 'sharp';
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

export const EVENT = {
  kind: 'event',
  title: 'Rencontres de la participation',
  startsAt: '2026-03-28T18:30',
  endsAt: '2026-03-29T21:00',
  place: 'Maison des associations, Lyon',
  organiser: 'Réseau Rhône',
  url: 'https://reseau.example.org/rencontres',
  description: 'Deux soirées de débats.',
};
export const JOB = {
  kind: 'job',
  title: 'Chargé·e de mission concertation',
  organisation: 'Ville de Grenoble',
  contractType: 'cdd',
  place: 'Grenoble',
  remote: 'on',
  closesOn: '2026-04-30',
  url: 'https://grenoble.example.org/offre',
  description: 'Animer les budgets participatifs.',
};
export const NEWS = {
  kind: 'news',
  title: 'Notre guide de la concertation',
  organisation: 'Décider ensemble',
  description: 'Un guide pratique, en accès libre.',
};

describe('proposing on the public form', () => {
  let h: Harness;
  let sink: SmtpSink;
  let mail: MailWorld;
  let dataDir: string;

  const post = (fields: Record<string, string>, who: { email: string; name?: string }, ip?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/proposer',
      ...(ip ? { remoteAddress: ip } : {}),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({
        ...fields,
        name: who.name ?? 'Camille',
        email: who.email,
        consent: 'on',
      }).toString(),
    });
  const to = (address: string): ReceivedMail[] => sink.messages.filter((m) => m.to[0]?.toLowerCase() === address);
  const linkIn = (mail: ReceivedMail) => /\/proposer\/suivi\/([A-Za-z0-9_-]{20,})/.exec(mail.parsed.text ?? '')![0];
  const page = (url: string) => h.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  const act = (url: string, body: Record<string, string | string[]>) => {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) for (const one of [v].flat()) form.append(k, one);
    return h.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form.toString(),
    });
  };
  const proposalsOf = async (email: string) => {
    const dump = await h.database.db.execute(`select id from proposers where lower(email) = lower('${email}')`);
    const [row] = (dump as unknown as { rows: { id: string }[] }).rows;
    return row ? listProposerContributions(h.database.db, { proposerId: row.id }) : [];
  };
  const confirmAll = async (link: string) => {
    const body = (await page(link)).body;
    const ids = [...body.matchAll(/<input[^>]*name="ids"[^>]*>/g)].map(
      (m) => /value="([0-9a-f-]{36})"/.exec(m[0])![1]!,
    );
    expect(ids.length, body).toBeGreaterThan(0);
    return act(link, { action: 'confirm', ids });
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'propose-'));
    h = await startHarness({
      deps: { propose: { perIpPerMinute: 1000, perAddressPerHour: 1000 } },
      env: { DATA_DIR: dataDir }, // the uploaded images' files
    });
    mail = await startMailWorld(h, {
      publicUrl: 'http://localhost:3000',
      mailFrom: 'lettre@democraties.example',
      now: () => h.clock.now,
    });
    sink = mail.sink;
    const admin = await h.createStaff('admin');
    const [adherents] = await listIdsBySlugs(h.database.db, ['adherents']);
    await staffSubscribe(h.database.db, {
      email: 'Contact@Adherente.example.org',
      listIds: [adherents!.id],
      consentNote: null,
      actorId: admin.id,
      now: h.clock.now,
    });
  });
  afterAll(async () => {
    await mail?.close();
    await h.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('takes each kind from the form to moderation through one email that quotes nothing typed', async () => {
    for (const [fields, email] of [
      [EVENT, 'evenement@example.org'],
      [JOB, 'offre@example.org'],
      [NEWS, 'contact@adherente.example.org'],
    ] as const) {
      const res = await post(fields, { email, name: 'Camille Proposante' });
      expect(res.statusCode, email).toBe(202);
      expect(res.body).toMatch(/Vérifiez votre boîte\s: un lien vous attend pour confirmer votre proposition/);
      await waitUntil(() => to(email).length === 1);
      const [mail] = to(email);
      const typed = [fields.title, 'Camille', fields.description, ...Object.values(fields).filter((v) => v.length > 6)];
      for (const part of [mail!.parsed.subject ?? '', mail!.parsed.html || '', mail!.parsed.text ?? ''])
        for (const text of typed) expect(part, `${email}: ${text}`).not.toContain(text);
      const link = linkIn(mail!);
      const shown = await page(link);
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toContain(fields.title.replace('·', '·'));
      expect((await proposalsOf(email))[0]!.status).toBe('unconfirmed');
      const confirmed = await confirmAll(link);
      expect(confirmed.statusCode).toBe(303);
      expect(confirmed.headers.location).toBe(`${link}?fait=confirme`);
      const [stored] = await proposalsOf(email);
      expect(stored!.status, email).toBe('pending');
      expect(stored!.confirmedAt).toEqual(h.clock.now);
      expect((await page(confirmed.headers.location as string)).body).toContain('transmise à l’équipe');
    }
    // the event's times are Paris wall clocks: 18:30 in Paris on 28 March 2026 is 17:30 UTC (winter time)
    const [event] = await proposalsOf('evenement@example.org');
    expect(event!.startsAt).toEqual(new Date('2026-03-28T17:30:00Z'));
    expect(event!.endsAt).toEqual(new Date('2026-03-29T19:00:00Z')); // the clocks went forward that night
  });

  it('keeps what was typed and says in French what is wrong, next to each field and in a summary', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/proposer',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({
        ...JOB,
        closesOn: '',
        url: 'ftp://x',
        email: 'pas-une-adresse',
        name: 'Léa',
      }).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Indiquez la date limite de candidature.');
    expect(res.body).toContain('Indiquez une adresse complète, commençant par https://');
    expect(res.body).toContain('Indiquez une adresse e-mail valide');
    expect(res.body).toContain('Cochez cette case');
    expect(res.body).toContain('href="#prop-closesOn"');
    expect(res.body).toContain('aria-describedby="prop-closesOn-aide prop-closesOn-erreur"');
    for (const kept of ['Chargé·e de mission concertation', 'Ville de Grenoble', 'ftp://x', 'pas-une-adresse', 'Léa'])
      expect(res.body).toContain(`value="${kept}"`);
    expect(res.body).toContain('<option value="cdd" selected="">');
    expect(res.body).toContain('Animer les budgets participatifs.</textarea>');
  });

  it('sends one confirmation for 100 proposals from one address, and its link confirms them all', async () => {
    const email = 'cent@example.org';
    for (let i = 0; i < 100; i++)
      expect(
        (await post({ ...JOB, title: `Offre ${i + 1}` }, { email: i % 2 ? email : email.toUpperCase() })).statusCode,
      ).toBe(202);
    await waitUntil(() => to(email).length === 1);
    await sleep(1_500); // the rebuild and any late job had their chance
    expect(to(email)).toHaveLength(1);
    const link = linkIn(to(email)[0]!);
    expect((await confirmAll(link)).statusCode).toBe(303);
    const all = await proposalsOf(email);
    expect(all).toHaveLength(100);
    expect(all.every((p) => p.status === 'pending')).toBe(true);
  });

  it('refuses a members’ news item from an address that is not a confirmed adherent, politely', async () => {
    const email = 'pas-adherente@example.org';
    await post(NEWS, { email });
    await post(EVENT, { email });
    await waitUntil(() => to(email).length === 1);
    const link = linkIn(to(email)[0]!);
    const res = await confirmAll(link);
    expect(res.headers.location).toBe(`${link}?fait=non-adherent`);
    const byKind = Object.fromEntries((await proposalsOf(email)).map((p) => [p.kind, p]));
    expect(byKind.news!.status).toBe('refused');
    expect(byKind.news!.notAdherent).toBe(true);
    expect(byKind.news!.closedAt).toEqual(h.clock.now);
    expect(byKind.event!.status).toBe('pending');
    const shown = (await page(res.headers.location as string)).body;
    expect(shown).toContain('réservées aux organisations adhérentes');
    expect(shown).toContain('href="/contact"');
  });

  it('answers the same for an unknown, a known, an adherent address and one emailed today', async () => {
    const answers = [];
    for (const email of [
      'inconnue@example.org',
      'evenement@example.org',
      'contact@adherente.example.org',
      'cent@example.org',
    ]) {
      const res = await post(NEWS, { email });
      answers.push({ status: res.statusCode, body: res.body, type: res.headers['content-type'] });
    }
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });

  it('stores nothing when the honeypot is filled, and refuses an IP past its limit in French', async () => {
    const before = (await h.database.db.execute('select count(*)::int as n from contributions')) as unknown as {
      rows: { n: number }[];
    };
    const res = await post({ ...EVENT, website: 'http://spam.example' }, { email: 'robot@example.org' });
    expect(res.statusCode).toBe(202);
    const after = (await h.database.db.execute('select count(*)::int as n from contributions')) as unknown as {
      rows: { n: number }[];
    };
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    expect(await proposalsOf('robot@example.org')).toEqual([]);

    const limited = await startHarness({ deps: { propose: { perIpPerMinute: 2 } } });
    try {
      const send = () =>
        limited.app.inject({
          method: 'POST',
          url: '/proposer',
          remoteAddress: '203.0.113.9',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
          payload: new URLSearchParams({ ...NEWS, name: 'A', email: 'a@example.org', consent: 'on' }).toString(),
        });
      expect((await send()).statusCode).toBe(202);
      expect((await send()).statusCode).toBe(202);
      const third = await send();
      expect(third.statusCode).toBe(429);
      expect(third.body).toContain('<html lang="fr"');
      expect(third.body).toMatch(/Trop de|Patientez|tentatives/);
    } finally {
      await limited.close();
    }
  });

  it('escapes the XSS corpus typed into every field on « Mes propositions »', async () => {
    const email = 'xss@example.org';
    for (const text of SCRIPT_TEXTS) {
      const res = await post(
        { ...EVENT, title: text, place: text, organiser: text, description: text, imageAlt: text },
        { email, name: text },
      );
      expect(res.statusCode).toBe(202);
      await post({ ...JOB, title: text, organisation: text, place: text, description: text }, { email, name: text });
    }
    await waitUntil(() => to(email).length === 1);
    const body = (await page(linkIn(to(email)[0]!))).body;
    expect(body).not.toMatch(/<script>alert|<img src=x|<svg onload|<iframe|<style>\*|<a href="javascript/i);
    // parsed as a browser would: no element the corpus tried to make exists
    const tags = new Set<string>();
    const walk = (node: { nodeName: string; childNodes?: unknown[] }) => {
      tags.add(node.nodeName);
      for (const child of (node.childNodes ?? []) as (typeof node)[]) walk(child);
    };
    walk(parse(body) as never);
    for (const bad of ['script', 'img', 'svg', 'iframe']) expect(tags.has(bad), bad).toBe(false);
  });

  it('lets the proposer withdraw, and resubmit after the team asked for changes', async () => {
    const email = 'suivi@example.org';
    await post(EVENT, { email });
    await post(JOB, { email });
    await waitUntil(() => to(email).length === 1);
    const link = linkIn(to(email)[0]!);
    await confirmAll(link);
    const byKind = Object.fromEntries((await proposalsOf(email)).map((p) => [p.kind, p]));

    const withdrawn = await act(link, { action: 'withdraw', id: byKind.event!.id });
    expect(withdrawn.headers.location).toBe(`${link}?fait=retire`);
    const after = Object.fromEntries((await proposalsOf(email)).map((p) => [p.kind, p]));
    expect(after.event!.status).toBe('withdrawn');
    expect(after.event!.closedAt).toEqual(h.clock.now);

    // the team's request for changes (helper B's moderation writes the same columns)
    await h.database.db.execute(
      `update contributions set status = 'changes_requested', staff_message = 'Précisez le salaire, svp.'
       where id = '${byKind.job!.id}'`,
    );
    expect((await page(link)).body).toContain('Précisez le salaire, svp.');
    const form = await page(`${link}?modifier=${byKind.job!.id}`);
    expect(form.body).toContain('value="Chargé·e de mission concertation"');
    const wrong = await act(link, { ...JOB, title: '', action: 'resubmit', id: byKind.job!.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Indiquez un titre.');
    expect(wrong.body).toContain('value="Ville de Grenoble"');
    const resubmitted = await act(link, {
      ...JOB,
      description: 'Salaire : 2 400 € brut.',
      action: 'resubmit',
      id: byKind.job!.id,
    });
    expect(resubmitted.headers.location).toBe(`${link}?fait=renvoye`);
    const job = (await proposalsOf(email)).find((p) => p.kind === 'job')!;
    expect(job.status).toBe('pending');
    expect(job.description).toBe('Salaire : 2 400 € brut.');
    const history = (await h.database.db.execute(
      `select type from contribution_events where contribution_id = '${job.id}' order by id`,
    )) as unknown as { rows: { type: string }[] };
    expect(history.rows.map((r) => r.type)).toEqual(['proposed', 'confirmed', 'resubmitted']);
  });

  it('takes an event’s image through the media pipeline, anonymously, and refuses what is not an image', async () => {
    const multipart = (fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) => {
      const boundary = '----propose' + Math.random().toString(16).slice(2);
      const parts = Object.entries(fields).map(
        ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      );
      const head =
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n`;
      const payload = Buffer.concat([
        Buffer.from(parts.join('') + head),
        file.data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return h.app.inject({
        method: 'POST',
        url: '/proposer',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' },
        payload,
      });
    };
    const who = { name: 'Camille', email: 'image@example.org', consent: 'on' };
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c03020' } })
      .png()
      .toBuffer();
    const noAlt = await multipart({ ...EVENT, ...who }, { name: 'affiche.png', type: 'image/png', data: png });
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('Décrivez l’image');
    expect(noAlt.body).toContain('choisissez-la de nouveau');
    expect(noAlt.body).toContain('value="Rencontres de la participation"');
    const text = await multipart(
      { ...EVENT, ...who, imageAlt: 'Une affiche' },
      { name: 'virus.png', type: 'text/plain', data: Buffer.from('pas une image') },
    );
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain('Ce fichier n’est pas une image');
    const fake = await multipart(
      { ...EVENT, ...who, imageAlt: 'Une affiche' },
      { name: 'faux.png', type: 'image/png', data: Buffer.from('pas une image non plus') },
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('n’est pas une image lisible');
    expect(await proposalsOf('image@example.org')).toEqual([]);

    const ok = await multipart(
      { ...EVENT, ...who, imageAlt: 'L’affiche des rencontres' },
      { name: 'affiche.png', type: 'image/png', data: png },
    );
    expect(ok.statusCode).toBe(202);
    const [stored] = await proposalsOf('image@example.org');
    expect(stored!.imageMediaId).toBeTruthy();
    expect(stored!.imageAlt).toBe('L’affiche des rencontres');
    const media = (await h.database.db.execute(
      `select created_by, alt, width from media where id = '${stored!.imageMediaId}'`,
    )) as unknown as { rows: { created_by: string | null; alt: string; width: number }[] };
    expect(media.rows[0]).toEqual({ created_by: null, alt: 'L’affiche des rencontres', width: 64 });
    const served = await h.app.inject({ method: 'GET', url: `/media/${stored!.imageMediaId}/w400.webp` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
  });

  it('refuses another site’s POST, and an unknown or expired link gets a French page', async () => {
    const email = 'origine@example.org';
    await post(NEWS, { email });
    await waitUntil(() => to(email).length === 1);
    const link = linkIn(to(email)[0]!);
    const forged = await h.app.inject({
      method: 'POST',
      url: link,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        origin: 'https://evil.example',
      },
      payload: 'action=confirm',
    });
    expect(forged.statusCode).toBe(403);
    expect((await proposalsOf(email))[0]!.status).toBe('unconfirmed');

    const unknown = await page('/proposer/suivi/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(unknown.statusCode).toBe(410);
    expect(unknown.body).toContain('Ce lien ne fonctionne plus');
    const saved = h.clock.now;
    h.clock.now = new Date(saved.getTime() + 31 * 24 * 3600_000);
    try {
      expect((await page(link)).statusCode).toBe(410);
    } finally {
      h.clock.now = saved;
    }
    // the raw token is only in the email: the database keeps its hash
    expect(await dumpAllRows(h.database.db)).not.toContain(link.split('/').at(-1));
  });

  it('limits « Mes propositions » per address: a token guesser gets 429 after SUIVI_PER_IP_PER_MINUTE tries', async () => {
    const guess = (i: number, method: 'GET' | 'POST') =>
      h.app.inject({
        method,
        url: `/proposer/suivi/${'g'.repeat(30)}${String(i).padStart(6, '0')}`,
        remoteAddress: '198.51.100.77',
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        ...(method === 'POST' ? { payload: 'action=confirm' } : {}),
      });
    // each route counts on its own: reading the page and acting on it
    for (const method of ['GET', 'POST'] as const) {
      for (let i = 0; i < SUIVI_PER_IP_PER_MINUTE; i++) expect((await guess(i, method)).statusCode).toBe(410);
      expect((await guess(SUIVI_PER_IP_PER_MINUTE, method)).statusCode).toBe(429);
    }
    const refused = await guess(0, 'GET');
    expect(refused.body).toContain('<html lang="fr"');
  });
});

import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from './harness';
import { frenchTypography as fr } from '@crieur/content/typography';

describe('imports and exports through the staff API (PostgreSQL)', () => {
  let h: Harness;
  let sender: Client;

  const upload = async (c: Client, query: string, body: Buffer) => {
    if (!c.csrfToken) await c.refreshCsrf();
    return h.app.inject({
      method: 'POST',
      url: `/api/imports?${query}`,
      headers: {
        cookie: `crieur_session=${c.cookie('crieur_session')}; crieur_csrf=${c.cookie('crieur_csrf')}`,
        'x-csrf-token': c.csrfToken!,
        'content-type': 'text/csv',
        'x-file-name': encodeURIComponent('adhérent·es 2026.csv'),
      },
      payload: body,
    });
  };
  const waitDone = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const view = (await sender.request('GET', `/api/imports/${id}`)).json().import;
      if (view.status !== 'running') return view;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };

  beforeAll(async () => {
    h = await startHarness();
    sender = h.client();
    await sender.login((await h.createStaff('sender')).email);
    await sender.refreshCsrf();
  });
  afterAll(() => h.close());

  it('imports a Windows-1252 ";" file, reports every bad line, and never resubscribes someone who left', async () => {
    const left = (
      await sender.request('POST', '/api/subscribers', { email: 'parti@example.org', lists: ['adherents'] })
    ).json();
    await sender.request('POST', `/api/subscribers/${left.subscriber.id}/unsubscribe`, {});
    const csv = [
      'Prénom;Nom;Courriel;Ville',
      'Hélène;Durand;helene@example.org;Nantes',
      'Jean;Dupont;pas-une-adresse;Lyon',
      'Anaïs;Martin;HELENE@example.org;Brest',
      ';;;',
      'Pierre;Parti;parti@example.org;Metz',
      '=HYPERLINK("http://x");Evil;=cmd@example.org;',
      'Zoé;Œuvre;zoe@example.org;Lille',
    ].join('\r\n');
    const bad = await upload(sender, 'list=adherents&dryRun=false', iconv.encode(csv, 'win1252'));
    expect(bad.statusCode).toBe(202);
    const view = await waitDone(bad.json().import.id);
    expect(view).toMatchObject({
      status: 'done',
      list: 'adherents',
      fileName: 'adhérent·es 2026.csv',
      imported: 2,
      alreadySubscribed: 0,
      problems: 4,
    });
    const report = await sender.request('GET', `/api/imports/${view.id}/report.csv`);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.body.charCodeAt(0)).toBe(0xfeff);
    const lines = report.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Ligne;Adresse;Raison');
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['3', '4', '6', '7']);
    const found = (await sender.request('GET', '/api/subscribers?list=adherents&status=confirmed'))
      .json()
      .subscribers.map((s: { email: string; name: string }) => `${s.name} <${s.email}>`);
    expect(found.sort()).toEqual(['Hélène Durand <helene@example.org>', 'Zoé Œuvre <zoe@example.org>']);
    const parti = (await sender.request('GET', `/api/subscribers/${left.subscriber.id}`)).json();
    expect(parti.subscriptions[0].status).toBe('unsubscribed');
  });

  it('refuses a file without an email column, changing nothing, and asks for a consent source on public lists', async () => {
    const before = (await sender.request('GET', '/api/lists')).json();
    const res = await upload(sender, 'list=adherents', Buffer.from('Nom;Ville\nDurand;Nantes\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_FILE_INVALID');
    const consent = await upload(sender, 'list=membres', Buffer.from('Email\na@example.org\n'));
    expect(consent.json().error.code).toBe('CONSENT_SOURCE_REQUIRED');
    expect((await sender.request('GET', '/api/lists')).json()).toEqual(before);
  });

  it('names a wrong query field in French', async () => {
    const file = Buffer.from('Email\na@example.org\n');
    const maybe = await upload(sender, 'list=adherents&dryRun=peut-etre', file);
    expect(maybe.statusCode).toBe(400);
    expect(maybe.json().error).toEqual({
      code: 'VALIDATION',
      message: fr('« simulation » : Valeur non reconnue (attendu : true, false).'),
      issues: [{ path: 'dryRun', message: fr('Valeur non reconnue (attendu : true, false).') }],
    });
    const noList = await upload(sender, 'dryRun=true', file);
    expect(noList.json().error.message).toBe(fr('« liste » : Ce champ est obligatoire.'));
    const unknown = await upload(sender, 'list=inconnue', file);
    expect(unknown.json().error.issues).toEqual([{ path: 'list', message: 'Liste inconnue.' }]);
    expect((await sender.request('GET', '/api/imports/12')).json().error.message).toBe(
      fr('« identifiant » : Identifiant invalide.'),
    );
  });

  it('simulates with dryRun, then exports UTF-8 with BOM for Excel', async () => {
    const dry = await upload(
      sender,
      'list=membres&consentSource=AG%202026&dryRun=true',
      Buffer.from('\ufeffEmail,Nom\nnouveau@example.org,Nouveau\n'),
    );
    const view = await waitDone(dry.json().import.id);
    expect(view).toMatchObject({ status: 'done', dryRun: true, imported: 1 });
    expect((await sender.request('GET', '/api/subscribers?q=nouveau')).json().subscribers).toEqual([]);

    const exported = await sender.request('GET', '/api/lists/adherents/export');
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="adherents-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(exported.body.charCodeAt(0)).toBe(0xfeff);
    const rows = exported.body.slice(1).trim().split('\r\n');
    expect(rows[0]).toBe('Email;Nom;Langue;Confirmé le');
    expect(
      rows
        .slice(1)
        .map((r) => r.split(';')[0])
        .sort(),
    ).toEqual(['helene@example.org', 'zoe@example.org']);
  });
});

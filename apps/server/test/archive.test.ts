import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, requestSubscription, updateCampaignDraft } from '@crieur/db';
import { markCampaignSent } from '@crieur/db/testing';
import { compileNewsletter, type NewsletterBlock } from '@crieur/newsletter';
import { startHarness, type Harness } from './harness';

const PUBLIC_URL = 'http://localhost:3000';
const blocks: NewsletterBlock[] = [
  {
    type: 'edito',
    doc: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Le mot de la présidente pour ce printemps.' }] }],
    },
  },
  {
    type: 'article',
    title: 'À Grenoble, un budget participatif',
    lede: 'Dix ans de projets votés par les habitant·es.',
    url: `${PUBLIC_URL}/articles/grenoble`,
  },
];

describe('the web archive of sent newsletters (PostgreSQL)', () => {
  let h: Harness;
  let staffId: string;

  /** A campaign as the sender leaves it: the frozen HTML still holds the personal placeholders. */
  const sentCampaign = async (input: {
    subject: string;
    kind: 'membres' | 'adherents' | 'democraties';
    lists: string[];
    at: string;
    status?: 'sent' | 'draft';
    /** the frozen HTML as an older version of the templates made it */
    frozen?: (html: string) => string;
  }) => {
    const slugBase = input.subject.toLowerCase().replace(/\W+/g, '-');
    const created = await createCampaign(h.database.db, {
      kind: input.kind,
      slugBase,
      lists: input.lists,
      blocks: [],
      userId: null,
      now: new Date(input.at),
    });
    const fields = {
      kind: input.kind,
      subject: input.subject,
      preheader: 'Au sommaire ce mois-ci',
      fromName: '',
      replyTo: '',
      blocks,
    };
    const c = await updateCampaignDraft(h.database.db, {
      id: created.id,
      version: 1,
      fields,
      lists: input.lists,
      slugBase,
      userId: staffId,
      now: new Date(input.at),
    });
    const compiled = await compileNewsletter(
      { kind: input.kind, subject: input.subject, preheader: 'Au sommaire ce mois-ci', blocks },
      { publicUrl: PUBLIC_URL, listName: 'La lettre' },
    );
    expect(compiled.html).toContain('%%CRIEUR_UNSUBSCRIBE_URL%%');
    if (input.status !== 'draft')
      await markCampaignSent(h.database.db, {
        id: c.id,
        renderedHtml: input.frozen ? input.frozen(compiled.html) : compiled.html,
        renderedText: compiled.text,
        at: new Date(input.at),
      });
    return c;
  };

  let spring: { slug: string };
  let winter: { slug: string };
  let privateIssue: { slug: string };
  let draft: { slug: string };
  let mixed: { slug: string };

  beforeAll(async () => {
    h = await startHarness();
    staffId = (await h.createStaff('sender')).id;
    // a real subscriber: nothing of theirs may reach a public page
    const subscribed = await requestSubscription(h.database.db, {
      email: 'camille.dupont@example.org',
      name: 'Camille Dupont',
      listSlugs: ['membres'],
      formId: 'test',
      textVersion: 'v1',
      ip: '192.0.2.1',
      now: new Date('2026-01-01T10:00:00Z'),
      confirmationTtlMs: 86_400_000,
      resendAfterMs: 86_400_000,
    });
    expect(subscribed.subscriberId).not.toBeNull();
    winter = await sentCampaign({
      subject: 'Lettre d’hiver',
      kind: 'democraties',
      lists: ['democraties'],
      at: '2025-12-15T09:00:00Z',
    });
    spring = await sentCampaign({
      subject: 'Lettre de printemps',
      kind: 'membres',
      lists: ['membres'],
      at: '2026-03-12T09:00:00Z',
    });
    privateIssue = await sentCampaign({
      subject: 'Réservé aux adhérent·es',
      kind: 'adherents',
      lists: ['adherents'],
      at: '2026-02-10T09:00:00Z',
    });
    mixed = await sentCampaign({
      subject: 'Membres et adhérent·es',
      kind: 'membres',
      lists: ['membres', 'adherents'],
      at: '2026-02-11T09:00:00Z',
    });
    draft = await sentCampaign({
      subject: 'Brouillon en cours',
      kind: 'membres',
      lists: ['membres'],
      at: '2026-03-01T09:00:00Z',
      status: 'draft',
    });
  });
  afterAll(() => h.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

  it('lists sent issues of public lists only, newest first, grouped by year with French dates', async () => {
    const res = await get('/archive');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const body = res.body;
    expect(body).toContain('lang="fr"');
    expect(body.indexOf('Lettre de printemps')).toBeLessThan(body.indexOf('Lettre d’hiver'));
    expect(body.indexOf('>2026</h2>')).toBeLessThan(body.indexOf('>2025</h2>'));
    expect(body).toContain('12 mars 2026');
    expect(body).toContain('15 décembre 2025');
    expect(body).toContain(`href="/archive/${spring.slug}"`);
    for (const hidden of ['Réservé aux adhérent·es', 'Membres et adhérent·es', 'Brouillon en cours'])
      expect(body).not.toContain(hidden);
  });

  it('shows one issue full width as its own document, without placeholders or personal data, with an ETag', async () => {
    const res = await get(`/archive/${spring.slug}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    // the letter itself (no frame, no second scrollbar), with the French bar on top
    expect(body).not.toContain('<iframe');
    expect(body).toMatch(/<body[^>]*><nav aria-label="Archives des lettres"/);
    expect(body).toContain(
      'Lettre des membres envoyée le <time dateTime="2026-03-12T09:00:00.000Z" style="white-space:nowrap">12 mars 2026</time>',
    );
    expect(body).toContain('<a href="/archive"');
    expect(body).toContain('<meta name="viewport"');
    expect(body).toContain(`<link rel="canonical" href="${PUBLIC_URL}/archive/${spring.slug}">`);
    expect(body).not.toContain('name="robots"');
    expect(body).toContain('Le mot de la présidente pour ce printemps.');
    expect(body).toContain('À Grenoble, un budget participatif');
    expect(body).not.toContain('%%CRIEUR_');
    expect(body).not.toMatch(/camille|dupont|@example\.org|192\.0\.2\.1/i);
    // what only makes sense in an inbox is gone; a visitor is offered to subscribe and the other letters
    for (const inboxOnly of [
      'Voir cette lettre dans votre navigateur',
      'Vous recevez cette lettre',
      'Se désinscrire',
      'Gérer mes préférences',
      'Version en ligne',
    ])
      expect(body).not.toContain(inboxOnly);
    expect(body).toMatch(new RegExp(`<a href="${PUBLIC_URL}/subscribe"[^>]*>S’abonner à cette lettre</a>`));
    expect(body).toMatch(new RegExp(`<a href="${PUBLIC_URL}/archive"[^>]*>Toutes les lettres</a>`));
    expect(body).toContain('Pour recevoir les prochaines lettres dans votre boîte\u00a0:');
    expect(body).not.toMatch(/\/(unsubscribe|preferences)\//);
    // no script at all, the letter's inline styles, images only from the site itself, never framed
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    // the images' absolute addresses are PUBLIC_URL's, whatever host name the page was reached by
    expect(csp).toContain(`img-src 'self' ${PUBLIC_URL} data:`);
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp.replace(PUBLIC_URL, '')).not.toMatch(/script-src|https:|http:/);
    expect(body).not.toMatch(/<script/i);
    const again = await get(`/archive/${spring.slug}`, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('makes a letter frozen before the inbox-only parts were marked public too', async () => {
    // the templates before the inbox-only parts were wrapped in div.nl-reader-only
    const unmark = (html: string) =>
      html.replace(/<div class="nl-reader-only">([\s\S]*?)<\/div>/g, (_, inner: string) => inner);
    const legacy = await sentCampaign({
      subject: 'Lettre ancienne',
      kind: 'democraties',
      lists: ['democraties'],
      at: '2025-11-15T09:00:00Z',
      frozen: (html) => {
        const old = unmark(html);
        expect(old).not.toContain('nl-reader-only');
        expect(old).toContain('Voir cette lettre dans votre navigateur');
        return old;
      },
    });
    const body = (await get(`/archive/${legacy.slug}`)).body;
    for (const inboxOnly of [
      'Voir cette lettre dans votre navigateur',
      'Vous recevez cette lettre',
      'Se désinscrire',
      'Gérer mes préférences',
      'Version en ligne',
    ])
      expect(body).not.toContain(inboxOnly);
    expect(body).toContain('S’abonner à cette lettre');
  });

  it('sends the former full-page address to the issue page', async () => {
    const res = await get(`/archive/${winter.slug}/lettre`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/archive/${winter.slug}`);
  });

  it('opens a private issue with its token, never indexed nor cached by others', async () => {
    // the token "Envoyer" gives an issue (markCampaignSent freezes only the rendering)
    const token = 'jeton-de-la-lettre-privee-0123456789';
    await h.database.db.execute(`update campaigns set web_token = '${token}' where slug = '${privateIssue.slug}'`);
    const res = await get(`/archive/${privateIssue.slug}?k=${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(res.headers['cache-control']).toMatch(/^private/);
  });

  it('answers a French 404 for unknown, draft and private-list issues', async () => {
    for (const slug of ['inconnue', draft.slug, privateIssue.slug, mixed.slug]) {
      for (const url of [`/archive/${slug}`, `/archive/${slug}/lettre`]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).toContain('Lettre introuvable');
        expect(res.body).not.toContain('%%CRIEUR_');
      }
    }
  });
});

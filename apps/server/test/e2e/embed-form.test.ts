// The studio's snippet pasted on another site (another origin: 127.0.0.1 vs localhost), submitted in Chromium:
// from an allowed site, our thanks page and a confirmation email; from any other, the refusal page and nothing sent.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../free-port';
import { type Harness } from '../harness';
import type { SmtpSink } from '../smtp-sink';
import { startMailWorld, type MailWorld } from '../mail-world';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/feeds-embed';

// Chromium keeps its connections open: close them, or close() waits for them
const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Another site: one page holding the snippet, on its own port of 127.0.0.1. */
async function hostSite(snippet: string): Promise<{ origin: string; close(): Promise<void> }> {
  const port = await freePort();
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site de l’association</title></head>
<body style="font-family:Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
<main><h1>Institut de la concertation</h1><p>Recevez nos lettres :</p>
${snippet}
</main></body></html>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => stop(server),
  };
}

describe('the embeddable subscribe form, pasted on another site (Chromium, SMTP, PostgreSQL, Redis)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let sink: SmtpSink;
  let mailWorld: MailWorld;
  const sites: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    world = await startE2e({ realClock: true });
    ({ h, base } = world);
    mailWorld = await startMailWorld(h, { publicUrl: base });
    sink = mailWorld.sink;
  });
  afterAll(async () => {
    for (const site of sites) await site.close();
    await mailWorld?.close();
    await world?.close();
  });

  const subscribeFrom = async (page: Page, origin: string, email: string) => {
    await page.goto(`${origin}/`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel(/Prénom ou nom/).fill('Léa Martin');
    await page
      .getByLabel(/démocratieS/)
      .first()
      .check();
    await page.getByRole('button', { name: 'M’abonner' }).click();
  };

  it('an admin allows the site and copies the snippet; a visitor there subscribes; another site is refused', async () => {
    const allowedPort = await freePort();
    const allowed = `http://127.0.0.1:${allowedPort}`;
    const admin = await h.createStaff('admin', 'admin@icpc.example');

    // the studio: the allowed site typed (with a mistake first), the lists chosen, the snippet copied
    const studio = await world.browser.newPage();
    await studio.setViewportSize({ width: 1440, height: 900 });
    await login(studio, base, admin.email);
    await studio.getByRole('link', { name: 'Formulaire à intégrer' }).first().click();
    await studio.getByRole('heading', { level: 1, name: 'Formulaire à intégrer' }).waitFor();
    const origins = studio.getByLabel('Adresses des sites, une par ligne');
    await origins.fill('www.i-cpc.org/abonnement');
    await studio.getByRole('button', { name: 'Enregistrer' }).click();
    await studio.getByText('« www.i-cpc.org/abonnement » n’est pas l’adresse d’un site').waitFor();
    await origins.fill(`${allowed}\nhttps://www.i-cpc.org`);
    await studio.getByRole('button', { name: 'Enregistrer' }).click();
    await studio.getByText('Sites autorisés enregistrés.').waitFor();
    await studio.getByRole('checkbox', { name: /des membres/ }).uncheck();
    const snippet = await studio.getByLabel('Code HTML du formulaire').inputValue();
    expect(snippet).toContain(`<form action="${base}/subscribe/embed" method="post"`);
    expect(snippet).not.toContain('value="membres"');
    expect(snippet).toContain('value="democraties"');
    await studio.getByRole('button', { name: 'Copier' }).waitFor();
    await shoot(studio, 'embed-studio-1440.png', { copyTo: SHOTS });
    await studio.setViewportSize({ width: 390, height: 844 });
    await shoot(studio, 'embed-studio-390.png', { copyTo: SHOTS });

    // the allowed site, exactly on the port saved above
    const site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>ICPC</title></head><body><main>` +
          `<h1>Institut de la concertation</h1>${snippet}</main></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(allowedPort, '127.0.0.1', resolve));
    sites.push({ close: () => stop(site) });

    const visitor = await world.browser.newPage();
    await visitor.setViewportSize({ width: 1440, height: 900 });
    await visitor.goto(`${allowed}/`);
    await shoot(visitor, 'embed-host-1440.png', { copyTo: SHOTS });
    await subscribeFrom(visitor, allowed, 'lea.embed@example.org');
    await visitor.getByRole('heading', { level: 1, name: 'Vérifiez votre boîte mail' }).waitFor();
    expect(visitor.url()).toBe(`${base}/subscribe/embed`);
    const back = visitor.getByRole('link', { name: `Revenir sur 127.0.0.1:${allowedPort}` });
    expect(await back.getAttribute('href')).toBe(allowed);
    await shoot(visitor, 'embed-thanks-1440.png', { copyTo: SHOTS });
    await visitor.setViewportSize({ width: 390, height: 844 });
    await shoot(visitor, 'embed-thanks-390.png', { copyTo: SHOTS });
    const [confirmation] = await sink.waitFor(1);
    expect(confirmation!.to).toEqual(['lea.embed@example.org']);
    expect(confirmation!.parsed.text).toMatch(/\/confirm\/[A-Za-z0-9_-]{20,}/);

    // the same snippet on a site nobody allowed
    const other = await hostSite(snippet);
    sites.push(other);
    const stranger = await world.browser.newPage();
    await stranger.setViewportSize({ width: 1440, height: 900 });
    await subscribeFrom(stranger, other.origin, 'refus.embed@example.org');
    await stranger.getByRole('heading', { level: 1, name: 'Formulaire non autorisé' }).waitFor();
    await stranger.getByText(/votre demande n’a pas été enregistrée/).waitFor();
    await shoot(stranger, 'embed-refused-1440.png', { copyTo: SHOTS });
    await stranger.setViewportSize({ width: 390, height: 844 });
    await shoot(stranger, 'embed-refused-390.png', { copyTo: SHOTS });
    await new Promise((r) => setTimeout(r, 1000)); // time for a wrong email to show up
    expect(sink.messages.map((m) => m.to[0])).toEqual(['lea.embed@example.org']);
    const rows = (await h.database.db.execute(`select email from subscribers`)) as unknown as { rows: unknown[] };
    expect(rows.rows).toEqual([{ email: 'lea.embed@example.org' }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

describe('a dossier gets its articles from its own page, and a time typed « 21 » « 02 » stays 21:02 (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let api: Client;

  beforeAll(async () => {
    // the server checks a schedule against the real time the browser chose it in
    world = await startE2e({ realClock: true });
    ({ h, base } = world);
    api = h.client();
    await api.login((await h.createStaff('editor', 'redaction@icpc.example')).email);
  });
  afterAll(() => world?.close());

  const article = async (title: string) =>
    (await api.request('POST', '/api/articles', { title, rubrique: 'sur-le-terrain' })).json().article.id as string;

  it('adds two articles through the search, orders them by keyboard, counts them, and schedules at 21:02', async () => {
    const editor = await h.createStaff('editor', 'lea@icpc.example');
    const dossier = (
      await api.request('POST', '/api/dossiers', {
        title: 'Les communes sauveront-elles la démocratie ?',
        lede: 'Enquête sur les communes qui ouvrent leurs décisions aux habitant·es.',
      })
    ).json().dossier;
    const budget = await article('Budget participatif : dix ans de votes');
    const tirage = await article('Tirer au sort le conseil de quartier');
    await article('Une chronique sans rapport');

    const page = await world.browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, base, editor.email);
    await page.goto(`${base}/studio/editorial/dossiers/${dossier.id}`);
    await page.getByRole('heading', { level: 1, name: dossier.title }).waitFor();
    await page.getByText('0 article · 0 publié').waitFor();

    const search = page.getByRole('searchbox', { name: 'Ajouter un article' });
    for (const [typed, title] of [
      ['budget', 'Budget participatif : dix ans de votes'],
      ['tirer', 'Tirer au sort le conseil de quartier'],
    ] as const) {
      await search.fill(typed);
      const results = page.getByRole('list', { name: 'Articles trouvés' });
      await results.getByText(title).waitFor();
      await results.getByRole('button', { name: `Ajouter « ${title} » au dossier` }).click();
      await page.getByText(`« ${title} » ajouté au dossier.`).waitFor();
    }
    const list = page.getByRole('list', { name: 'Articles du dossier' });
    await page.getByText('2 articles · 0 publié').waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Budget participatif'),
      expect.stringContaining('Tirer au sort'),
    ]);

    // keyboard: Space picks the second up, the up arrow moves it, Space drops it; the order saves itself
    const handle = list.getByRole('button', { name: 'Déplacer « Tirer au sort le conseil de quartier »' });
    await handle.focus();
    // dnd-kit measures the list after the pick-up and moves it after the arrow: a pause lets each step land
    for (const key of ['Space', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(300);
    }
    await page.getByText('Ordre des articles enregistré.').waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Tirer au sort'),
      expect.stringContaining('Budget participatif'),
    ]);
    const stored = (await api.request('GET', `/api/dossiers/${dossier.id}`)).json().dossier;
    expect(stored.articles.map((a: { id: string }) => a.id)).toEqual([tirage, budget]);
    await shoot(page, 'dossier-page.png');

    await page.getByRole('button', { name: 'Programmer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Programmer la publication du dossier' });
    await dialog.getByRole('button', { name: 'Demain 8 h' }).click();
    const time = dialog.getByLabel('Heure (heure de Paris)');
    await time.fill('');
    await time.pressSequentially('21');
    await time.pressSequentially('02');
    expect(await time.inputValue()).toBe('2102');
    await dialog.getByText(/Compris\s:\s.* à 21\sh\s02, heure de Paris\./).waitFor();
    await shoot(page, 'dossier-schedule.png', { fullPage: false });
    await dialog.getByRole('button', { name: 'Programmer', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Programmé pour le .* à 21:02 \(heure de Paris\)/).waitFor();
    const scheduled = (await api.request('GET', `/api/dossiers/${dossier.id}`)).json().dossier;
    const paris = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' });
    expect(paris.format(new Date(scheduled.scheduledAt))).toBe('21:02');
    expect(new Date(scheduled.scheduledAt).getTime()).toBeGreaterThan(Date.now());

    await page.getByRole('link', { name: 'Dossiers', exact: true }).first().click();
    const table = page.getByRole('table', { name: 'Dossiers' });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Les communes sauveront-elles' });
    await row.getByText('2 articles').waitFor();
    await row.getByText('Programmé', { exact: true }).waitFor();
    await shoot(page, 'dossiers-list.png');

    // readers: the editorial note rendered from the document, then the articles, on a phone and a desk
    const current = (await api.request('GET', `/api/dossiers/${dossier.id}`)).json().dossier;
    const note = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Budgets participatifs, tirage au sort : ' }] },
        { type: 'paragraph', content: [{ type: 'text', marks: [{ type: 'bold' }], text: 'un tour de France.' }] },
      ],
    };
    const saved = (await api.request('PUT', `/api/dossiers/${dossier.id}`, { ...current, editorialNote: note })).json();
    await api.request('POST', `/api/dossiers/${dossier.id}/transition`, {
      action: 'publish',
      version: saved.dossier.version,
    });
    const reader = await world.browser.newPage();
    for (const width of [1440, 390]) {
      await reader.setViewportSize({ width, height: 900 });
      await reader.goto(`${base}/dossiers/${dossier.slug}`);
      await reader.locator('strong', { hasText: 'un tour de France.' }).waitFor();
      await shoot(reader, `dossier-public-${width}.png`);
    }
  }, 120_000);
});

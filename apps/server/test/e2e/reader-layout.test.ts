import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoot } from './browser';
import { publishArticle, publishDossier, uploadCover, type SeededArticle } from './reader-seed';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/layout';

// How the reader pages use the screen: the typeface arrives, the cards sit in columns on a desktop and stack on a
// phone, the article's text keeps a readable measure, nothing spills sideways. Screenshots of each page type.
describe('the reader site’s layout at 1440 and 390 px (Chromium)', () => {
  let world: E2eWorld;
  let base: string;
  const articles: SeededArticle[] = [];
  let dossierSlug = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    world = await startE2e();
    base = world.base;
    const { h } = world;
    const editor = h.client();
    await editor.login((await h.createStaff('editor', 'redaction@icpc.example')).email);
    const cover = (alt: string, colours: [string, string]) => uploadCover(h, editor, { alt, caption: '', colours });
    const dossierCover = await cover('Un potager partagé entre deux immeubles', ['#2f6b3a', '#d9c36a']);
    const dossier = await publishDossier(editor, {
      title: 'Démocratie alimentaire',
      lede: "Cantines, jardins, marchés : qui décide de ce qu'on mange, et comment l'ouvrir aux habitant·es ?",
      cover: dossierCover,
    });
    dossierSlug = dossier.slug;
    const seeds: [string, string, string, [string, string] | null, boolean][] = [
      [
        'Le tirage au sort peut-il sauver nos conseils de quartier ?',
        'points-de-vue',
        'le tirage au sort',
        ['#7a2b2b', '#e8a87c'],
        false,
      ],
      [
        'Budget participatif : dix ans après, ce qui a changé',
        'sur-le-terrain',
        'le budget participatif',
        ['#1c4fa0', '#9ec5f0'],
        false,
      ],
      ['Les oubliés de la concertation', 'dans-les-marges', 'la concertation', null, false],
      [
        'Conventions citoyennes : la fabrique de la loi',
        'points-de-vue',
        'la convention',
        ['#444466', '#c0c0e0'],
        false,
      ],
      [
        'Démocratie alimentaire : les cantines reprennent la main',
        'sur-le-terrain',
        'la cantine',
        ['#8a5a1c', '#f2d49b'],
        true,
      ],
      [
        'Jardins partagés : qui décide de ce qu’on plante ?',
        'points-de-vue',
        'le jardin',
        ['#2b6b5a', '#a8e0c8'],
        true,
      ],
      ['Au marché, les producteurs prennent la parole', 'dans-les-marges', 'le marché', ['#6b2b5a', '#e0a8c8'], true],
    ];
    for (const [title, rubrique, topic, colours, inDossier] of seeds) {
      articles.push(
        await publishArticle(editor, {
          title,
          lede: `Enquête sur ${topic} : ce que les habitant·es en disent, et ce que les élu·es en font.`,
          rubrique,
          topic,
          tags: inDossier ? ['Alimentation', 'Cantines'] : ['Participation'],
          authors: ['Camille Martin', 'Léa Dubois'],
          cover: colours ? await cover(`Illustration : ${topic}`, colours) : null,
          dossierId: inDossier ? dossier.id : null,
        }),
      );
      h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    }
  });
  afterAll(() => world?.close());

  const open = async (width: number, url: string) => {
    const page = await world.browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    const res = await page.goto(`${base}${url}`);
    await page.evaluate('document.fonts.ready');
    return { page, status: res?.status() };
  };
  const overflow = (page: Page) =>
    page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;
  const pages = () => [
    ['accueil', '/'],
    ['article', `/articles/${articles[4]!.slug}`],
    ['dossier', `/dossiers/${dossierSlug}`],
    ['dossiers', '/dossiers'],
    ['rubrique', '/rubriques/points-de-vue'],
    ['mot-cle', '/mots-cles/alimentation'],
    ['introuvable', '/articles/introuvable'],
    ['abonnement', '/subscribe'],
  ];

  it('uses the self-hosted typeface, three columns of cards on a desktop, one on a phone', async () => {
    const { page } = await open(1440, '/');
    expect(await page.evaluate('document.fonts.check("1rem \\"Source Serif 4\\"")')).toBe(true);
    const family = (await page.evaluate('getComputedStyle(document.querySelector("main h1")).fontFamily')) as string;
    expect(family).toContain('Source Serif 4');
    const columns = async (p: Page) =>
      p.evaluate(`getComputedStyle(document.querySelector('.cards')).gridTemplateColumns.split(' ').length`);
    expect(await columns(page)).toBe(3);
    // the page is laid out over the desktop's width, not a narrow column
    const width = (await page.evaluate('document.querySelector("main").getBoundingClientRect().width')) as number;
    expect(width).toBeGreaterThan(1100);
    await page.close();
    const phone = await open(390, '/');
    expect(await columns(phone.page)).toBe(1);
    await phone.page.close();
  });

  it('keeps the article’s text to a readable measure, with the dossier beside it on a desktop', async () => {
    const { page } = await open(1440, `/articles/${articles[4]!.slug}`);
    const measure = (await page.evaluate(`(() => {
      const p = document.querySelector('.prose p');
      const style = getComputedStyle(p);
      const canvas = document.createElement('canvas').getContext('2d');
      canvas.font = style.fontSize + ' ' + style.fontFamily;
      const perChar = canvas.measureText('abcdefghijklmnopqrstuvwxyz ').width / 27;
      return { chars: p.getBoundingClientRect().width / perChar };
    })()`)) as { chars: number };
    expect(measure.chars).toBeGreaterThan(55);
    expect(measure.chars).toBeLessThan(85);
    const prose = await page.locator('.prose').boundingBox();
    const box = await page.locator('.dossier-box').boundingBox();
    expect(box!.x).toBeGreaterThan(prose!.x + prose!.width);
    await page.close();
  });

  it('never spills sideways, and shows each page type at 1440 and 390 px', { timeout: 180_000 }, async () => {
    for (const width of [1440, 390]) {
      for (const [name, url] of pages()) {
        const { page } = await open(width, url!);
        expect(await overflow(page), `${name} à ${width} px`).toBeLessThanOrEqual(1);
        // lazy images below the fold: scroll them in before the full-page shot
        await page.evaluate(`(async () => {
          for (const img of document.querySelectorAll('img[loading=lazy]')) img.loading = 'eager';
          await Promise.all([...document.images].map((i) => i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; })));
        })()`);
        await shoot(page, `layout-${name}-${width}.png`, { copyTo: SHOTS });
        await page.close();
      }
    }
  });
});

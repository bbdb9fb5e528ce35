import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../harness';
import { axeFindings, describeFinding, isBlocking } from './axe';
import { shoot } from './browser';
import {
  publishArticle,
  publishDossier,
  seedNetwork,
  sentLetter,
  subscribedReader,
  type SeededNetwork,
  uploadCover,
  type ReaderLinks,
  type SeededArticle,
} from './reader-seed';
import { startE2e, type E2eWorld } from './start-e2e';
import { COLLECT_TEXTS, pageTypographyIssues, typographyIssues } from './typography-check';

const SHOTS = '/tmp/shots/a11y';
const SHOTS_C = '/tmp/shots/C';
const WIDTHS = [1440, 390] as const;

/** What one page owes every reader, whatever its type: problems as sentences, none when all is well. */
async function sitePageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  if ((await page.locator('html').getAttribute('lang')) !== 'fr') problems.push('<html> sans lang="fr"');
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) problems.push(`${h1} titres h1 (un seul attendu)`);
  for (const [role, least] of [
    ['banner', 1],
    ['navigation', 1],
    ['main', 1],
    ['contentinfo', 1],
  ] as const) {
    const count = await page.getByRole(role).count();
    if (count < least || (role === 'main' && count > 1)) problems.push(`repère « ${role} » : ${count} trouvé(s)`);
  }
  problems.push(...((await page.evaluate(PAGE_FACTS)) as string[]));
  problems.push(...(await skipLinkProblems(page)));
  return problems;
}

// Run in the page: what a phone, a screen reader or a password manager would trip on, as sentences.
const PAGE_FACTS = `(() => {
  const problems = [];
  const overflow = document.documentElement.scrollWidth - window.innerWidth;
  if (overflow > 1) problems.push('la page déborde de ' + overflow + ' px en largeur (défilement horizontal)');
  for (const img of document.querySelectorAll('main img')) {
    const name = img.getAttribute('src');
    if (!img.hasAttribute('width') || !img.hasAttribute('height')) problems.push('image sans width/height : ' + name);
    if (img.complete && img.naturalWidth === 0 && img.getAttribute('loading') !== 'lazy')
      problems.push('image qui ne se charge pas : ' + name);
  }
  for (const input of document.querySelectorAll('input[type=email]'))
    if (input.getAttribute('autocomplete') !== 'email') problems.push('champ e-mail sans autocomplete="email" : #' + input.id);
  for (const field of document.querySelectorAll('[aria-invalid=true]')) {
    const ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
    if (!ids.some((id) => document.getElementById(id)))
      problems.push('champ en erreur sans message relié (aria-describedby) : #' + field.id);
  }
  return problems;
})()`;

/** The first Tab reaches a visible link to the main content, and following it takes the keyboard there. */
async function skipLinkProblems(page: Page): Promise<string[]> {
  await page.keyboard.press('Tab');
  const first = (await page.evaluate(`(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return null;
    const href = a.getAttribute('href') || '';
    const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
    const main = document.querySelector('main');
    const box = a.getBoundingClientRect();
    return {
      what: a.tagName.toLowerCase() + ' « ' + (a.textContent || '').trim() + ' » ' + href,
      toMain: !!(target && main && (target === main || main.contains(target))),
      visible: box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0 && box.top < innerHeight,
    };
  })()`)) as { what: string; toMain: boolean; visible: boolean } | null;
  if (!first) return ['la touche Tab n’atteint aucun élément'];
  if (!first.toMain)
    return [`le premier élément atteint au clavier n’est pas un lien d’évitement vers main : ${first.what}`];
  const problems = first.visible ? [] : [`le lien d’évitement reste invisible quand il a le focus : ${first.what}`];
  await page.keyboard.press('Enter');
  const inMain =
    "(() => { const m = document.querySelector('main'); return !!m && m.contains(document.activeElement); })()";
  if (!(await page.evaluate(inMain))) {
    // a target without tabindex moves only the starting point of the next Tab
    await page.keyboard.press('Tab');
    if (!(await page.evaluate(inMain))) problems.push('après le lien d’évitement, le focus n’est pas dans main');
  }
  return problems;
}

/** The archived letter is the e-mail document itself: its language, title, headings in order and images' text. */
async function letterProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  if ((await page.locator('html').getAttribute('lang')) !== 'fr') problems.push('<html> de la lettre sans lang="fr"');
  if (!(await page.title()).trim()) problems.push('lettre sans <title>');
  const levels = (await page.evaluate(
    "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]))",
  )) as number[];
  levels.forEach((level, i) => {
    if (i > 0 && level > levels[i - 1]! + 1) problems.push(`titres : h${levels[i - 1]} suivi de h${level}`);
  });
  const noAlt = await page.locator('img:not([alt])').count();
  if (noAlt) problems.push(`${noAlt} image(s) sans attribut alt`);
  if ((await page.getByRole('main').count()) !== 1) problems.push('la lettre n’est pas le contenu principal (main)');
  if (!(await page.getByRole('navigation', { name: 'Archives des lettres' }).count()))
    problems.push('la barre des archives manque');
  return problems;
}

type PageCase = {
  name: string;
  /** the address to open, or the steps that lead to the page (a form sent, a button pressed) */
  open: (page: Page, width: (typeof WIDTHS)[number]) => Promise<unknown>;
  /** the HTTP status of the page shown (200 unless told) */
  status?: number;
  /** a text the page's main content must show: the page is the one asked for, not an error in its place */
  shows?: string;
  /** what else this page type promises */
  extra?: (page: Page) => Promise<string[]>;
  letter?: boolean;
  /** a second folder the screenshots are copied to (the network's pages, issue 17) */
  shots?: string;
};

describe('every public page type: axe-core, landmarks, skip link and French typography (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let lead: SeededArticle;
  let dossier: { slug: string };
  let letter: { slug: string };
  let network: SeededNetwork;
  const readers = new Map<number, ReaderLinks>();
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    world = await startE2e();
    ({ h, base } = world);
    const editor = h.client();
    const staff = await h.createStaff('admin', 'redaction@icpc.example');
    await editor.login(staff.email);
    const cover = (alt: string, caption: string, colours: [string, string]) =>
      uploadCover(h, editor, { alt, caption, colours });
    const [cantine, marche, jardin, conseil, dossierCover] = await Promise.all([
      cover('Des enfants à table dans une cantine scolaire', 'Photo : Léa Dubois', ['#f4a259', '#bc4b51']),
      cover('Un marché couvert le samedi matin', 'Photo : Karim Benali', ['#5b8e7d', '#8cb369']),
      cover('Des bacs de légumes dans un jardin partagé', 'Photo : Inès Moreau', ['#264653', '#2a9d8f']),
      cover('Une salle de conseil municipal pleine', 'Photo : Paul Girard', ['#3d5a80', '#98c1d9']),
      cover('Un plateau-repas vu du dessus', 'Illustration : Marion Roux', ['#e76f51', '#f4a261']),
    ]);
    const d = await publishDossier(editor, {
      title: 'Qui décide de ce que nous mangeons ?',
      lede: "Enquête sur les communes qui ouvrent l'alimentation au débat public.",
      cover: dossierCover,
    });
    dossier = d;
    lead = await publishArticle(editor, {
      title: 'Démocratie alimentaire : les cantines reprennent la main',
      lede: "Dans trois communes, les parents votent les menus de l'année.",
      rubrique: 'sur-le-terrain',
      topic: 'la cantine',
      tags: ['Alimentation', 'Communes'],
      authors: ['Camille Martin', 'Jules Petit'],
      cover: cantine,
      dossierId: d.id,
    });
    await publishArticle(editor, {
      title: "Le marché, dernier lieu d'une démocratie ordinaire ?",
      lede: 'Chronique du samedi matin, entre deux étals.',
      rubrique: 'points-de-vue',
      topic: 'la question des marchés',
      tags: ['Alimentation'],
      authors: ['Nora Haddad'],
      cover: marche,
      dossierId: d.id,
    });
    await publishArticle(editor, {
      title: 'Jardins partagés : cultiver en marge des règles',
      lede: 'Des parcelles occupées, puis reconnues par la mairie.',
      rubrique: 'dans-les-marges',
      topic: 'la terre',
      tags: ['Communes'],
      authors: ['Inès Moreau'],
      cover: jardin,
      dossierId: null,
    });
    await publishArticle(editor, {
      title: 'Tirage au sort : le conseil de quartier en questions',
      lede: "Ce qu'en pensent celles et ceux qui y siègent.",
      rubrique: 'sur-le-terrain',
      topic: 'la participation',
      tags: ['Tirage au sort'],
      authors: [],
      cover: conseil,
      dossierId: null,
    });
    await publishArticle(editor, {
      title: 'Une tribune sans image',
      lede: 'Le texte seul, sans couverture.',
      rubrique: 'points-de-vue',
      topic: 'la lecture',
      tags: [],
      authors: ['Anne Leroy'],
      cover: null,
      dossierId: null,
    });
    network = await seedNetwork(h, {
      imageMediaId: await cover('Des habitant·es votent à main levée', 'Photo : ICPC', ['#2a9d8f', '#e9c46a']),
    });
    letter = await sentLetter(h, { staffId: staff.id, publicUrl: base, articleUrl: `${base}/articles/${lead.slug}` });
    for (const width of WIDTHS) readers.set(width, await subscribedReader(h, `Lecteur${width}`));
    page = await world.browser.newPage();
  }, 120_000);
  afterAll(() => world?.close());

  const go = (path: string) => (p: Page) => p.goto(`${base}${path}`);
  const reader = (width: number) => readers.get(width)!;
  const pages: PageCase[] = [
    {
      name: 'accueil',
      open: go('/'),
      shows: 'Qui décide de ce que nous mangeons',
      extra: async (p) => {
        // the issue found the same article twice on the home page: each article once (a card's image link aside)
        const hrefs = await p
          .locator('main a[href^="/articles/"]:not([tabindex="-1"])')
          .evaluateAll((links) =>
            links.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute('href')),
          );
        const twice = [...new Set(hrefs.filter((href, i) => hrefs.indexOf(href) !== i))];
        return twice.map((href) => `article présent plusieurs fois sur l’accueil : ${href}`);
      },
    },
    { name: 'article', open: (p) => p.goto(`${base}/articles/${lead.slug}`), shows: 'Démocratie alimentaire' },
    { name: 'dossier', open: (p) => p.goto(`${base}/dossiers/${dossier.slug}`), shows: 'Démocratie alimentaire' },
    { name: 'dossiers', open: go('/dossiers'), shows: 'Qui décide de ce que nous mangeons' },
    { name: 'rubrique', open: go('/rubriques/sur-le-terrain'), shows: 'Tirage au sort' },
    { name: 'mot-cle', open: go('/mots-cles/alimentation'), shows: 'Le marché, dernier lieu' },
    {
      name: 'recherche',
      open: go('/recherche?q=democratie+alimentaire'),
      shows: 'Démocratie alimentaire',
      extra: async (p) => {
        // without accents, the article titled « Démocratie alimentaire : … » comes first
        const first = await p.locator('main a[href^="/articles/"]').first().getAttribute('href', { timeout: 1_000 });
        return first === `/articles/${lead.slug}`
          ? []
          : [`premier résultat : ${first} (/articles/${lead.slug} attendu)`];
      },
    },
    { name: 'recherche-vide', open: go('/recherche?q=zxqwv'), shows: 'zxqwv' },
    { name: 'abonnement', open: go('/subscribe'), shows: 'Lettre de démocratieS' },
    {
      name: 'abonnement-erreurs',
      open: async (p) => {
        await p.goto(`${base}/subscribe`);
        await p.getByLabel('Adresse e-mail').fill('pas-une-adresse');
        await p.getByRole('button', { name: 'M’abonner' }).click();
        await p.getByRole('alert').waitFor();
      },
      status: 400,
    },
    {
      name: 'abonnement-merci',
      open: async (p, width) => {
        await p.goto(`${base}/subscribe`);
        await p.getByLabel('Adresse e-mail').fill(`nouvelle-${width}@example.org`);
        await p.getByLabel(/Lettre de démocratieS/).check();
        await p.getByRole('button', { name: 'M’abonner' }).click();
        await p.getByRole('heading', { name: 'Vérifiez votre boîte mail' }).waitFor();
      },
      status: 202,
    },
    {
      name: 'confirmation',
      open: (p, width) => p.goto(`${base}${reader(width).confirm}`),
      shows: 'Lettre des membres',
    },
    {
      name: 'confirmation-faite',
      open: async (p, width) => {
        await p.goto(`${base}${reader(width).confirm}`);
        await p.getByRole('button', { name: 'Confirmer mon inscription' }).click();
        await p.getByRole('heading', { name: 'Inscription confirmée' }).waitFor();
      },
    },
    { name: 'lien-invalide', open: go(`/confirm/${'x'.repeat(43)}`), status: 410 },
    { name: 'preferences', open: (p, width) => p.goto(`${base}${reader(width).preferences}`), shows: '@example.org' },
    {
      name: 'preferences-enregistrees',
      open: async (p, width) => {
        await p.goto(`${base}${reader(width).preferences}`);
        await p.getByRole('button', { name: 'Enregistrer mes choix' }).click();
        await p.getByText('Vos choix sont enregistrés.').waitFor();
      },
    },
    { name: 'desinscription', open: (p, width) => p.goto(`${base}${reader(width).unsubscribe}`), shows: 'Lettre' },
    {
      name: 'desinscription-faite',
      open: async (p, width) => {
        await p.goto(`${base}${reader(width).unsubscribe}`);
        await p.getByRole('button', { name: 'Me désinscrire' }).click();
        await p.getByRole('heading', { name: 'C’est fait' }).waitFor();
      },
    },
    { name: 'lien-inconnu', open: go(`/unsubscribe/${'x'.repeat(43)}`), status: 404, shows: 'Nous écrire' },
    { name: 'lien-essai', open: go('/unsubscribe/essai') },
    { name: 'archives', open: go('/archive'), shows: 'Lettre de décembre' },
    {
      name: 'lettre-archivee',
      open: (p) => p.goto(`${base}/archive/${letter.slug}`),
      letter: true,
      shows: 'assiette devient politique',
    },
    { name: 'lettre-introuvable', open: go('/archive/lettre-inconnue'), status: 404 },
    { name: 'mentions-legales', open: go('/mentions-legales'), shows: 'Mentions légales' },
    { name: 'confidentialite', open: go('/confidentialite'), shows: 'Politique de confidentialité' },
    { name: 'contact', open: go('/contact'), shows: 'Contact' },
    { name: 'agenda', open: go('/agenda'), shows: 'Rencontre régionale des budgets participatifs', shots: SHOTS_C },
    { name: 'agenda-archives', open: go('/agenda/archives'), shows: 'Atelier sur les conventions', shots: SHOTS_C },
    { name: 'agenda-filtre-vide', open: go('/agenda?mois=2099-01'), shows: 'Aucun événement', shots: SHOTS_C },
    {
      name: 'evenement',
      open: (p) => p.goto(`${base}/agenda/${network.event}`),
      shows: 'Ajouter à mon agenda',
      shots: SHOTS_C,
    },
    {
      name: 'evenement-passe',
      open: (p) => p.goto(`${base}/agenda/${network.pastEvent}`),
      shows: 'Cet événement a eu lieu',
    },
    { name: 'offres', open: go('/offres'), shows: 'Chargé·e de mission concertation', shots: SHOTS_C },
    { name: 'offres-vides', open: go('/offres?contrat=alternance'), shows: 'Aucune offre', shots: SHOTS_C },
    {
      name: 'offre',
      open: (p) => p.goto(`${base}/offres/${network.offer}`),
      shows: 'Ville de Grenoble',
      shots: SHOTS_C,
    },
    {
      name: 'offre-close',
      open: (p) => p.goto(`${base}/offres/${network.closedOffer}`),
      status: 410,
      shows: 'Cette offre est close',
      shots: SHOTS_C,
    },
    { name: 'actualites-adherents', open: go('/actualites-adherents'), shows: 'Les Ami·es du débat', shots: SHOTS_C },
    {
      name: 'actualite-adherent',
      open: (p) => p.goto(`${base}/actualites-adherents/${network.news}`),
      shows: 'Rennes',
      shots: SHOTS_C,
    },
    {
      name: 'recherche-reseau',
      open: go('/recherche?q=budgets+participatifs'),
      shows: 'Agenda, offres',
      shots: SHOTS_C,
    },
    { name: '404', open: go('/page-qui-n-existe-pas'), status: 404, shows: 'Chercher un article' },
    { name: 'article-introuvable', open: go('/articles/article-inconnu'), status: 404 },
  ];

  it.each(pages)(
    '$name',
    async (pageCase) => {
      const problems: string[] = [];
      let status = 0;
      page.on('response', (response) => {
        if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
          status = response.status();
      });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
        await pageCase.open(page, width);
        await shoot(page, `a11y-${pageCase.name}-${width}.png`, { copyTo: SHOTS });
        if (pageCase.shots) await shoot(page, `${pageCase.name}-${width}.png`, { copyTo: pageCase.shots });
        const where = (p: string) => `[${pageCase.name} @ ${width}px] ${p}`;
        if (status !== (pageCase.status ?? 200))
          problems.push(where(`statut HTTP ${status} (${pageCase.status ?? 200} attendu)`));
        const main = pageCase.letter ? page.locator('body') : page.locator('main');
        if (pageCase.shows && !(await main.innerText()).includes(pageCase.shows))
          problems.push(where(`le contenu principal ne montre pas « ${pageCase.shows} »`));
        // readers never see the software's name
        if (/crieur/i.test(`${await page.title()} ${await page.locator('body').innerText()}`))
          problems.push(where('le nom du logiciel « Crieur » est visible'));
        const findings = await axeFindings(page);
        problems.push(...findings.filter(isBlocking).map((f) => where(`axe ${describeFinding(f)}`)));
        // minor and moderate findings do not fail the test, but the lead reads them in the output
        for (const f of findings.filter((f) => !isBlocking(f))) console.info(where(`axe ${describeFinding(f)}`));
        if (pageCase.extra)
          problems.push(...(await pageCase.extra(page).catch((e: Error) => [e.message.split('\n')[0]!])).map(where));
        problems.push(...pageTypographyIssues((await page.evaluate(COLLECT_TEXTS)) as never).map(where));
        problems.push(...(pageCase.letter ? await letterProblems(page) : await sitePageProblems(page)).map(where));
      }
      page.removeAllListeners('response');
      expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
    },
    60_000,
  );
});

describe('the typography check itself', () => {
  it('finds what a French reader would see as wrong, and leaves addresses, times and good text alone', () => {
    expect(typographyIssues("L'eau")).toHaveLength(1);
    expect(typographyIssues('Qui décide ?')).toHaveLength(1);
    expect(typographyIssues('Qui décide?')).toHaveLength(1);
    expect(typographyIssues('Photo : Léa')).toHaveLength(1);
    expect(typographyIssues('Photo: Léa')).toHaveLength(1);
    expect(typographyIssues('« citation »')).toHaveLength(2);
    expect(typographyIssues('! et la suite', ' ')).toHaveLength(1);
    expect(typographyIssues('L’eau\u202f? Oui\u202f! «\u202fsi\u202f» ; non', '')).toHaveLength(1);
    expect(typographyIssues('voir https://x.fr/recherche?q=a:b ou a@b.fr ?!')).toHaveLength(1);
    expect(typographyIssues('Photo\u00a0: Léa, à 21:02, https://x.fr/recherche?q=a:b et a@b.fr\u202f?!')).toEqual([]);
    expect(typographyIssues('Qui\u202f?', '')).toEqual([]);
  });
});

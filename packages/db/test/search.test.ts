// French search over what readers see, on PostgreSQL and on PGlite (`pnpm start`'s database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyArticleTransition,
  createArticle,
  createUser,
  listRubriques,
  MATCH_END,
  MATCH_START,
  saveArticle,
  searchArticles,
  setArticleStatus,
  type Database,
} from '../src';
import { bothBackends, seedSearchArticles } from '../src/testing';

const now = new Date('2026-06-15T10:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

describe.each(bothBackends('search'))('searchArticles on %s', (_name, open) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let userId: string;
  let rubriqueId: number;
  let slugs = 0;
  const titles = async (q: string, page = 1, pageSize = 10) =>
    (await searchArticles(database.db, { q, now, page, pageSize })).items.map((i) => i.title);

  /** An article through the editors' path: created, saved with its fields, then (maybe) published. */
  async function article(input: {
    title: string;
    lede?: string;
    body?: string[];
    authors?: string[];
    tags?: string[];
    publishedAt?: Date;
    status?: 'published' | 'draft' | 'scheduled';
  }): Promise<string> {
    const slug = `article-${++slugs}`;
    const body = doc(...(input.body ?? ['Un texte.']));
    const id = await createArticle(database.db, {
      title: input.title,
      slug,
      rubriqueId,
      dossierId: null,
      body,
      authors: [],
      userId,
      now,
    });
    await saveArticle(database.db, {
      id,
      version: 1,
      userId,
      now,
      fields: {
        title: input.title,
        slug,
        lede: input.lede ?? '',
        body,
        rubriqueId,
        dossierId: null,
        tags: input.tags ?? [],
        authors: input.authors ?? [],
        coverMediaId: null,
      },
    });
    const status = input.status ?? 'published';
    if (status === 'published') {
      await setArticleStatus(database.db, {
        id,
        from: 'draft',
        to: 'published',
        publishedAt: input.publishedAt ?? daysAgo(slugs),
        userId,
        now,
      });
    } else if (status === 'scheduled') {
      await setArticleStatus(database.db, {
        id,
        from: 'draft',
        to: 'scheduled',
        scheduledAt: new Date(now.getTime() + 86_400_000),
        userId,
        now,
      });
    }
    return id;
  }

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await database.migrate();
    userId = (await createUser(database.db, { email: 'redac@example.org', role: 'editor', status: 'active' })).id;
    rubriqueId = (await listRubriques(database.db))[0]!.id;
  }, 120_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('ignores accents both ways and finds French word forms', async () => {
    await article({ title: 'La Démocratie des villages', body: ['Les habitants décident ensemble.'] });
    await article({ title: 'Conseil municipal', body: ['Les elus du canton ont vote le budget.'] });
    await article({ title: 'Jardins partagés', body: ['La participation des voisins fait vivre le quartier.'] });
    expect(await titles('democratie')).toEqual(['La Démocratie des villages']);
    expect(await titles('DÉMOCRATIE')).toEqual(['La Démocratie des villages']);
    expect(await titles('élus')).toEqual(['Conseil municipal']);
    expect(await titles('votés')).toEqual(['Conseil municipal']);
    // the French stemmer cuts both to « particip »
    expect(await titles('participatives')).toEqual(['Jardins partagés']);
    expect(await titles('participer')).toEqual(['Jardins partagés']);
  });

  it('puts an article whose title matches before those that only mention it, however often', async () => {
    await article({
      title: 'Cantines et circuits courts',
      body: Array.from({ length: 8 }, () => 'La démocratie alimentaire se joue à la cantine : démocratie alimentaire.'),
      publishedAt: daysAgo(1),
    });
    await article({
      title: 'Démocratie alimentaire : qui décide de ce que nous mangeons ?',
      lede: 'Une enquête.',
      body: ['Des conseils locaux réunissent paysans et mangeurs.'],
      publishedAt: daysAgo(300),
    });
    await article({
      title: 'Le marché du samedi',
      lede: 'La démocratie alimentaire au marché.',
      publishedAt: daysAgo(2),
    });
    // both words in the title, far apart, and many times in the body: after the title that says it
    await article({
      title: 'La démocratie au village, ou la cantine comme affaire alimentaire',
      body: Array.from({ length: 8 }, () => 'Démocratie alimentaire, démocratie alimentaire.'),
      publishedAt: daysAgo(3),
    });
    const found = await titles('democratie alimentaire');
    expect(found[0]).toBe('Démocratie alimentaire : qui décide de ce que nous mangeons ?');
    expect(found[1]).toBe('La démocratie au village, ou la cantine comme affaire alimentaire');
    expect(found).toHaveLength(4);
  });

  it('weighs a word in the lede, the authors or the tags above the same word once in the body', async () => {
    await article({ title: 'Premier', body: ['Le mot mouflon est ici.'], publishedAt: daysAgo(1) });
    await article({ title: 'Second', lede: 'Le mot mouflon est là.', publishedAt: daysAgo(5) });
    await article({ title: 'Troisième', tags: ['mouflon'], publishedAt: daysAgo(6) });
    // lede and tags weigh the same: the newer first
    expect(await titles('mouflon')).toEqual(['Second', 'Troisième', 'Premier']);
  });

  it('never finds drafts, scheduled or unpublished articles, nor those dated after now', async () => {
    await article({ title: 'Brouillon sur la tarentule', status: 'draft' });
    await article({ title: 'Programmé sur la tarentule', status: 'scheduled' });
    const gone = await article({ title: 'Retiré sur la tarentule' });
    await setArticleStatus(database.db, { id: gone, from: 'published', to: 'unpublished', userId, now });
    await article({ title: 'Daté demain sur la tarentule', publishedAt: new Date(now.getTime() + 3_600_000) });
    await article({ title: 'Publié sur la tarentule' });
    expect(await titles('tarentule')).toEqual(['Publié sur la tarentule']);
  });

  it('searches the live version: working edits count only after « Mettre à jour »', async () => {
    const id = await article({ title: 'Le lac gelé', body: ['Les patineurs reviennent.'] });
    const fields = {
      title: 'Le lac dégelé',
      slug: `article-${slugs}`,
      lede: '',
      body: doc('Les hérons reviennent.'),
      rubriqueId,
      dossierId: null,
      tags: [],
      authors: [],
      coverMediaId: null,
    };
    await saveArticle(database.db, { id, version: 2, userId, now, fields });
    expect(await titles('hérons')).toEqual([]);
    expect(await titles('patineurs')).toEqual(['Le lac gelé']);
    await applyArticleTransition(database.db, {
      id,
      from: 'published',
      fromUpdateInReview: false,
      to: 'published',
      snapshot: 'published',
      note: null,
      userId,
      now,
    });
    expect(await titles('hérons')).toEqual(['Le lac dégelé']);
    expect(await titles('patineurs')).toEqual([]);
  });

  it('finds authors and tags, and understands quotes, minus and or', async () => {
    await article({ title: 'Portrait de maire', authors: ['Hélène Quintard'], tags: ['ruralité'] });
    await article({ title: 'Une forêt commune', body: ['La forêt appartient aux habitants du plateau.'] });
    await article({ title: 'Forêt et habitants', body: ['Habitants, la forêt vous attend.'] });
    expect(await titles('quintard')).toEqual(['Portrait de maire']);
    expect(await titles('helene quintard')).toEqual(['Portrait de maire']);
    expect(await titles('ruralite')).toEqual(['Portrait de maire']);
    expect(await titles('"forêt appartient"')).toEqual(['Une forêt commune']);
    expect(await titles('« forêt appartient »')).toEqual(['Une forêt commune']);
    expect((await titles('quintard OU plateau')).sort()).toEqual(['Portrait de maire', 'Une forêt commune']);
    expect(await titles('forêt -plateau')).toEqual(['Forêt et habitants']);
    expect((await titles('quintard or plateau')).sort()).toEqual(['Portrait de maire', 'Une forêt commune']);
  });

  it('gives an excerpt of the lede and body with the matches marked', async () => {
    await article({
      title: 'Assemblée des saisons',
      lede: 'Chapô sans le mot.',
      body: ['Au printemps, une assemblée citoyenne sur les saisons.', 'Un autre paragraphe.'],
    });
    const [hit] = (await searchArticles(database.db, { q: 'saisons', now, page: 1, pageSize: 10 })).items;
    expect(hit!.excerpt).toContain(`${MATCH_START}saisons${MATCH_END}`);
    expect(hit!.excerpt).toContain('Au printemps');
    expect(hit!.rubrique.slug).toBeTruthy();
    expect(hit!.publishedAt).toBeInstanceOf(Date);
  });

  it('finds nothing, without an error, for stop words, punctuation, empty or very long queries', async () => {
    for (const q of ['', '   ', 'le la de des et du une', '!!! ?? :', '&|!()<->:*', "l'", 'x'.repeat(5000)]) {
      const found = await searchArticles(database.db, { q, now, page: 1, pageSize: 10 });
      expect(
        found.items.map((i) => i.title),
        q,
      ).toEqual([]);
      expect(found.total).toBe(0);
    }
  });

  it('pages the hits, newest first among equals, with the total on every page', async () => {
    await seedSearchArticles(database.db, {
      count: 25,
      now: daysAgo(1000),
      make: (n) => ({
        title: `Chronique numéro ${n}`,
        lede: '',
        body: doc('Une chronique du bocage.'),
        authors: [],
        tags: [],
      }),
    });
    const page = (p: number) => searchArticles(database.db, { q: 'bocage', now, page: p, pageSize: 10 });
    const [p1, p3, p4] = await Promise.all([page(1), page(3), page(4)]);
    expect([p1.total, p3.total, p4.total]).toEqual([25, 25, 25]);
    expect(p1.items.map((i) => i.title).slice(0, 2)).toEqual(['Chronique numéro 0', 'Chronique numéro 1']);
    expect(p3.items.map((i) => i.title)).toEqual([20, 21, 22, 23, 24].map((n) => `Chronique numéro ${n}`));
    expect(p4.items).toEqual([]);
  });

  it('ranks every hit: old title or lede matches come before hundreds of newer mentions', async () => {
    // more newer body-only hits than any first pass could rank (the former cap ranked the 500 newest)
    const newer = 600;
    await seedSearchArticles(database.db, {
      count: newer,
      now: daysAgo(10),
      make: (n) => ({
        title: `Bulletin numéro ${n}`,
        lede: '',
        body: doc('Sur le littoral, les zostères reculent.'),
        authors: [],
        tags: [],
      }),
    });
    await article({ title: 'Les zostères, prairies de la mer', publishedAt: daysAgo(4000) });
    await article({ title: 'Herbiers marins', lede: 'Que deviennent les zostères ?', publishedAt: daysAgo(3000) });
    const first = await searchArticles(database.db, { q: 'zostère', now, page: 1, pageSize: 10 });
    expect(first.total).toBe(newer + 2);
    expect(first.items.map((i) => i.title).slice(0, 4)).toEqual([
      'Les zostères, prairies de la mer',
      'Herbiers marins',
      'Bulletin numéro 0',
      'Bulletin numéro 1',
    ]);
    // and the pages hold every hit once, with the same total, the body-only ones by date
    const seen = new Set<string>();
    const totals = new Set<number>();
    for (let p = 1; ; p++) {
      const found = await searchArticles(database.db, { q: 'zostères', now, page: p, pageSize: 100 });
      totals.add(found.total);
      if (!found.items.length) break;
      for (const item of found.items) seen.add(item.id);
    }
    expect([...totals]).toEqual([newer + 2]);
    expect(seen.size).toBe(newer + 2);
    const last = await searchArticles(database.db, { q: 'zostères', now, page: newer / 10, pageSize: 10 });
    expect(last.items.map((i) => i.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Bulletin numéro ${newer - 12 + i}`),
    );
  }, 120_000);

  it('finds a phrase by its word pairs: side by side, across a stop word, three words long, with other words', async () => {
    await article({ title: 'Conventions', body: ['Une assemblée de citoyens a siégé près de la lagune.'] });
    await article({ title: 'Ailleurs', body: ['Les citoyens ont quitté l’assemblée, la lagune aussi.'] });
    await article({ title: 'Lagune', body: ['Une assemblée citoyenne de la lagune, tirée au sort.'] });
    expect(await titles('"assemblée de citoyens"')).toEqual(['Conventions']);
    expect(await titles('"citoyens assemblée"')).toEqual([]);
    expect(await titles('"assemblée citoyenne de la lagune"')).toEqual(['Lagune']);
    expect(await titles('"assemblée citoyenne" sort')).toEqual(['Lagune']);
    expect(await titles('"assemblée citoyenne" siégé')).toEqual([]);
    expect((await titles('lagune assemblée')).sort()).toEqual(['Ailleurs', 'Conventions', 'Lagune']);
  });
});

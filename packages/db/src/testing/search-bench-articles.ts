// Many published articles of French-looking text for the search bench and tests: inserted with unnest arrays
// (a drizzle .values() of thousands of rows spends its time building SQL); the trigger computes their words.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../database';

// from the most to the least frequent: a word's chance falls with its rank, so common and rare words both exist
const NOUNS = [
  'démocratie',
  'participation',
  'citoyen',
  'commune',
  'concertation',
  'habitant',
  'assemblée',
  'élus',
  'débat',
  'territoire',
  'projet',
  'décision',
  'association',
  'quartier',
  'budget',
  'conseil',
  'jury',
  'consultation',
  'référendum',
  'collectivité',
  'écologie',
  'transition',
  'mobilité',
  'logement',
  'école',
  'santé',
  'agriculture',
  'alimentation',
  'énergie',
  'forêt',
  'rivière',
  'climat',
  'sobriété',
  'numérique',
  'plateforme',
  'algorithme',
  'intelligence',
  'tirage',
  'convention',
  'médiation',
  'confiance',
  'défiance',
  'engagement',
  'bénévole',
  'jeunesse',
  'ruralité',
  'métropole',
  'mairie',
  'préfecture',
  'parlement',
  'pétition',
  'manifestation',
  'syndicat',
  'coopérative',
  'garde-manger',
  'cantine',
  'marché',
  'paysan',
  'semence',
  'biodiversité',
  'littoral',
  'montagne',
  'friche',
  'atelier',
];
const ADJECTIVES = [
  'locale',
  'participative',
  'citoyenne',
  'publique',
  'ouverte',
  'délibérative',
  'écologique',
  'solidaire',
  'numérique',
  'rurale',
  'municipale',
  'nationale',
  'européenne',
  'collective',
  'durable',
  'fragile',
  'inédite',
  'sobre',
  'alimentaire',
  'énergétique',
  'représentative',
  'directe',
  'contributive',
  'éphémère',
];
const VERBS = [
  'transforme',
  'interroge',
  'associe',
  'réunit',
  'propose',
  'décide',
  'débat de',
  'construit',
  'observe',
  'raconte',
  'questionne',
  'élabore',
  'accompagne',
  'finance',
  'expérimente',
  'relance',
  'évalue',
  'réinvente',
];
const AUTHORS = [
  'Camille Roux',
  'Hélène Dubreuil',
  'Loïc Blondiaux',
  'Amélie Perrin',
  'Théo Martin',
  'Noémie Laurent',
  'Jérôme Lefèvre',
  'Zoé Garnier',
  'François Mercier',
  'Inès Bouchard',
  'Mathéo Girard',
  'Léa Chevalier',
];
const TAGS = [
  'budget participatif',
  'convention citoyenne',
  'jeunesse',
  'écologie',
  'numérique',
  'ruralité',
  'alimentation',
  'tirage au sort',
  'référendum',
  'communes',
  'Europe',
  'santé',
  'logement',
  'climat',
  'éducation populaire',
];
// one article in about a thousand says it: the bench's rare word
export const RARE_WORD = 'permaculture';

/** Deterministic pseudo-random numbers (mulberry32): the same corpus on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
// rank-skewed pick: the first words of a list come up far more often than the last
const skewed = <T>(r: Rand, list: T[]): T => list[Math.floor(list.length * r() ** 2.2)]!;
const pick = <T>(r: Rand, list: T[]): T => list[Math.floor(list.length * r())]!;
const sentence = (r: Rand) => {
  const s = `${pick(r, ['La', 'Cette', 'Chaque', 'Une'])} ${skewed(r, NOUNS)} ${skewed(r, ADJECTIVES)} ${pick(r, VERBS)} \
la ${skewed(r, NOUNS)} ${skewed(r, ADJECTIVES)} avec les ${skewed(r, NOUNS)}s du ${skewed(r, NOUNS)}`;
  return `${s}${pick(r, ['.', '.', ' ?', ' !', ' : un enjeu.'])}`;
};

export type BenchArticle = {
  title: string;
  lede: string;
  body: Record<string, unknown>;
  authors: string[];
  tags: string[];
};

/** The n-th article of the corpus: title, lede, about `words` words of body in paragraphs, authors, tags. */
export function benchArticle(n: number, words = 600): BenchArticle {
  const r = random(n + 1);
  const paragraphs: Record<string, unknown>[] = [];
  let count = 0;
  while (count < words) {
    const text = Array.from({ length: 5 }, () => sentence(r)).join(' ');
    count += text.split(' ').length;
    paragraphs.push({ type: 'paragraph', content: [{ type: 'text', text }] });
  }
  if (n % 1000 === 7) {
    paragraphs.push({
      type: 'paragraph',
      content: [{ type: 'text', text: `Au jardin partagé, la ${RARE_WORD} sert de prétexte à la délibération.` }],
    });
  }
  const noun = skewed(r, NOUNS);
  return {
    title: `${noun[0]!.toUpperCase()}${noun.slice(1)} ${skewed(r, ADJECTIVES)} : ${sentence(r).slice(0, 60)} (${n})`,
    lede: `${sentence(r)} ${sentence(r)}`,
    body: { type: 'doc', content: paragraphs },
    authors: [pick(r, AUTHORS), ...(r() < 0.2 ? [pick(r, AUTHORS)] : [])],
    tags: [pick(r, TAGS), pick(r, TAGS)].filter((t, i, all) => all.indexOf(t) === i),
  };
}

/**
 * Inserts `count` published articles (a day apart, the newest yesterday) with their live revisions, in batches.
 * Returns the first article's id; `make` replaces the generated text when a test needs its own.
 */
export async function seedSearchArticles(
  db: Db,
  input: { count: number; now: Date; words?: number; batch?: number; make?: (n: number) => BenchArticle },
): Promise<void> {
  const [rubrique] = (
    (await db.execute(sql`select id from rubriques order by position, id limit 1`)) as unknown as {
      rows: { id: number }[];
    }
  ).rows;
  const batch = input.batch ?? 500;
  for (let start = 0; start < input.count; start += batch) {
    const ns = Array.from({ length: Math.min(batch, input.count - start) }, (_, i) => start + i);
    const rows = ns.map((n) => input.make?.(n) ?? benchArticle(n, input.words));
    const ids = ns.map(() => randomUUID());
    const dates = ns.map((n) => new Date(input.now.getTime() - (n + 1) * 86_400_000).toISOString());
    // one array parameter per column (sql.param: drizzle would spread a bare array into a list)
    const col = (values: string[]) => sql.param(values);
    await db.execute(sql`
      insert into articles (id, slug, title, lede, body, rubrique_id, tags, authors, status, published_at)
      select u.id, 'article-' || u.id, u.title, u.lede, u.body::jsonb, ${rubrique!.id},
        string_to_array(u.tags, '|'), string_to_array(u.authors, '|'), 'published', u.at::timestamptz
      from unnest(
        ${col(ids)}::uuid[], ${col(rows.map((a) => a.title))}::text[], ${col(rows.map((a) => a.lede))}::text[],
        ${col(rows.map((a) => JSON.stringify(a.body)))}::text[], ${col(rows.map((a) => a.tags.join('|')))}::text[],
        ${col(rows.map((a) => a.authors.join('|')))}::text[], ${col(dates)}::text[]
      ) as u(id, title, lede, body, tags, authors, at)`);
    // the live version is a published revision, as publishing makes it
    await db.execute(sql`
      with r as (
        insert into article_revisions (article_id, version, title, lede, body, tags, authors, step, saved_at)
        select id, version, title, lede, body, tags, authors, 'published', published_at
        from articles where id = any(${col(ids)}::uuid[])
        returning id, article_id
      )
      update articles set live_revision_id = r.id from r where articles.id = r.article_id`);
  }
  // as autovacuum would: statistics, and the search index's pending entries merged (else every search reads them)
  await db.execute(sql`vacuum analyze articles`);
  await db.execute(sql`vacuum analyze article_revisions`);
}

/** A fixed query that reads no table: timed beside the searches, it tells a busy machine from a slow search. */
export async function referenceQuery(db: Db): Promise<void> {
  await db.execute(sql`select count(*) from generate_series(1, 100000)`);
}

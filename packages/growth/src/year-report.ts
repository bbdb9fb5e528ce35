import {
  articlesPerRubrique,
  campaignReports,
  contributionsPublishedBetween,
  dossiersPublishedBetween,
  listEnteredCounts,
  listLists,
  snapshotsBetween,
  type Db,
} from '@crieur/db';
import { closingCount, openingCount } from './monthly-growth';
import { parisDay, parisDayStart } from './paris-day';

export type YearReport = {
  year: number;
  /** the last day the figures cover: 31 December, or yesterday while the year runs */
  asOf: string;
  campaigns: { total: number; perList: { slug: string; name: string; sent: number }[] };
  sends: { date: string; slug: string; subject: string; lists: string[]; recipients: number; sent: number }[];
  lists: {
    slug: string;
    name: string;
    /** subscribers on 1 January and 31 December (or `asOf`); entered = from a count entered by staff */
    january: number | null;
    januaryEntered: boolean;
    december: number | null;
    decemberEntered: boolean;
    change: number | null;
    subscribes: number;
    unsubscribes: number;
  }[];
  publications: {
    rubriques: { slug: string; name: string; articles: number }[];
    articles: number;
    dossiers: { slug: string; title: string; publishedAt: string }[];
    /** contributions from the network made public in the year: events, job offers, members' news */
    contributions: { events: number; jobs: number; news: number };
  };
};

/** The figures of the yearly activity report (Paris calendar year). */
export async function yearReport(db: Db, input: { year: number; now: Date }): Promise<YearReport> {
  const { year } = input;
  const start = parisDayStart(`${year}-01-01`);
  const end = parisDayStart(`${year + 1}-01-01`);
  const yesterday = parisDay(new Date(input.now.getTime() - 86_400_000));
  const asOf = yesterday < `${year}-12-31` ? yesterday : `${year}-12-31`;
  const allLists = await listLists(db);
  const ids = allLists.map((l) => l.id);
  // an item accepted for a later date is not published yet
  const publishedTo = new Date(Math.min(end.getTime(), input.now.getTime()));
  const [snaps, entered, sends, perRubrique, dossierRows, contributions] = await Promise.all([
    snapshotsBetween(db, { listIds: ids, from: `${year - 1}-12-31`, to: `${year}-12-31` }),
    listEnteredCounts(db, { listIds: ids, fromMonth: `${year}-01`, toMonth: `${year + 1}-01` }),
    campaignReports(db, { from: start, to: end, sentOnly: true }),
    articlesPerRubrique(db, { from: start, to: end }),
    dossiersPublishedBetween(db, { from: start, to: end }),
    contributionsPublishedBetween(db, { from: start, to: publishedTo }),
  ]);
  const chronological = [...sends].reverse();
  return {
    year,
    asOf,
    campaigns: {
      total: sends.length,
      perList: allLists.map((l) => ({
        slug: l.slug,
        name: l.name,
        sent: sends.filter((c) => c.lists.includes(l.slug)).length,
      })),
    },
    sends: chronological.map((c) => ({
      date: parisDay(c.startedAt!),
      slug: c.slug,
      subject: c.subject,
      lists: c.lists,
      recipients: c.recipients,
      sent: c.sent,
    })),
    lists: allLists.map((l) => {
      const mine = snaps.filter((s) => s.listId === l.id);
      const inYear = mine.filter((s) => s.day >= `${year}-01-01` && s.day <= asOf);
      const counts = new Map(entered.filter((e) => e.listId === l.id).map((e) => [e.month, e.confirmed]));
      const open = openingCount(`${year}-01`, new Map(mine.map((s) => [s.day, s.confirmed])), counts);
      const close =
        closingCount(`${year}-12`, inYear, counts, 'snapshot') ??
        closingCount(`${year}-12`, inYear, counts, 'entered') ??
        (inYear.at(-1) ? { value: inYear.at(-1)!.confirmed, source: 'snapshot' as const, day: asOf } : null);
      return {
        slug: l.slug,
        name: l.name,
        january: open?.value ?? null,
        januaryEntered: open?.source === 'entered',
        december: close?.value ?? null,
        decemberEntered: close?.source === 'entered',
        change: open && close ? close.value - open.value : null,
        subscribes: inYear.reduce((n, s) => n + s.subscribes, 0),
        unsubscribes: inYear.reduce((n, s) => n + s.unsubscribes, 0),
      };
    }),
    publications: {
      rubriques: perRubrique.map((r) => ({ slug: r.slug, name: r.name, articles: r.articles })),
      articles: perRubrique.reduce((n, r) => n + r.articles, 0),
      dossiers: dossierRows.map((d) => ({ slug: d.slug, title: d.title, publishedAt: parisDay(d.publishedAt!) })),
      contributions,
    },
  };
}

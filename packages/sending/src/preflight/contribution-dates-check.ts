// An agenda that announces an event already over, or a job offer already closed, reaches readers too late: warn,
// naming the item; staff may still send (a recap of past events is a choice).
import { ok, warning, type PreflightItem } from './preflight-item';

/** What the database says of a contribution a letter carries. */
export type CarriedContribution = { endsAt: Date | null; closesOn: string | null };

export type ContributionDatesInput = {
  now: Date;
  /** the Paris calendar day of `now`, "YYYY-MM-DD" */
  today: string;
  /** by contributionId; an item whose contribution is gone is judged by its own date */
  contributions: ReadonlyMap<string, CarriedContribution>;
};

type Item = { title?: unknown; date?: unknown; closesOn?: unknown; contributionId?: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const rows = (block: Record<string, unknown>, key: string): Item[] =>
  Array.isArray(block[key]) ? (block[key] as unknown[]).filter(isRecord) : [];
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const frDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Every contributionId the letter's agenda, job and news items carry: the preflight looks their dates up. */
export function carriedContributionIds(blocks: readonly unknown[]): string[] {
  return blocks
    .filter(isRecord)
    .flatMap((b) => [...rows(b, 'events'), ...rows(b, 'offers'), ...rows(b, 'items')])
    .map((item) => str(item.contributionId))
    .filter(Boolean);
}

/** Warnings for past events and closed offers; one ok line when the letter has some and all are current. */
export function checkContributionDates(blocks: readonly unknown[], input: ContributionDatesInput): PreflightItem[] {
  const items: PreflightItem[] = [];
  let seen = 0;
  blocks.forEach((block, blockIndex) => {
    if (!isRecord(block)) return;
    if (block.type === 'agenda')
      for (const event of rows(block, 'events')) {
        seen++;
        const carried = input.contributions.get(str(event.contributionId));
        // an event of the database has an end; an item typed by hand only its day (and maybe a start time)
        const past = carried?.endsAt ? carried.endsAt < input.now : str(event.date).slice(0, 10) < input.today;
        if (past && (carried?.endsAt || str(event.date)))
          items.push(
            warning(
              'contribution-dates',
              `Bloc ${blockIndex + 1}\u00a0: l’événement « ${str(event.title)} » est déjà passé. Retirez-le ou corrigez sa date.`,
              { blockIndex, detail: str(event.date) },
            ),
          );
      }
    if (block.type === 'jobs')
      for (const offer of rows(block, 'offers')) {
        seen++;
        const carried = input.contributions.get(str(offer.contributionId));
        const closesOn = carried?.closesOn ?? str(offer.closesOn);
        if (closesOn && closesOn < input.today)
          items.push(
            warning(
              'contribution-dates',
              `Bloc ${blockIndex + 1}\u00a0: l’offre « ${str(offer.title)} » est close (candidatures jusqu’au ${frDay(closesOn)}). Retirez-la.`,
              { blockIndex, detail: closesOn },
            ),
          );
      }
  });
  if (items.length > 0 || seen === 0) return items;
  return [ok('contribution-dates', 'Les événements annoncés sont à venir et les offres encore ouvertes.')];
}

// Shapes of the growth and report answers of the staff API (see apps/server/src/routes/growth-routes.ts).

export type SeriesPoint = { day: string; confirmed: number; entered: boolean };
export type DailyPoint = {
  day: string;
  confirmed: number;
  pending: number;
  unsubscribed: number;
  subscribes: number;
  confirmations: number;
  unsubscribes: number;
  bounces: number;
  erasures: number;
};
export type MonthFigures = {
  month: string;
  opening: number | null;
  closing: number | null;
  net: number | null;
  entered: boolean;
  subscribes: number;
  unsubscribes: number;
};
export type ListGrowth = {
  slug: string;
  name: string;
  points: SeriesPoint[];
  daily: DailyPoint[];
  entered: { month: string; confirmed: number; note: string }[];
  monthly: MonthFigures[];
  headline: {
    confirmedNow: number;
    year: number;
    openingOfYear: number | null;
    openingEntered: boolean;
    sinceJanuary: number | null;
  };
};
export type GrowthAnswer = { from: string; to: string; lists: ListGrowth[] };

export type EnteredCount = { list: string; month: string; confirmed: number; note: string; enteredAt: string };

export type CampaignReportRow = {
  id: string;
  slug: string;
  subject: string;
  kind: string;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  lists: string[];
  recipients: number;
  sent: number;
  failed: number;
  bounced: number;
  uncertain: number;
  unsubscribes7d: number;
};

export type YearReport = {
  year: number;
  asOf: string;
  campaigns: { total: number; perList: { slug: string; name: string; sent: number }[] };
  sends: { date: string; slug: string; subject: string; lists: string[]; recipients: number; sent: number }[];
  lists: {
    slug: string;
    name: string;
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
  };
};

// Pure: the yearly report and the campaign table as Markdown and as CSV rows, in French.
import type { CampaignReportRow } from '@crieur/db';
import { parisDay } from './paris-day';
import type { YearReport } from './year-report';

const number = new Intl.NumberFormat('fr-FR');
/** 1 714 (with the narrow no-break space French typography uses), or an en dash when unknown. */
export const frNumber = (n: number | null) => (n === null ? '–' : number.format(n));
export const frSigned = (n: number | null) =>
  n === null ? '–' : n > 0 ? `+${number.format(n)}` : n < 0 ? `−${number.format(-n)}` : '0';
/** '2025-12-31' → '31/12/2025' */
export const frDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function yearReportMarkdown(report: YearReport): string {
  const names = new Map(report.lists.map((l) => [l.slug, l.name]));
  const listNames = (slugs: string[]) => slugs.map((s) => names.get(s) ?? s).join(', ');
  const complete = report.asOf === `${report.year}-12-31`;
  const end = complete ? '31 décembre' : `au ${frDay(report.asOf)}`;
  const out: string[] = [
    `# Rapport d’activité ${report.year} : les chiffres`,
    '',
    complete
      ? `Chiffres de l’année ${report.year}, arrêtés au 31 décembre.`
      : `Année en cours : chiffres arrêtés au ${frDay(report.asOf)}.`,
    '',
    '## Lettres envoyées',
    '',
    `${frNumber(report.campaigns.total)} ${report.campaigns.total > 1 ? 'lettres envoyées' : 'lettre envoyée'} en ${report.year}.`,
    '',
    '| Liste | Envois |',
    '| --- | ---: |',
    ...report.campaigns.perList.map((l) => `| ${cell(l.name)} | ${frNumber(l.sent)} |`),
    '',
  ];
  if (report.sends.length) {
    out.push(
      '## Destinataires par envoi',
      '',
      '| Date | Objet | Listes | Destinataires | Soumis |',
      '| --- | --- | --- | ---: | ---: |',
    );
    for (const s of report.sends)
      out.push(
        `| ${frDay(s.date)} | ${cell(s.subject || s.slug)} | ${cell(listNames(s.lists))} | ${frNumber(s.recipients)} | ${frNumber(s.sent)} |`,
      );
    out.push('');
  }
  out.push(
    '## Abonné·es',
    '',
    `| Liste | 1er janvier | ${end} | Évolution | Inscriptions | Désinscriptions |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const l of report.lists) {
    const jan = `${frNumber(l.january)}${l.januaryEntered ? ' (saisi)' : ''}`;
    const dec = `${frNumber(l.december)}${l.decemberEntered ? ' (saisi)' : ''}`;
    out.push(
      `| ${cell(l.name)} | ${jan} | ${dec} | ${frSigned(l.change)} | ${frNumber(l.subscribes)} | ${frNumber(l.unsubscribes)} |`,
    );
  }
  out.push(
    '',
    '« saisi » : chiffre d’avant les relevés automatiques, saisi par l’équipe ; les autres viennent du registre des événements.',
    '',
  );
  out.push(
    '## Publications',
    '',
    `${frNumber(report.publications.articles)} ${report.publications.articles > 1 ? 'articles publiés' : 'article publié'} en ${report.year}.`,
    '',
  );
  out.push(
    '| Rubrique | Articles |',
    '| --- | ---: |',
    ...report.publications.rubriques.map((r) => `| ${cell(r.name)} | ${frNumber(r.articles)} |`),
    '',
  );
  const d = report.publications.dossiers;
  out.push(`${frNumber(d.length)} ${d.length > 1 ? 'dossiers publiés' : 'dossier publié'}${d.length ? ' :' : '.'}`);
  for (const x of d) out.push(`- ${x.title} (${frDay(x.publishedAt)})`);
  out.push('', `${contributionsSentence(report.publications.contributions, report.year)}`);
  return `${out.join('\n')}\n`;
}

const plural = (n: number, one: string, many: string) => `${frNumber(n)} ${n > 1 ? many : one}`;

/** « Contributions du réseau publiées en 2025 : 93 annonces d’événements, 185 offres d’emploi ou de stage, … » */
export function contributionsSentence(c: YearReport['publications']['contributions'], year: number): string {
  const parts = [
    plural(c.events, 'annonce d’événement', 'annonces d’événements'),
    plural(c.jobs, 'offre d’emploi ou de stage', 'offres d’emploi ou de stage'),
    plural(c.news, 'actualité d’adhérent·e', 'actualités d’adhérent·es'),
  ];
  return `Contributions du réseau publiées en ${year} : ${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}.`;
}

export const YEAR_REPORT_CSV_HEADER = ['Section', 'Élément', 'Indicateur', 'Valeur'];

/** One figure per line (section, item, measure, value): easy to filter in a spreadsheet. */
export function yearReportRows(report: YearReport): string[][] {
  const n = (v: number | null) => (v === null ? '' : String(v));
  const end = report.asOf === `${report.year}-12-31` ? '31 décembre' : frDay(report.asOf);
  const rows: string[][] = [['Lettres', 'Toutes les listes', 'envois', n(report.campaigns.total)]];
  for (const l of report.campaigns.perList) rows.push(['Lettres', l.name, 'envois', n(l.sent)]);
  for (const s of report.sends) {
    const item = `${s.date} ${s.subject || s.slug}`;
    rows.push(['Envois', item, 'destinataires', n(s.recipients)], ['Envois', item, 'soumis', n(s.sent)]);
  }
  for (const l of report.lists) {
    rows.push(
      ['Abonné·es', l.name, l.januaryEntered ? '1er janvier (saisi)' : '1er janvier', n(l.january)],
      ['Abonné·es', l.name, l.decemberEntered ? `${end} (saisi)` : end, n(l.december)],
      ['Abonné·es', l.name, 'évolution', n(l.change)],
      ['Abonné·es', l.name, 'inscriptions', n(l.subscribes)],
      ['Abonné·es', l.name, 'désinscriptions', n(l.unsubscribes)],
    );
  }
  for (const r of report.publications.rubriques) rows.push(['Publications', r.name, 'articles', n(r.articles)]);
  rows.push(['Publications', 'Dossiers', 'dossiers', n(report.publications.dossiers.length)]);
  const c = report.publications.contributions;
  rows.push(
    ['Contributions du réseau', 'Agenda', 'annonces d’événements', n(c.events)],
    ['Contributions du réseau', 'Offres d’emploi', 'offres', n(c.jobs)],
    ['Contributions du réseau', 'Actualités des adhérent·es', 'actualités', n(c.news)],
  );
  return rows;
}

export const CAMPAIGN_REPORT_CSV_HEADER = [
  'Date',
  'Lettre',
  'Objet',
  'Listes',
  'Statut',
  'Destinataires',
  'Soumis',
  'Échecs',
  'Rebonds',
  'Plaintes (spam)',
  'Incertains',
  'Désinscriptions (7 jours)',
];

const STATUS_FR: Record<string, string> = {
  draft: 'brouillon',
  scheduled: 'programmée',
  held: 'en attente',
  sending: 'en cours',
  paused: 'en pause',
  sent: 'terminée',
  cancelled: 'annulée',
};

export function campaignReportRows(rows: CampaignReportRow[]): string[][] {
  return rows.map((r) => [
    r.startedAt ? parisDay(r.startedAt) : '',
    r.slug,
    r.subject,
    r.lists.join(', '),
    STATUS_FR[r.status] ?? r.status,
    String(r.recipients),
    String(r.sent),
    String(r.failed),
    String(r.bounced),
    String(r.complaints),
    String(r.uncertain),
    String(r.unsubscribes7d),
  ]);
}

import { describe, expect, it } from 'vitest';
import { contributionsSentence, yearReportMarkdown, yearReportRows } from './report-text';
import type { YearReport } from './year-report';

const report = (contributions: YearReport['publications']['contributions']): YearReport => ({
  year: 2025,
  asOf: '2025-12-31',
  campaigns: { total: 0, perList: [] },
  sends: [],
  lists: [],
  publications: { rubriques: [], articles: 0, dossiers: [], contributions },
});

describe('contributions from the network in the yearly report', () => {
  it('says the activity report’s sentence, in French numbers and with singulars for 0 and 1', () => {
    expect(contributionsSentence({ events: 93, jobs: 185, news: 1_204 }, 2025)).toBe(
      'Contributions du réseau publiées en 2025 : 93 annonces d’événements, 185 offres d’emploi ou de stage et ' +
        '1\u202f204 actualités d’adhérent·es.',
    );
    expect(contributionsSentence({ events: 1, jobs: 0, news: 1 }, 2026)).toBe(
      'Contributions du réseau publiées en 2026 : 1 annonce d’événement, 0 offre d’emploi ou de stage et ' +
        '1 actualité d’adhérent·e.',
    );
  });

  it('ends the Markdown with it and gives one CSV line per kind', () => {
    const r = report({ events: 93, jobs: 185, news: 12 });
    expect(yearReportMarkdown(r).trimEnd().split('\n').at(-1)).toBe(
      contributionsSentence(r.publications.contributions, 2025),
    );
    expect(yearReportRows(r).filter((row) => row[0] === 'Contributions du réseau')).toEqual([
      ['Contributions du réseau', 'Agenda', 'annonces d’événements', '93'],
      ['Contributions du réseau', 'Offres d’emploi', 'offres', '185'],
      ['Contributions du réseau', 'Actualités des adhérent·es', 'actualités', '12'],
    ]);
  });
});

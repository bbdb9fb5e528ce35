import { describe, expect, it } from 'vitest';
import { carriedContributionIds, checkContributionDates } from './contribution-dates-check';

const ID = '5b1c1a9e-2f4a-4c4e-9a0b-3f0e1d2c3b4a';
// 10:00 in Paris on 12 March 2027
const input = (contributions = new Map()) => ({
  now: new Date('2027-03-12T09:00:00Z'),
  today: '2027-03-12',
  contributions,
});
const agenda = (...events: object[]) => ({ type: 'agenda', events });
const jobs = (...offers: object[]) => ({ type: 'jobs', offers });

describe('past events and closed offers before sending', () => {
  it('says nothing for a letter without agenda or offers', () => {
    expect(checkContributionDates([{ type: 'divider' }, { type: 'membersNews', items: [{}] }], input())).toEqual([]);
  });

  it('judges a typed event by its day: one earlier today is not past, yesterday’s is', () => {
    const items = checkContributionDates(
      [agenda({ title: 'Ce matin', date: '2027-03-12T08:00' }, { title: 'Hier', date: '2027-03-11' })],
      input(),
    );
    expect(items.map((i) => [i.level, i.detail])).toEqual([['warning', '2027-03-11']]);
  });

  it('trusts the contribution’s end and closing day over the item’s own', () => {
    const carried = new Map([
      [ID, { endsAt: new Date('2027-03-12T08:59:00Z'), closesOn: null }],
      ['job', { endsAt: null, closesOn: '2027-03-12' }],
    ]);
    const items = checkContributionDates(
      [
        agenda({ title: 'Matinée', date: '2027-04-01', contributionId: ID }),
        jobs({ title: 'Ouverte aujourd’hui', closesOn: '2027-03-01', contributionId: 'job' }),
      ],
      input(carried),
    );
    expect(items).toEqual([
      {
        code: 'contribution-dates',
        level: 'warning',
        message: 'Bloc 1\u00a0: l’événement «\u202fMatinée\u202f» est déjà passé. Retirez-le ou corrigez sa date.',
        detail: '2027-04-01',
        blockIndex: 0,
      },
    ]);
  });

  it('lists the ids a letter carries, whatever the block', () => {
    expect(
      carriedContributionIds([
        agenda({ contributionId: 'a' }, {}),
        jobs({ contributionId: 'b' }),
        { type: 'membersNews', items: [{ contributionId: 'c' }] },
        { type: 'edito', doc: {} },
        null,
      ]),
    ).toEqual(['a', 'b', 'c']);
  });
});

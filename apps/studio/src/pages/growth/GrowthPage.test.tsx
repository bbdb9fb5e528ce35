import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Growth, ListGrowth, MailingList, SessionUser } from '@crieur/api';
import { SessionContext } from '../../session/session-context';
import { fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { parisDay } from './format';
import { GrowthPage } from './GrowthPage';

const editor: SessionUser = { id: 'u1', email: 'lea@example.org', name: 'Léa', role: 'editor' };
const membres: MailingList = {
  id: 1,
  slug: 'membres',
  name: 'Lettre des membres',
  description: '',
  visibility: 'public',
  legalBasis: 'consent',
  counts: { confirmed: 3240, pending: 0, unsubscribed: 0 },
};
// no point yet: the page says so instead of drawing empty charts
const quiet: ListGrowth = {
  slug: 'membres',
  name: 'Lettre des membres',
  points: [],
  daily: [],
  entered: [],
  monthly: [],
  headline: { confirmedNow: 3240, year: 2026, since: null, entered: { month: '2026-01', confirmed: 3300 } },
};
const growth = (from: string, to: string): Growth => ({ from, to, today: to, lists: [quiet] });

describe('GrowthPage', () => {
  it('puts both ends of a preset range in the address, in one change', async () => {
    const latest = parisDay(new Date());
    const [from, to] = ['2024-03-01', '2024-06-30'];
    const lastYear = Number(latest.slice(0, 4)) - 1;
    const [janvier, decembre] = [`${lastYear}-01-01`, `${lastYear}-12-31`];
    const api = fakeApi({
      'GET /api/lists': { lists: [membres] },
      [`GET /api/growth?from=${from}&to=${to}`]: growth(from, to),
      [`GET /api/growth?from=${janvier}&to=${decembre}`]: growth(janvier, decembre),
    });
    const session = { user: editor, refresh: async () => editor, logout: async () => undefined };
    const { user } = renderWithProviders(
      <SessionContext.Provider value={session}>
        <GrowthPage />
      </SessionContext.Provider>,
      { route: `/growth?from=${from}&to=${to}` },
    );
    expect(await screen.findByText('Pas encore de chiffres pour cette période')).toBeInTheDocument();
    // Testing Library reads the narrow no-break space of French numbers as a plain space
    expect(screen.getByText('3 240 abonné·es')).toBeInTheDocument();
    // an entered count stands on its own line, never subtracted from the measured one
    expect(screen.getByText('Pas encore de relevé en 2026.')).toBeInTheDocument();
    expect(screen.getByText('3 300 au 1er janvier (chiffre saisi)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `Année ${lastYear}` }));
    await expect
      .poll(() => api.calls.map((call) => call.path).filter((path) => path.startsWith('/api/growth')))
      .toEqual([`/api/growth?from=${from}&to=${to}`, `/api/growth?from=${janvier}&to=${decembre}`]);
  });

  it('says why the moves chart is empty when the period has only imports', async () => {
    const day = parisDay(new Date());
    const month = day.slice(0, 7);
    const imported: ListGrowth = {
      ...quiet,
      points: [{ day, confirmed: 3, entered: false, provisional: true }],
      monthly: [
        { month, opening: null, closing: 3, net: null, subscribes: 0, unsubscribes: 0, partial: true, entered: false },
      ],
      headline: {
        confirmedNow: 3,
        year: Number(day.slice(0, 4)),
        since: { day, change: 0, fromStart: true },
        entered: null,
      },
    };
    fakeApi({
      'GET /api/lists': { lists: [membres] },
      [`GET /api/growth?from=${day}&to=${day}`]: { from: day, to: day, today: day, lists: [imported] },
    });
    const session = { user: editor, refresh: async () => editor, logout: async () => undefined };
    renderWithProviders(
      <SessionContext.Provider value={session}>
        <GrowthPage />
      </SessionContext.Provider>,
      { route: `/growth?from=${day}&to=${day}` },
    );
    expect(
      await screen.findByText(/^Aucune inscription ni désinscription sur cette période\. Les imports n’y figurent pas/),
    ).toBeInTheDocument();
  });
});

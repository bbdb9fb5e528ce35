import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EnteredCount, MailingList } from '@crieur/api';
import { answer, fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { HistoryPanel } from './HistoryPanel';

const list = (id: number, slug: string, name: string): MailingList => ({
  id,
  slug,
  name,
  description: '',
  visibility: 'public',
  legalBasis: 'consent',
  counts: { confirmed: 0, pending: 0, unsubscribed: 0 },
});
const lists = [list(1, 'membres', 'Lettre des membres'), list(3, 'democraties', 'Lettre de démocratieS')];
const entered = (month: string, confirmed: number, note = ''): EnteredCount => ({
  list: 'membres',
  month,
  confirmed,
  note,
  enteredAt: '2026-11-20T10:00:00.000Z',
});

describe('HistoryPanel', () => {
  it('enters a count for a past month, then lists it; removes one', async () => {
    let history = [entered('2025-01', 3100, 'rapport 2024')];
    const api = fakeApi({
      'GET /api/growth/history': () => ({ history }),
      'PUT /api/growth/history': (call: { body: unknown }) => {
        const body = call.body as Omit<EnteredCount, 'enteredAt'>;
        history = [...history, { ...body, enteredAt: '2026-11-23T08:00:00.000Z' }];
        return body;
      },
      'DELETE /api/growth/history/membres/2025-01': () => {
        history = history.filter((h) => h.month !== '2025-01');
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderWithProviders(<HistoryPanel lists={lists} latestMonth="2026-11" />);
    const table = await screen.findByRole('table');
    expect(within(table).getByText('rapport 2024')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /Mois/ }), '2025-03');
    await user.type(screen.getByRole('textbox', { name: /Abonné·es/ }), '3150');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Chiffre de mars 2025 enregistré pour Lettre des membres.')).toBeInTheDocument();
    expect(await within(table).findByText('mars 2025')).toBeInTheDocument();
    expect(api.writes()[0]).toMatchObject({
      method: 'PUT',
      path: '/api/growth/history',
      body: { list: 'membres', month: '2025-03', confirmed: 3150, note: '' },
    });

    await user.click(
      screen.getByRole('button', { name: 'Supprimer le chiffre de janvier 2025 pour Lettre des membres' }),
    );
    await screen.findByRole('button', { name: 'Supprimer le chiffre de mars 2025 pour Lettre des membres' });
    expect(screen.queryByText('janvier 2025')).not.toBeInTheDocument();
    expect(api.writes().map((call) => `${call.method} ${call.path}`)).toEqual([
      'PUT /api/growth/history',
      'DELETE /api/growth/history/membres/2025-01',
    ]);
  });

  it('says why the server refused a count, in French, and keeps what was typed', async () => {
    fakeApi({
      'GET /api/growth/history': { history: [] },
      'PUT /api/growth/history': answer(400, {
        error: {
          code: 'VALIDATION',
          message: '« liste » : Liste inconnue : membres.',
          issues: [{ path: 'list', message: 'Liste inconnue : membres.' }],
        },
      }),
    });
    const { user } = renderWithProviders(<HistoryPanel lists={lists} latestMonth="2026-11" />);
    expect(await screen.findByText('Aucun chiffre saisi pour l’instant.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Mois/ }), '2025-03');
    await user.type(screen.getByRole('textbox', { name: /Abonné·es/ }), '12');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('« liste » : Liste inconnue : membres.')).toBeInTheDocument();
    expect(screen.getByText('Le chiffre n’a pas été enregistré')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Mois/ })).toHaveValue('2025-03');
  });
});

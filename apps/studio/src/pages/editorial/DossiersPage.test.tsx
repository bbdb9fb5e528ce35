import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { DossierSummary, SessionUser } from '@crieur/api';
import { fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { SessionContext } from '../../session/session-context';
import { DossiersPage } from './DossiersPage';

const ID = '6f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a90';
const editor: SessionUser = { id: 'u1', email: 'lea@example.org', name: 'Léa', role: 'editor' };

const summary: DossierSummary = {
  id: ID,
  slug: 'tirage-au-sort',
  title: 'Tirage au sort',
  lede: 'Le hasard en démocratie.',
  status: 'published',
  articleCount: 3,
  publishedCount: 2,
  scheduledAt: null,
  publishedAt: '2026-03-12T08:00:00.000Z',
};

function renderPage() {
  const session = { user: editor, refresh: async () => editor, logout: async () => undefined };
  return renderWithProviders(
    <SessionContext.Provider value={session}>
      <Routes>
        <Route path="/editorial/dossiers" element={<DossiersPage />} />
        <Route path="/editorial/dossiers/:id" element={<p>Page du dossier</p>} />
      </Routes>
    </SessionContext.Provider>,
    { route: '/editorial/dossiers' },
  );
}

describe('DossiersPage', () => {
  it('lists the dossiers with their status and article counts', async () => {
    fakeApi({
      'GET /api/dossiers': {
        dossiers: [
          summary,
          {
            ...summary,
            id: '7f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a90',
            title: 'Démocratie alimentaire',
            status: 'draft',
            articleCount: 1,
            publishedCount: 0,
            publishedAt: null,
            scheduledAt: '2026-04-01T06:00:00.000Z',
          },
        ],
      },
    });
    renderPage();
    const table = await screen.findByRole('table', { name: 'Dossiers' });
    const row = within(table).getByRole('row', { name: /Tirage au sort/ });
    expect(within(row).getByRole('link', { name: 'Tirage au sort' })).toHaveAttribute(
      'href',
      `/editorial/dossiers/${ID}`,
    );
    expect(row).toHaveTextContent('Publié');
    expect(row).toHaveTextContent('3 articles');
    expect(row).toHaveTextContent('2 publiés');
    const scheduled = within(table).getByRole('row', { name: /Démocratie alimentaire/ });
    expect(scheduled).toHaveTextContent('Programmé');
    expect(scheduled).toHaveTextContent('1 article');
    expect(scheduled).toHaveTextContent('0 publié');
    expect(scheduled).toHaveTextContent('prévu le 1 avril 2026 à 08:00');
  });

  it('creates a dossier and opens it', async () => {
    const api = fakeApi({
      'GET /api/dossiers': { dossiers: [] },
      'POST /api/dossiers': { dossier: { id: ID } },
    });
    const { user } = renderPage();
    expect(await screen.findByText('Pas encore de dossier')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nouveau dossier' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le dossier' }));
    expect(within(dialog).getByText('Ce champ est obligatoire.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/^Titre/), ' Tirage au sort ');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le dossier' }));
    expect(await screen.findByText('Page du dossier')).toBeInTheDocument();
    expect(api.writes().map((call) => call.body)).toEqual([{ title: 'Tirage au sort' }]);
  });
});

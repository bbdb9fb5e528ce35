import { screen, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary, SessionUser } from '@crieur/api';
import { fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { SessionContext } from '../../session/session-context';
import { ArticlesPage } from './ArticlesPage';

const editor: SessionUser = { id: 'u1', email: 'lea@example.org', name: 'Léa', role: 'editor' };

const article = (partial: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id: '6f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a90',
  slug: 'tirer-au-sort',
  title: 'Tirer au sort',
  status: 'draft',
  rubrique: { slug: 'points-de-vue', name: 'Points de vue' },
  dossier: null,
  authors: ['Louis Martin'],
  updatedAt: '2026-03-12T08:00:00.000Z',
  scheduledAt: null,
  publishedAt: null,
  version: 3,
  ...partial,
});

const OPTIONS = {
  'GET /api/rubriques': { rubriques: [{ id: 1, slug: 'points-de-vue', name: 'Points de vue', description: '' }] },
  'GET /api/dossiers': { dossiers: [] },
};

function Address() {
  const { search } = useLocation();
  return <output data-testid="address">{search}</output>;
}

function renderPage(route = '/editorial') {
  const session = { user: editor, refresh: async () => editor, logout: async () => undefined };
  return renderWithProviders(
    <SessionContext.Provider value={session}>
      <Routes>
        <Route
          path="/editorial"
          element={
            <>
              <ArticlesPage />
              <Address />
            </>
          }
        />
      </Routes>
    </SessionContext.Provider>,
    { route },
  );
}

describe('ArticlesPage', () => {
  it('lists the articles the server answers, with their status and rubrique', async () => {
    fakeApi({ ...OPTIONS, 'GET /api/articles': { articles: [article()] } });
    renderPage();
    const table = await screen.findByRole('table', { name: 'Articles' });
    expect(within(table).getByRole('link', { name: 'Tirer au sort' })).toHaveAttribute(
      'href',
      '/editorial/articles/6f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a90',
    );
    expect(within(table).getByText('Points de vue')).toBeInTheDocument();
  });

  it('keeps the filters in the address and asks the server with them', async () => {
    const api = fakeApi({
      ...OPTIONS,
      'GET /api/articles?status=draft': { articles: [article()] },
      'GET /api/articles?status=draft&q=hasard': { articles: [] },
    });
    const { user } = renderPage('/editorial?status=draft');
    await screen.findByRole('link', { name: 'Tirer au sort' });
    await user.type(screen.getByRole('searchbox', { name: 'Rechercher un titre' }), 'hasard');
    expect(await screen.findByText('Aucun article ne correspond', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('?status=draft&q=hasard');
    expect(api.calls.map((call) => call.path)).toContain('/api/articles?status=draft&q=hasard');

    await user.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(screen.getByTestId('address')).toBeEmptyDOMElement();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { DossierDetail, SessionUser } from '@crieur/api';
import { answer, fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { SessionContext } from '../../session/session-context';
import { DossierPage } from './DossierPage';
import { frenchTypography as fr } from '@crieur/content/typography';

const ID = '6f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a90';
const A1 = '1b7c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a91';
const A2 = '2b7c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a92';
const editor: SessionUser = { id: 'u1', email: 'lea@example.org', name: 'Léa', role: 'editor' };
const note = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

const dossier = (partial: Partial<DossierDetail> = {}): DossierDetail => ({
  id: ID,
  slug: 'tirage-au-sort',
  title: 'Tirage au sort',
  lede: '',
  editorialNote: note('Le hasard comme garde-fou.') as DossierDetail['editorialNote'],
  coverMediaId: null,
  status: 'draft',
  scheduledAt: null,
  publishedAt: null,
  version: 3,
  updatedAt: '2026-03-12T08:00:00.000Z',
  updatedBy: 'Léa',
  articles: [{ id: A1, title: 'Premier', status: 'published', position: 0 }],
  live: null,
  ...partial,
});

function renderPage() {
  const session = { user: editor, refresh: async () => editor, logout: async () => undefined };
  return renderWithProviders(
    <SessionContext.Provider value={session}>
      <Routes>
        <Route path="/editorial/dossiers/:id" element={<DossierPage />} />
      </Routes>
    </SessionContext.Provider>,
    { route: `/editorial/dossiers/${ID}` },
  );
}

const base = {
  'GET /api/media': { media: [] },
  [`GET /api/dossiers/${ID}/candidates?q=`]: { articles: [] },
};

describe('DossierPage', () => {
  it('says "introuvable" for a dossier that does not exist', async () => {
    fakeApi(base);
    renderPage();
    expect(await screen.findByText('Dossier introuvable')).toBeInTheDocument();
  });

  it('saves itself over the version it was loaded at, with the editorial note as a document', async () => {
    const api = fakeApi({
      ...base,
      [`GET /api/dossiers/${ID}`]: { dossier: dossier() },
      [`PUT /api/dossiers/${ID}`]: ({ body }: { body: unknown }) => {
        const { version: _version, ...fields } = body as DossierDetail;
        return { dossier: dossier({ ...fields, version: 4 }) };
      },
    });
    const { user } = renderPage();
    expect(await screen.findByText(/Brouillon\s: rien n’est visible sur le site/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Note éditoriale' })).toHaveTextContent('Le hasard comme garde-fou.');
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).not.toBeInTheDocument();
    const title = screen.getByLabelText(/^Titre/);
    await user.clear(title);
    await user.type(title, 'Le tirage au sort');
    await waitFor(() => expect(screen.getByText(/^Enregistré à/)).toBeInTheDocument(), { timeout: 5000 });
    expect(api.writes().map((call) => call.body)).toEqual([
      {
        version: 3,
        title: 'Le tirage au sort',
        slug: 'tirage-au-sort',
        lede: '',
        editorialNote: note('Le hasard comme garde-fou.'),
        coverMediaId: null,
      },
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Le tirage au sort' })).toBeInTheDocument();
  });

  it('adds an article found by title, warning that it leaves its other dossier, and counts it', async () => {
    const api = fakeApi({
      ...base,
      [`GET /api/dossiers/${ID}`]: { dossier: dossier() },
      [`GET /api/dossiers/${ID}/candidates?q=budget`]: {
        articles: [
          { id: A2, title: 'Budget des cantines', status: 'draft', dossier: { id: A1, title: 'Alimentation' } },
        ],
      },
      [`POST /api/dossiers/${ID}/articles`]: {
        dossier: dossier({
          articles: [
            { id: A1, title: 'Premier', status: 'published', position: 0 },
            { id: A2, title: 'Budget des cantines', status: 'draft', position: 1 },
          ],
        }),
        movedFrom: 'Alimentation',
      },
    });
    const { user } = renderPage();
    expect(await screen.findByTestId('dossier-article-count')).toHaveTextContent('1 article · 1 publié');
    await user.type(screen.getByRole('searchbox', { name: 'Ajouter un article' }), 'budget');
    const results = await screen.findByRole('list', { name: 'Articles trouvés' });
    expect(within(results).getByText('Dans « Alimentation » : l’ajouter ici l’en retire.')).toBeInTheDocument();
    await user.click(within(results).getByRole('button', { name: fr('Ajouter « Budget des cantines » au dossier') }));
    expect(
      await screen.findByText('« Budget des cantines » ajouté ; il a quitté le dossier « Alimentation ».'),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Articles du dossier' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('Premier'), expect.stringContaining('Budget des cantines')]);
    expect(screen.getByTestId('dossier-article-count')).toHaveTextContent('2 articles · 1 publié');
    expect(api.writes().map((call) => [call.method, call.path, call.body])).toEqual([
      ['POST', `/api/dossiers/${ID}/articles`, { articleId: A2 }],
    ]);
  });

  it('publishes the version it shows after a confirmation, then says readers see it', async () => {
    const api = fakeApi({
      ...base,
      [`GET /api/dossiers/${ID}`]: { dossier: dossier() },
      [`POST /api/dossiers/${ID}/transition`]: {
        dossier: dossier({
          status: 'published',
          publishedAt: '2026-03-12T09:00:00.000Z',
          live: { savedAt: '2026-03-12T09:00:00.000Z', savedBy: 'Léa', differs: false },
        }),
      },
    });
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Publier maintenant' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Publier maintenant' }));
    expect(await screen.findByText(/Les lecteur·rices voient la version publiée le/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mettre à jour' })).toBeDisabled();
    expect(api.writes().map((call) => call.body)).toEqual([{ action: 'publish', version: 3 }]);
  });

  it('shows the server’s French message when a save is refused', async () => {
    const message = 'Lettres minuscules sans accent, chiffres et tirets seulement.';
    fakeApi({
      ...base,
      [`GET /api/dossiers/${ID}`]: { dossier: dossier() },
      [`PUT /api/dossiers/${ID}`]: answer(400, {
        error: { code: 'VALIDATION', message: `« adresse (slug) » : ${message}`, issues: [{ path: 'slug', message }] },
      }),
    });
    const { user } = renderPage();
    const slug = await screen.findByLabelText('Adresse (slug)');
    await user.type(slug, '-bis');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(message), { timeout: 5000 });
  });
});

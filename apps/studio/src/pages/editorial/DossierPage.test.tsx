import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { DossierDetail, SessionUser } from '@crieur/api';
import { answer, fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { SessionContext } from '../../session/session-context';
import { DossierPage } from './DossierPage';

const ID = '6f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a90';
const editor: SessionUser = { id: 'u1', email: 'lea@example.org', name: 'Léa', role: 'editor' };

const dossier = (partial: Partial<DossierDetail> = {}): DossierDetail => ({
  id: ID,
  slug: 'tirage-au-sort',
  title: 'Tirage au sort',
  lede: '',
  editorialNote: '',
  coverMediaId: null,
  status: 'draft',
  publishedAt: null,
  articles: [],
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

describe('DossierPage', () => {
  it('says "introuvable" for a dossier that does not exist', async () => {
    fakeApi({ 'GET /api/media': { media: [] } });
    renderPage();
    expect(await screen.findByText('Dossier introuvable')).toBeInTheDocument();
  });

  it('saves the presentation and shows the dossier as the server answers it', async () => {
    const api = fakeApi({
      [`GET /api/dossiers/${ID}`]: { dossier: dossier() },
      'GET /api/media': { media: [] },
      [`PATCH /api/dossiers/${ID}`]: ({ body }: { body: unknown }) => ({
        dossier: dossier({ ...(body as Partial<DossierDetail>), publishedAt: '2026-03-12T08:00:00.000Z' }),
      }),
    });
    const { user } = renderPage();
    const title = await screen.findByLabelText(/^Titre/);
    await user.clear(title);
    await user.type(title, '  Le tirage au sort  ');
    await user.click(screen.getByRole('radio', { name: 'publié' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Le tirage au sort' })).toBeInTheDocument();
    expect(await screen.findByText('Dossier enregistré.')).toBeInTheDocument();
    expect(api.writes().map((call) => call.body)).toEqual([
      {
        title: 'Le tirage au sort',
        slug: 'tirage-au-sort',
        lede: '',
        editorialNote: '',
        coverMediaId: null,
        status: 'published',
      },
    ]);
  });

  it('shows the server’s French message under the field it names', async () => {
    const message = 'Lettres minuscules sans accent, chiffres et tirets seulement.';
    fakeApi({
      [`GET /api/dossiers/${ID}`]: { dossier: dossier() },
      'GET /api/media': { media: [] },
      [`PATCH /api/dossiers/${ID}`]: answer(400, {
        error: { code: 'VALIDATION', message: `« adresse (slug) » : ${message}`, issues: [{ path: 'slug', message }] },
      }),
    });
    const { user } = renderPage();
    const slug = await screen.findByLabelText('Adresse (slug)');
    await user.clear(slug);
    await user.type(slug, 'Tirage au sort');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(`« adresse (slug) » : ${message}`);
  });
});

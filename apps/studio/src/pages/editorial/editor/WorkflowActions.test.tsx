import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleAction, ArticleDetail } from '@crieur/api';
import { answer, fakeApi } from '../../../test/fake-api';
import { renderWithProviders } from '../../../test/render';
import { EditingNotice } from './EditingNotice';
import { WorkflowActions } from './WorkflowActions';

const ID = '6f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a90';
const base: ArticleDetail = {
  id: ID,
  slug: 'tirer-au-sort',
  title: 'Tirer au sort',
  status: 'draft',
  rubrique: { slug: 'points-de-vue', name: 'Points de vue' },
  dossier: null,
  authors: [],
  updatedAt: '2026-03-12T08:00:00.000Z',
  scheduledAt: null,
  publishedAt: null,
  version: 3,
  lede: '',
  body: { type: 'doc', content: [{ type: 'paragraph' }] },
  tags: [],
  coverMediaId: null,
  wordCount: 0,
  canEdit: true,
  allowedTransitions: ['submit'],
  updatedBy: null,
  comments: [],
  updateInReview: false,
  live: null,
};

function renderActions(article: ArticleDetail, after: Partial<ArticleDetail> = {}) {
  const api = fakeApi({ [`POST /api/articles/${ID}/transition`]: { article: { ...article, ...after } } });
  const onDone = vi.fn();
  const beforeTransition = vi.fn(async () => true);
  const view = renderWithProviders(
    <WorkflowActions article={article} beforeTransition={beforeTransition} onDone={onDone} />,
  );
  return { ...view, api, onDone, beforeTransition };
}
const allowing = (actions: ArticleAction[], more: Partial<ArticleDetail> = {}) => ({
  ...base,
  allowedTransitions: actions,
  ...more,
});

describe('WorkflowActions', () => {
  it('submits with an optional note, after saving pending edits', async () => {
    const { user, api, onDone, beforeTransition } = renderActions(base, { status: 'in_review' });
    await user.click(screen.getByRole('button', { name: 'Soumettre à la relecture' }));
    const dialog = await screen.findByRole('dialog', { name: 'Soumettre à la relecture' });
    await user.type(within(dialog).getByLabelText('Note pour l’équipe (facultatif)'), 'Vérifier les chiffres.');
    expect(within(dialog).getByText('22 / 2 000 caractères')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Soumettre à la relecture' }));
    expect(await screen.findByText('Article soumis à la relecture.')).toBeInTheDocument();
    expect(beforeTransition).toHaveBeenCalledTimes(1);
    expect(api.writes()).toMatchObject([{ body: { action: 'submit', note: 'Vérifier les chiffres.' } }]);
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'in_review' }));
  });

  it('sends a submission without a note as the action alone', async () => {
    const { user, api } = renderActions(base, { status: 'in_review' });
    await user.click(screen.getByRole('button', { name: 'Soumettre à la relecture' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Soumettre à la relecture' }));
    await screen.findByText('Article soumis à la relecture.');
    expect(api.writes()[0]!.body).toEqual({ action: 'submit' });
  });

  it('asks what to change before sending an article back', async () => {
    const article = allowing(['withdraw', 'request_changes', 'approve'], { status: 'in_review', canEdit: true });
    const { user, api } = renderActions(article, { status: 'draft' });
    await user.click(screen.getByRole('button', { name: 'Demander des modifications' }));
    const dialog = await screen.findByRole('dialog', { name: 'Demander des modifications' });
    await user.click(within(dialog).getByRole('button', { name: 'Demander des modifications' }));
    expect(within(dialog).getByText('Écrivez ce qu’il faut changer.')).toBeInTheDocument();
    expect(api.writes()).toEqual([]);
    await user.type(within(dialog).getByLabelText(/Ce qu’il faut changer/), 'Citez vos sources.');
    await user.click(within(dialog).getByRole('button', { name: 'Demander des modifications' }));
    await screen.findByText('Demande de modifications envoyée.');
    expect(api.writes()[0]!.body).toEqual({ action: 'request_changes', note: 'Citez vos sources.' });
  });

  it('lets the author withdraw a submission, and says why a step failed', async () => {
    const article = allowing(['withdraw'], { status: 'in_review', canEdit: false });
    fakeApi({
      [`POST /api/articles/${ID}/transition`]: answer(409, {
        error: { code: 'TRANSITION_NOT_ALLOWED', message: 'L’article a changé d’état entre-temps : rechargez-le.' },
      }),
    });
    const { user } = renderWithProviders(
      <WorkflowActions article={article} beforeTransition={async () => true} onDone={() => undefined} />,
    );
    await user.click(screen.getByRole('button', { name: 'Retirer de la relecture' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/redevient un brouillon modifiable/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Retirer de la relecture' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Action impossible');
  });

  it('confirms before putting the working version of a live article online', async () => {
    const live = { revisionId: 4, savedAt: '2026-03-03T13:05:00.000Z', differs: true };
    const article = allowing(['unpublish', 'update'], { status: 'published', live });
    const { user, api } = renderActions(article, { live: { ...live, differs: false } });
    await user.click(screen.getByRole('button', { name: 'Mettre à jour' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mettre à jour' });
    expect(within(dialog).getByText(/Les lecteurs verront la version de travail/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Mettre à jour' }));
    await screen.findByText(/Version publiée mise à jour/);
    expect(api.writes()[0]!.body).toEqual({ action: 'update' });
  });
});

describe('EditingNotice', () => {
  const live = { revisionId: 4, savedAt: new Date(2026, 2, 3, 14, 5).toISOString(), differs: true };

  it('says the working version is edited while readers see the published one, and opens the differences', async () => {
    const onShowDiff = vi.fn();
    fakeApi();
    const { user } = renderWithProviders(
      <EditingNotice article={{ ...base, status: 'published', live }} onShowDiff={onShowDiff} />,
    );
    expect(
      screen.getByText(
        'Vous modifiez la version de travail ; les lecteurs voient la version publiée le 3 mars 2026 à 14 h 05.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('La version de travail diffère de la version publiée.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Voir les différences' }));
    expect(onShowDiff).toHaveBeenCalledTimes(1);
  });

  it('tells an author whose proposal waits how to take it back', () => {
    fakeApi();
    renderWithProviders(
      <EditingNotice
        article={{
          ...base,
          status: 'published',
          live,
          updateInReview: true,
          canEdit: false,
          allowedTransitions: ['withdraw'],
        }}
        onShowDiff={() => undefined}
      />,
    );
    expect(screen.getByText(/Vos modifications sont en relecture/)).toBeInTheDocument();
  });

  it('shows nothing on a draft one may edit', () => {
    fakeApi();
    const { container } = renderWithProviders(<EditingNotice article={base} onShowDiff={() => undefined} />);
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(screen.queryByTestId('live-banner')).toBeNull();
  });
});

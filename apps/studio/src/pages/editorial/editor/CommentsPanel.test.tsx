import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleComment } from '@crieur/api';
import { answer, fakeApi } from '../../../test/fake-api';
import { renderWithProviders } from '../../../test/render';
import { clearCommentFocus, focusComment } from './comment-focus';
import { CommentsPanel, CommentsTabLabel } from './CommentsPanel';
import { frenchTypography as fr } from '@crieur/content/typography';

const ID = '6f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a90';
const COMMENTS = `/api/articles/${ID}/comments`;

const comment = (over: Partial<ArticleComment> & { id: number }): ArticleComment => ({
  kind: 'comment',
  author: 'Léa Dubois',
  body: 'Un commentaire',
  anchorId: null,
  quote: '',
  at: '2026-03-12T08:00:00.000Z',
  resolvedAt: null,
  resolvedBy: null,
  ...over,
});

const conversation: ArticleComment[] = [
  comment({ id: 1, kind: 'submission', author: 'Camille Martin', body: 'Relisez surtout la fin.' }),
  comment({ id: 2, anchorId: 'garde-fou', quote: 'comme garde-fou', body: 'Formule forte : la garder ?' }),
  comment({
    id: 3,
    body: 'Coquille corrigée.',
    resolvedAt: '2026-03-12T09:00:00.000Z',
    resolvedBy: 'Camille Martin',
  }),
  comment({ id: 4, kind: 'changes_requested', author: null, body: 'Ajoutez une source.' }),
];

const render = () =>
  renderWithProviders(
    <>
      <span data-testid="tab">
        <CommentsTabLabel articleId={ID} />
      </span>
      <CommentsPanel articleId={ID} />
    </>,
  );

describe('CommentsPanel', () => {
  afterEach(() => clearCommentFocus());

  it('shows the open conversation in time order: authors, quoted passages and workflow notes', async () => {
    fakeApi({ [`GET ${COMMENTS}`]: { comments: conversation } });
    render();
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(3);
    ['Relisez surtout la fin.', 'Formule forte : la garder ?', 'Ajoutez une source.'].forEach((body, n) =>
      expect(items[n]).toHaveTextContent(body),
    );
    expect(within(items[0]!).getByText('Note d’envoi en relecture')).toBeInTheDocument();
    expect(within(items[1]!).getByText('comme garde-fou')).toBeInTheDocument();
    expect(within(items[2]!).getByText('Modifications demandées')).toBeInTheDocument();
    expect(within(items[2]!).getByText('—')).toBeInTheDocument(); // an account that is gone
    expect(screen.getByTestId('tab')).toHaveTextContent('Commentaires (3)');
  });

  it('hides resolved comments until asked, and reopens one', async () => {
    const api = fakeApi({
      [`GET ${COMMENTS}`]: { comments: conversation },
      [`POST ${COMMENTS}/3/reopen`]: { comment: { ...conversation[2]!, resolvedAt: null, resolvedBy: null } },
    });
    const { user } = render();
    await screen.findAllByRole('listitem');
    expect(screen.queryByText('Coquille corrigée.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Afficher le commentaire résolu' }));
    const resolved = screen.getByText('Coquille corrigée.').closest('li')!;
    expect(within(resolved).getByText(/^Résolu par Camille Martin, /)).toBeInTheDocument();
    await user.click(within(resolved).getByRole('button', { name: 'Rouvrir' }));
    expect(await within(resolved).findByRole('button', { name: 'Résoudre' })).toBeInTheDocument();
    expect(api.writes()).toMatchObject([{ method: 'POST', path: `${COMMENTS}/3/reopen` }]);
    expect(screen.getByTestId('tab')).toHaveTextContent('Commentaires (4)');
  });

  it('resolves a comment: it leaves the list and the count', async () => {
    fakeApi({
      [`GET ${COMMENTS}`]: { comments: [conversation[1]!] },
      [`POST ${COMMENTS}/2/resolve`]: {
        comment: { ...conversation[1]!, resolvedAt: '2026-03-12T10:00:00.000Z', resolvedBy: 'Léa Dubois' },
      },
    });
    const { user } = render();
    await user.click(await screen.findByRole('button', { name: 'Résoudre' }));
    expect(await screen.findByText('Tous les commentaires sont résolus.')).toBeInTheDocument();
    expect(screen.getByTestId('tab')).toHaveTextContent('Commentaires (0)');
  });

  it('adds a general comment at the end of the conversation', async () => {
    const api = fakeApi({
      [`GET ${COMMENTS}`]: { comments: [] },
      [`POST ${COMMENTS}`]: { comment: comment({ id: 9, body: 'Beau texte.' }) },
    });
    const { user } = render();
    expect(await screen.findByText('Pas encore de commentaire.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Ajouter un commentaire/ }), '  Beau texte.  ');
    await user.click(screen.getByRole('button', { name: 'Commenter' }));
    expect(await screen.findByText('Beau texte.')).toBeInTheDocument();
    expect(api.writes()).toMatchObject([{ path: COMMENTS, body: { body: 'Beau texte.' } }]);
    expect(screen.getByRole('textbox', { name: /Ajouter un commentaire/ })).toHaveValue('');
  });

  it('tells someone outside the review that its conversation is not theirs', async () => {
    fakeApi({
      [`GET ${COMMENTS}`]: answer(403, { error: { code: 'FORBIDDEN', message: 'Accès refusé.' } }),
    });
    render();
    expect(
      await screen.findByText(
        'Les commentaires de cet article sont réservés à son auteur·rice et à l’équipe éditoriale.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('marks the comment of a passage clicked in the editor, and asks the editor to show a quoted passage', async () => {
    fakeApi({ [`GET ${COMMENTS}`]: { comments: conversation } });
    const { user } = render();
    const anchored = (await screen.findByText('Formule forte : la garder ?')).closest('li')!;
    expect(anchored).not.toHaveAttribute('aria-current');
    focusComment({ articleId: ID, anchorId: 'garde-fou', commentId: null, from: 'editor' });
    expect(await screen.findByText('Formule forte : la garder ?')).toBeInTheDocument();
    expect(anchored).toHaveAttribute('aria-current', 'true');
    clearCommentFocus();
    await user.click(
      within(anchored).getByRole('button', { name: fr('Voir dans le texte le passage « comme garde-fou »') }),
    );
    expect(anchored).toHaveAttribute('aria-current', 'true');
  });
});

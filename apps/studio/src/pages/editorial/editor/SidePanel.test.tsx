import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleDetail } from '@crieur/api';
import { fakeApi } from '../../../test/fake-api';
import { renderWithProviders } from '../../../test/render';
import { SidePanel } from './SidePanel';
import { fieldsOf } from './use-autosave';

const ID = '6f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a90';
const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
});

const article: ArticleDetail = {
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
  body: doc('Le texte d’aujourd’hui.'),
  tags: [],
  coverMediaId: null,
  wordCount: 3,
  canEdit: true,
  allowedTransitions: ['submit'],
  updatedBy: 'Léa',
  comments: [{ id: 7, author: null, body: 'Relu.', at: '2026-03-12T08:00:00.000Z' }],
};

function renderPanel() {
  const beforeRestore = vi.fn(async () => 3);
  const onRestored = vi.fn();
  const view = renderWithProviders(
    <SidePanel
      article={article}
      fields={fieldsOf(article)}
      canEdit
      onComment={() => undefined}
      beforeRestore={beforeRestore}
      onRestored={onRestored}
    />,
  );
  return { ...view, beforeRestore, onRestored };
}

describe('SidePanel', () => {
  it('shows a comment whose author is gone without a name', () => {
    fakeApi();
    renderPanel();
    expect(screen.getByText('Relu.')).toBeInTheDocument();
    expect(screen.getByText('—')).toBeInTheDocument();
  });

  it('compares a saved version with the current text and restores it over the latest version', async () => {
    const api = fakeApi({
      [`GET /api/articles/${ID}/revisions`]: {
        revisions: [
          { id: 12, version: 2, title: 'Tirer au sort', savedAt: '2026-03-11T08:00:00.000Z', savedBy: 'Léa' },
        ],
      },
      [`GET /api/articles/${ID}/revisions/12`]: {
        revision: {
          id: 12,
          version: 2,
          title: 'Tirer au sort',
          lede: '',
          body: doc('Le texte d’hier.'),
          savedAt: '2026-03-11T08:00:00.000Z',
          savedBy: 'Léa',
        },
      },
      [`POST /api/articles/${ID}/revisions/12/restore`]: { article: { ...article, version: 4 } },
    });
    const { user, beforeRestore, onRestored } = renderPanel();
    await user.click(screen.getByRole('tab', { name: 'Versions' }));
    await user.click(await screen.findByRole('button', { name: 'Comparer la version 2' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Le texte d’hier.')).toBeInTheDocument();
    expect(within(dialog).getByText('Le texte d’aujourd’hui.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Restaurer cette version' }));
    await user.click(within(dialog).getByRole('button', { name: 'Restaurer cette version' }));
    expect(await screen.findByText('Version 2 restaurée.')).toBeInTheDocument();
    expect(beforeRestore).toHaveBeenCalledTimes(1);
    expect(api.writes()).toMatchObject([{ path: `/api/articles/${ID}/revisions/12/restore`, body: { version: 3 } }]);
    expect(onRestored).toHaveBeenCalledWith(expect.objectContaining({ version: 4 }));
  });
});

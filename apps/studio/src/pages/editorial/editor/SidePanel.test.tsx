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
  comments: [],
  updateInReview: false,
  live: null,
};

function renderPanel() {
  const beforeRestore = vi.fn(async () => 3);
  const onRestored = vi.fn();
  const view = renderWithProviders(
    <SidePanel
      article={article}
      fields={fieldsOf(article)}
      canEdit
      beforeRestore={beforeRestore}
      onRestored={onRestored}
    />,
  );
  return { ...view, beforeRestore, onRestored };
}

describe('SidePanel', () => {
  it('opens the versions in their tab, each compared with the working text', async () => {
    fakeApi({
      [`GET /api/articles/${ID}/revisions`]: {
        revisions: [
          {
            id: 12,
            version: 2,
            title: 'Tirer au sort',
            step: 'autosave',
            savedAt: '2026-03-11T08:00:00.000Z',
            savedBy: 'Léa',
            saves: 1,
            isLive: false,
          },
        ],
      },
      [`GET /api/articles/${ID}/revisions/12`]: {
        revision: {
          id: 12,
          version: 2,
          title: 'Tirer au sort',
          step: 'autosave',
          lede: '',
          body: doc('Le texte d’hier.'),
          coverMediaId: null,
          tags: [],
          authors: [],
          savedAt: '2026-03-11T08:00:00.000Z',
          savedBy: 'Léa',
          isLive: false,
        },
      },
    });
    const { user } = renderPanel();
    await user.click(screen.getByRole('tab', { name: 'Versions' }));
    await user.click(await screen.findByRole('button', { name: /^Comparer avec la version de travail\s: / }));
    const dialog = await screen.findByRole('dialog');
    const diff = await within(dialog).findByTestId('version-diff');
    expect(diff.querySelector('del')?.textContent).toBe('hier');
    expect(diff.querySelector('ins')?.textContent).toBe('aujourd’hui');
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleDetail, Revision, RevisionSummary } from '@crieur/api';
import { fakeApi } from '../../../test/fake-api';
import { renderWithProviders } from '../../../test/render';
import { fieldsOf } from './use-autosave';
import { VersionsPanel } from './VersionsPanel';

const ID = '6f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a90';
const doc = (...paragraphs: string[]) => ({
  type: 'doc' as const,
  content: paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })),
});
// local times: the panel shows the browser's clock, whatever the machine's time zone
const at = (day: number, hour: number, minute: number) => new Date(2026, 2, day, hour, minute).toISOString();

const article: ArticleDetail = {
  id: ID,
  slug: 'tirer-au-sort',
  title: 'Tirer au sort',
  status: 'published',
  rubrique: { slug: 'points-de-vue', name: 'Points de vue' },
  dossier: null,
  authors: ['Léa Dubois'],
  updatedAt: at(4, 9, 0),
  scheduledAt: null,
  publishedAt: at(3, 14, 5),
  version: 6,
  lede: 'Un chapô.',
  body: doc('Le tirage au sort est ancien. Athènes l’utilisait déjà.', 'Il revient.'),
  tags: [],
  coverMediaId: null,
  wordCount: 12,
  canEdit: true,
  allowedTransitions: ['unpublish', 'update'],
  updatedBy: 'Tom Martin',
  comments: [],
  updateInReview: false,
  live: { revisionId: 21, savedAt: at(3, 14, 5), differs: true },
};

const summaries: RevisionSummary[] = [
  {
    id: 25,
    version: 6,
    title: 'Tirer au sort',
    step: 'autosave',
    savedAt: at(4, 9, 0),
    savedBy: 'Tom Martin',
    saves: 3,
    isLive: false,
  },
  {
    id: 21,
    version: 3,
    title: 'Tirer au sort',
    step: 'published',
    savedAt: at(3, 14, 5),
    savedBy: 'Léa Dubois',
    saves: 1,
    isLive: true,
  },
  {
    id: 20,
    version: 3,
    title: 'Tirer au sort',
    step: 'submitted',
    savedAt: at(2, 8, 30),
    savedBy: 'Tom Martin',
    saves: 1,
    isLive: false,
  },
];
const live: Revision = {
  id: 21,
  version: 3,
  title: 'Tirer au sort',
  step: 'published',
  savedAt: at(3, 14, 5),
  savedBy: 'Léa Dubois',
  isLive: true,
  lede: 'Un chapô.',
  body: doc('Le tirage au sort est ancien.', 'Il revient en force.'),
  coverMediaId: null,
  tags: [],
  authors: ['Léa Dubois'],
};

function renderPanel(routes: Record<string, unknown> = {}) {
  const api = fakeApi({
    [`GET /api/articles/${ID}/revisions`]: { revisions: summaries },
    [`GET /api/articles/${ID}/revisions/21`]: { revision: live },
    ...routes,
  });
  const beforeRestore = vi.fn(async () => 6);
  const onRestored = vi.fn();
  const view = renderWithProviders(
    <VersionsPanel
      article={article}
      fields={fieldsOf(article)}
      canEdit
      beforeRestore={beforeRestore}
      onRestored={onRestored}
    />,
  );
  return { ...view, api, beforeRestore, onRestored };
}

describe('VersionsPanel', () => {
  it('names each version by its step, who and when, and marks the live one', async () => {
    renderPanel();
    expect(await screen.findByText('Publiée par Léa Dubois, le 3 mars 2026 à 14 h 05')).toBeInTheDocument();
    expect(screen.getByText('Envoyée en relecture par Tom Martin, le 2 mars 2026 à 8 h 30')).toBeInTheDocument();
    expect(screen.getByText('Enregistrement automatique par Tom Martin, le 4 mars 2026 à 9 h 00')).toBeInTheDocument();
    expect(screen.getByText(/dernier de 3 enregistrements automatiques/)).toBeInTheDocument();
    const liveItem = screen.getByRole('button', {
      name: /^Comparer avec la version de travail\s: Publiée par Léa Dubois, le 3 mars 2026 à 14\sh\s05$/,
    });
    expect(within(liveItem).getByText('En ligne')).toBeInTheDocument();
    expect(screen.getAllByText('En ligne')).toHaveLength(1);
  });

  it('compares the live version with the working one, insertions and deletions marked', async () => {
    const { user } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Comparer deux versions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Comparer deux versions' });
    expect(within(dialog).getByRole('combobox', { name: 'Version de départ' })).toHaveValue(
      'v3 · Publiée par Léa Dubois, le 3 mars 2026 à 14 h 05 · en ligne',
    );
    expect(within(dialog).getByRole('combobox', { name: 'Version d’arrivée' })).toHaveValue(
      'Version de travail (en cours)',
    );
    const diff = await within(dialog).findByTestId('version-diff');
    const inserted = [...diff.querySelectorAll('ins')].map((node) => node.textContent?.trim());
    const deleted = [...diff.querySelectorAll('del')].map((node) => node.textContent?.trim());
    expect(inserted).toContain('Athènes l’utilisait déjà.');
    expect(deleted).toContain('en force');
    expect(within(dialog).getByText('Ajouts soulignés en vert, suppressions barrées en rouge.')).toBeInTheDocument();
  });

  it('restores the version compared from, over the latest saved version', async () => {
    const { user, api, beforeRestore, onRestored } = renderPanel({
      [`POST /api/articles/${ID}/revisions/21/restore`]: { article: { ...article, version: 7 } },
    });
    await user.click(await screen.findByRole('button', { name: /^Comparer avec la version de travail\s: Publiée/ }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByTestId('version-diff');
    await user.click(within(dialog).getByRole('button', { name: 'Restaurer la version de départ' }));
    await user.click(within(dialog).getByRole('button', { name: 'Restaurer cette version' }));
    expect(await screen.findByText('Version 3 restaurée.')).toBeInTheDocument();
    expect(beforeRestore).toHaveBeenCalledTimes(1);
    expect(api.writes()).toMatchObject([{ path: `/api/articles/${ID}/revisions/21/restore`, body: { version: 6 } }]);
    expect(onRestored).toHaveBeenCalledWith(expect.objectContaining({ version: 7 }));
  });
});

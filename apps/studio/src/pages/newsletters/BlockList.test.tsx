import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { keyed, order, renderList } from './block-list-harness';
import { frenchTypography as fr } from '@crieur/content/typography';

const issue = () =>
  keyed(
    { type: 'sectionTitle', text: 'À la une' },
    {
      type: 'article',
      title: 'Le tirage au sort',
      lede: 'Une assemblée tirée au sort.',
      url: 'https://example.org/a/tirage',
    },
    { type: 'button', label: 'Adhérer', url: 'https://example.org/adherer' },
  );

// how a block is named: "Article « … »", with no-break spaces that keep the quotes on the title's line
const named = (type: string, summary: string) => `${type}\u00a0«\u202f${summary}\u202f»`;
const TITLE = named('Titre de rubrique', 'À la une');
const ARTICLE = named('Article', 'Le tirage au sort');
const BUTTON = named('Bouton', 'Adhérer');
// text queries read the page with white space collapsed, no-break spaces included
const plain = (text: string) => text.replace(/\s+/g, ' ');

/** jsdom has no layout: each block gets a place, 100 px apart, so dnd-kit can tell where a drag goes. */
function layOutBlocks() {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const item = this.closest<HTMLElement>('li[data-block-index]');
    if (!item) return DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });
    return DOMRect.fromRect({ x: 0, y: Number(item.dataset.blockIndex) * 100, width: 600, height: 90 });
  });
}

describe('BlockList', () => {
  it('shows each block in order, named by its type and title', () => {
    renderList(issue());
    expect(order()).toEqual([`Bloc 1\u00a0: ${TITLE}`, `Bloc 2\u00a0: ${ARTICLE}`, `Bloc 3\u00a0: ${BUTTON}`]);
    expect(screen.getByRole('textbox', { name: 'Texte du bouton' })).toHaveValue('Adhérer');
  });

  it('says the newsletter is empty, and how to start', () => {
    renderList([]);
    expect(screen.getByText(/Aucun bloc pour l’instant/)).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('cannot move the first block up nor the last one down', () => {
    renderList(issue());
    expect(screen.getByRole('button', { name: `Monter ${TITLE}` })).toBeDisabled();
    expect(screen.getByRole('button', { name: `Descendre ${BUTTON}` })).toBeDisabled();
    expect(screen.getByRole('button', { name: `Monter ${BUTTON}` })).toBeEnabled();
  });

  it('moves a block down, then up, with its buttons', async () => {
    const { user, latest, onChange } = renderList(issue());

    await user.click(screen.getByRole('button', { name: `Descendre ${TITLE}` }));
    expect(order()).toEqual([`Bloc 1\u00a0: ${ARTICLE}`, `Bloc 2\u00a0: ${TITLE}`, `Bloc 3\u00a0: ${BUTTON}`]);

    await user.click(screen.getByRole('button', { name: `Monter ${BUTTON}` }));
    expect(order()).toEqual([`Bloc 1\u00a0: ${ARTICLE}`, `Bloc 2\u00a0: ${BUTTON}`, `Bloc 3\u00a0: ${TITLE}`]);
    expect(latest().map((block) => block.type)).toEqual(['article', 'button', 'sectionTitle']);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('moves a block with the keyboard through its buttons, focus following the block', async () => {
    const { user } = renderList(issue());
    screen.getByRole('button', { name: `Monter ${BUTTON}` }).focus();
    await user.keyboard('{Enter}');
    expect(order()).toEqual([`Bloc 1\u00a0: ${TITLE}`, `Bloc 2\u00a0: ${BUTTON}`, `Bloc 3\u00a0: ${ARTICLE}`]);
    expect(document.activeElement).toHaveAccessibleName(`Monter ${BUTTON}`);
    await user.keyboard(' ');
    expect(order()).toEqual([`Bloc 1\u00a0: ${BUTTON}`, `Bloc 2\u00a0: ${TITLE}`, `Bloc 3\u00a0: ${ARTICLE}`]);
  });

  it('drags a block with the keyboard through its handle, and announces each step', async () => {
    layOutBlocks();
    const { user } = renderList(issue());

    const handle = screen.getByRole('button', { name: `Déplacer ${TITLE}` });
    handle.focus();
    await user.keyboard(' ');
    // picked up (the live region has already moved on to where the block is over)
    await waitFor(() => expect(handle).toHaveAttribute('aria-pressed', 'true'));
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getByText(plain(`${TITLE} en position 2 sur 3.`))).toBeInTheDocument());
    await user.keyboard(' ');

    await waitFor(() =>
      expect(order()).toEqual([`Bloc 1\u00a0: ${ARTICLE}`, `Bloc 2\u00a0: ${TITLE}`, `Bloc 3\u00a0: ${BUTTON}`]),
    );
    expect(screen.getByText(plain(`${TITLE} déposé en position 2 sur 3.`))).toBeInTheDocument();
  });

  it('puts a dragged block back when the drag is cancelled with Escape', async () => {
    layOutBlocks();
    const { user, onChange } = renderList(issue());
    screen.getByRole('button', { name: `Déplacer ${ARTICLE}` }).focus();
    await user.keyboard(' ');
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.getByText(plain(`Déplacement annulé : ${ARTICLE} revient à sa place.`))).toBeInTheDocument(),
    );
    expect(order()).toEqual([`Bloc 1\u00a0: ${TITLE}`, `Bloc 2\u00a0: ${ARTICLE}`, `Bloc 3\u00a0: ${BUTTON}`]);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removes a block, then puts it back in its place on undo', async () => {
    const { user, latest } = renderList(issue());

    await user.click(screen.getByRole('button', { name: `Supprimer ${ARTICLE}` }));
    expect(order()).toEqual([`Bloc 1\u00a0: ${TITLE}`, `Bloc 2\u00a0: ${BUTTON}`]);
    const notice = screen.getByText(plain(`${ARTICLE} supprimé.`)).closest<HTMLElement>('[role="status"]')!;
    expect(notice).toBeInTheDocument();

    await user.click(within(notice).getByRole('button', { name: 'Annuler la suppression' }));
    expect(order()).toEqual([`Bloc 1\u00a0: ${TITLE}`, `Bloc 2\u00a0: ${ARTICLE}`, `Bloc 3\u00a0: ${BUTTON}`]);
    expect(latest()[1]).toMatchObject({ type: 'article', title: 'Le tirage au sort' });
    expect(screen.queryByText(/supprimé\./)).not.toBeInTheDocument();
  });

  it('adds a new empty block at the end from the menu', async () => {
    const { user, latest } = renderList(issue());
    await user.click(screen.getByRole('button', { name: 'Ajouter un bloc' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Séparateur' }));
    expect(latest().at(-1)).toEqual({ type: 'divider' });
    expect(order().at(-1)).toBe(fr('Bloc 4 : Séparateur'));
  });

  it("hands the form's changes to the block they belong to", async () => {
    const { user, latest } = renderList(issue());
    const label = screen.getByRole('textbox', { name: 'Texte du bouton' });
    await user.clear(label);
    await user.type(label, 'Soutenir');
    expect(latest()[2]).toEqual({ type: 'button', label: 'Soutenir', url: 'https://example.org/adherer' });
    expect(latest()[0]).toEqual({ type: 'sectionTitle', text: 'À la une' });
  });

  it('marks the blocks the preview refused, with the reason, once errors are shown', () => {
    const { revealAll } = renderList(issue(), {
      errors: [
        { index: 1, path: '', message: 'Bloc inconnu du gabarit' },
        { index: 1, path: 'url', message: 'Adresse invalide' },
      ],
    });
    revealAll();
    const problems = screen.getByRole('group', { name: 'Problèmes de ce bloc' });
    expect(problems).toHaveTextContent('Corrigez les 2 champs signalés.');
    expect(problems).toHaveTextContent('Bloc inconnu du gabarit');
    expect(screen.getByRole('region', { name: `Bloc 2\u00a0: ${ARTICLE}` })).toContainElement(problems);
  });

  it('offers no way to change a read-only newsletter', () => {
    renderList(issue(), { readOnly: true });
    expect(order()).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /^(Monter|Descendre|Supprimer|Déplacer) / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ajouter un bloc' })).not.toBeInTheDocument();
  });
});

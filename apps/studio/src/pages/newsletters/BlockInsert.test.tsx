import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keyed, order, renderList } from './block-list-harness';

const issue = () =>
  keyed(
    { type: 'sectionTitle', text: 'démocratieS' },
    { type: 'sectionTitle', text: 'Agenda du trimestre' },
    { type: 'button', label: 'Adhérer', url: 'https://example.org/adherer' },
  );
const plain = (text: string) => text.replace(/\s+/g, ' ');
const names = () => order().map((name) => plain(name).replace(/^Bloc \d+ : /, ''));

describe('new blocks go where staff mean them', () => {
  it('adds at the end while no block is selected, and says so', async () => {
    const { user, latest } = renderList(issue());
    expect(screen.getByText(/Les nouveaux blocs se placent à la fin/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ajouter un bloc' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Séparateur' }));
    expect(latest().map((block) => block.type)).toEqual(['sectionTitle', 'sectionTitle', 'button', 'divider']);
  });

  it('adds right after the block being edited, which shows as selected; the new block becomes the selected one', async () => {
    const { user, latest } = renderList(issue());
    const first = screen.getAllByRole('textbox', { name: /^Titre de rubrique/ })[0]!;
    await user.click(first);
    const selected = screen.getByRole('listitem', { current: true });
    expect(within(selected).getByText('Sélectionné')).toBeInTheDocument();
    expect(plain(screen.getByText(/Les nouveaux blocs se placent après/).textContent ?? '')).toBe(
      'Les nouveaux blocs se placent après le bloc 1, Titre de rubrique « démocratieS ».',
    );

    await user.click(screen.getByRole('button', { name: 'Ajouter un bloc' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Agenda' }));
    expect(latest().map((block) => block.type)).toEqual(['sectionTitle', 'agenda', 'sectionTitle', 'button']);
    // a section starts with its heading filled in
    expect(latest()[1]).toMatchObject({ type: 'agenda', title: 'Agenda' });
    expect(names()[1]).toBe('Agenda « Agenda »');
    expect(within(screen.getByRole('listitem', { current: true })).getByRole('region')).toHaveAccessibleName(
      /^Bloc 2\s: Agenda/,
    );

    // a second block follows the first one, not the old selection
    await user.click(screen.getByRole('button', { name: 'Ajouter un bloc' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Séparateur' }));
    expect(latest().map((block) => block.type)).toEqual([
      'sectionTitle',
      'agenda',
      'divider',
      'sectionTitle',
      'button',
    ]);
  });

  it('goes back to the end on request', async () => {
    const { user, latest } = renderList(issue());
    await user.click(screen.getAllByRole('textbox', { name: /^Titre de rubrique/ })[0]!);
    await user.click(screen.getByRole('button', { name: 'Ajouter plutôt à la fin' }));
    expect(screen.queryByRole('listitem', { current: true })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ajouter un bloc' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Séparateur' }));
    expect(latest().at(-1)).toEqual({ type: 'divider' });
  });

  it('selects a block from the keyboard: tabbing into it is enough', async () => {
    const { user } = renderList(issue());
    act(() => screen.getAllByRole('textbox', { name: /^Titre de rubrique/ })[1]!.focus());
    expect(screen.getByRole('listitem', { current: true })).toHaveAttribute('data-block-index', '1');
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('listitem', { current: true })).toHaveAttribute('data-block-index', '2');
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BlockError } from '@crieur/api';
import { emptyBlock } from './blocks';
import { keyed, renderList } from './block-list-harness';

// what the preview says of a brand-new article card and agenda (the server's French messages)
const ERRORS: BlockError[] = [
  { index: 0, path: 'title', message: 'Ce champ ne peut pas être vide' },
  { index: 0, path: 'url', message: 'L’adresse doit commencer par http:// ou https://' },
  { index: 1, path: 'events.0.title', message: 'Ce champ ne peut pas être vide' },
  { index: 1, path: 'events.0.date', message: 'Indiquez la date' },
];
const fresh = () => keyed(emptyBlock('article'), emptyBlock('agenda'));
const card = (n: number) => screen.getByRole('region', { name: new RegExp(`^Bloc ${n}\\s`) });

describe('block errors show once touched', () => {
  it('shows no error on a brand-new block before anything is typed, only a quiet note', () => {
    renderList(fresh(), { errors: ERRORS });
    expect(screen.queryByText('Ce champ ne peut pas être vide')).not.toBeInTheDocument();
    expect(screen.queryByText('Indiquez la date')).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Problèmes de ce bloc' })).not.toBeInTheDocument();
    for (const input of screen.getAllByRole('textbox')) expect(input).not.toHaveAttribute('aria-invalid', 'true');
    expect(within(card(1)).getByText(/Bloc à compléter/)).toBeInTheDocument();
  });

  it('shows a field’s error once the user has left it, and only that field’s', async () => {
    const { user } = renderList(fresh(), { errors: ERRORS });
    const title = within(card(1)).getByRole('textbox', { name: /^Titre/ });
    await user.click(title);
    expect(screen.queryByText('Ce champ ne peut pas être vide')).not.toBeInTheDocument();
    await user.tab();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(within(card(1)).getByText('Ce champ ne peut pas être vide')).toBeInTheDocument();
    // the address and the other block were not touched
    expect(within(card(1)).getByRole('textbox', { name: /^Adresse du lien/ })).not.toHaveAttribute('aria-invalid');
    expect(within(card(2)).queryByText('Indiquez la date')).not.toBeInTheDocument();
  });

  it('names a row’s field by its row: leaving the date shows its one message', async () => {
    const { user } = renderList(fresh(), { errors: ERRORS });
    const date = within(card(2)).getByLabelText(/^Date/);
    await user.click(date);
    await user.tab();
    expect(within(card(2)).getAllByText('Indiquez la date')).toHaveLength(1);
    expect(within(card(2)).queryByText('Ce champ ne peut pas être vide')).not.toBeInTheDocument();
  });

  it('shows every error when a test or a send is attempted, but not on a block added after', async () => {
    const { user, revealAll } = renderList(fresh(), { errors: ERRORS });
    revealAll();
    expect(within(card(1)).getByRole('textbox', { name: /^Titre/ })).toHaveAttribute('aria-invalid', 'true');
    expect(within(card(1)).getByRole('textbox', { name: /^Adresse du lien/ })).toHaveAttribute('aria-invalid', 'true');
    expect(within(card(2)).getByText('Indiquez la date')).toBeInTheDocument();
    expect(within(card(1)).getByRole('group', { name: 'Problèmes de ce bloc' })).toHaveTextContent(
      'Corrigez les 2 champs signalés.',
    );

    await user.click(screen.getByRole('button', { name: 'Ajouter un bloc' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Bouton' }));
    // the new button block is the third; its own errors wait for a touch or the next attempt
    expect(within(card(3)).queryByRole('group', { name: 'Problèmes de ce bloc' })).not.toBeInTheDocument();
  });
});

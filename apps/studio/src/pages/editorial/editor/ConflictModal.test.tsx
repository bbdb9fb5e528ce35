import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EditConflict } from '@crieur/api';
import { renderWithProviders } from '../../../test/render';
import { ConflictModal } from './ConflictModal';

// 14:02 on the machine's clock, whatever its time zone: the modal shows the browser's local time
const at1402 = new Date(2026, 2, 12, 14, 2).toISOString();
const conflict = (partial: Partial<EditConflict> = {}): EditConflict => ({
  version: 8,
  updatedAt: at1402,
  updatedBy: 'Camille Martin',
  ...partial,
});

const MY_TEXT = 'Le tirage au sort\n\nUne assemblée citoyenne.\n\nMon paragraphe non enregistré.';

function renderModal(value: EditConflict | null) {
  const myText = vi.fn(() => MY_TEXT);
  const onReload = vi.fn(() => Promise.resolve());
  const view = renderWithProviders(<ConflictModal conflict={value} myText={myText} onReload={onReload} />);
  return { ...view, myText, onReload };
}

describe('ConflictModal', () => {
  it('stays closed while there is no conflict', () => {
    renderModal(null);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says who saved the other version and when, and that mine is not saved', () => {
    renderModal(conflict());
    const dialog = screen.getByRole('dialog', { name: 'Modification en conflit' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Quelqu’un d’autre (Camille Martin) a modifié cet article à 14:02. Vos dernières modifications ne sont pas enregistrées.',
    );
  });

  it('names no one when the other version has no author', () => {
    renderModal(conflict({ updatedBy: null }));
    expect(screen.getByRole('alert')).toHaveTextContent('Quelqu’un d’autre (une autre personne) a modifié cet article');
  });

  it('offers the two ways out and no close button', () => {
    renderModal(conflict());
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Copier mon texte',
      'Recharger sa version',
    ]);
  });

  it('copies my unsaved text to the clipboard and says so', async () => {
    const { user, onReload } = renderModal(conflict());
    await user.click(screen.getByRole('button', { name: 'Copier mon texte' }));
    // user-event gives the page a working clipboard: read back what was written
    expect(await navigator.clipboard.readText()).toBe(MY_TEXT);
    expect(await screen.findByText('Votre texte est copié dans le presse-papiers.')).toBeInTheDocument();
    expect(onReload).not.toHaveBeenCalled();
  });

  it('shows my text to copy by hand when the clipboard refuses', async () => {
    const { user } = renderModal(conflict());
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copier mon texte' }));

    expect(
      await screen.findByText('Copie impossible : sélectionnez le texte ci-dessous et copiez-le à la main.'),
    ).toBeInTheDocument();
    const text = screen.getByRole('textbox', { name: 'Votre texte non enregistré' });
    expect(text).toHaveValue(MY_TEXT);
    expect(text).toHaveAttribute('readonly');
  });

  it('reloads the saved version on request, once, and is busy meanwhile', async () => {
    const { user, onReload, myText } = renderModal(conflict());
    let finish: () => void = () => undefined;
    onReload.mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));

    const reload = screen.getByRole('button', { name: 'Recharger sa version' });
    await user.click(reload);
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(reload).toHaveAttribute('data-loading', 'true');
    finish();
    await waitFor(() => expect(reload).not.toHaveAttribute('data-loading'));
    expect(myText).not.toHaveBeenCalled();
  });
});

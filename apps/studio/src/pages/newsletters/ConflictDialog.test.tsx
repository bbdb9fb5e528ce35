import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import { renderWithProviders } from '../../test/render';
import { ConflictDialog } from './ConflictDialog';
import { frenchTypography as fr } from '@crieur/content/typography';

function renderDialog(opened = true) {
  const onReload = vi.fn(() => Promise.resolve());
  const onOverwrite = vi.fn(() => Promise.resolve());
  const view = renderWithProviders(<ConflictDialog opened={opened} onReload={onReload} onOverwrite={onOverwrite} />);
  return { ...view, onReload, onOverwrite };
}

describe('ConflictDialog (newsletter composer)', () => {
  it('stays closed until a save meets a newer version', () => {
    renderDialog(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('explains what each choice loses', () => {
    renderDialog();
    const dialog = screen.getByRole('dialog', { name: fr("Quelqu'un d'autre a modifié cette newsletter") });
    expect(dialog).toHaveTextContent('vos dernières modifications ne sont pas enregistrées');
    expect(dialog).toHaveTextContent('(vos modifications non enregistrées seront perdues)');
    expect(dialog).toHaveTextContent('(les siennes seront perdues)');
  });

  it('loads their version', async () => {
    const { user, onReload, onOverwrite } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Charger sa version' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(onOverwrite).not.toHaveBeenCalled();
  });

  it('overwrites theirs with mine', async () => {
    const { user, onReload, onOverwrite } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Écraser avec ma version' }));
    expect(onOverwrite).toHaveBeenCalledTimes(1);
    expect(onReload).not.toHaveBeenCalled();
  });

  it('allows one choice at a time', async () => {
    const { user, onOverwrite, onReload } = renderDialog();
    let finish: () => void = () => undefined;
    onOverwrite.mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    await user.click(screen.getByRole('button', { name: 'Écraser avec ma version' }));

    const reload = screen.getByRole('button', { name: 'Charger sa version' });
    expect(reload).toBeDisabled();
    await user.click(reload);
    expect(onReload).not.toHaveBeenCalled();
    finish();
    await waitFor(() => expect(reload).toBeEnabled());
  });

  it('says why a choice failed, and lets the user choose again', async () => {
    const { user, onReload } = renderDialog();
    onReload.mockRejectedValueOnce(new ApiError(0, 'NETWORK', 'offline'));
    await user.click(screen.getByRole('button', { name: 'Charger sa version' }));
    expect(await screen.findByText('Impossible de joindre le serveur. Vérifiez votre connexion.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Charger sa version' }));
    expect(onReload).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.queryByText(/Impossible de joindre le serveur/)).not.toBeInTheDocument());
  });
});

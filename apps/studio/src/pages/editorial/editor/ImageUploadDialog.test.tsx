import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Media } from '@crieur/api';
import { ApiError } from '../../../api/api-error';
import { renderWithProviders } from '../../../test/render';
import { ImageUploadDialog } from './ImageUploadDialog';
import type { UploadImage } from './upload-image';
import { frenchTypography as fr } from '@crieur/content/typography';

const MEDIA: Media = {
  id: '0f4f7e8c-3c1b-4a55-9d6f-2f1f3f0e9a11',
  url: '/media/0f4f7e8c-3c1b-4a55-9d6f-2f1f3f0e9a11/w1600.webp',
  thumbUrl: '/media/0f4f7e8c-3c1b-4a55-9d6f-2f1f3f0e9a11/w400.webp',
  alt: 'Le conseil municipal en séance',
  caption: 'Photo : mairie de Saillans',
  credit: '',
  width: 1600,
  height: 900,
  mime: 'image/png',
  createdAt: '2026-03-02T09:00:00.000Z',
};
const png = () => new File([new Uint8Array(2048)], 'conseil.png', { type: 'image/png' });

function renderDialog(upload: UploadImage, props: { index?: number; count?: number } = {}) {
  const onUploaded = vi.fn();
  const onCancel = vi.fn();
  const view = renderWithProviders(
    <ImageUploadDialog
      file={png()}
      index={props.index ?? 1}
      count={props.count ?? 1}
      onUploaded={onUploaded}
      onCancel={onCancel}
      upload={upload}
    />,
  );
  return { ...view, onUploaded, onCancel, dialog: screen.getByRole('dialog') };
}

describe('ImageUploadDialog', () => {
  it('shows the image and cannot be confirmed without an alt text', async () => {
    const upload = vi.fn<UploadImage>();
    const { user, dialog, onUploaded } = renderDialog(upload);
    expect(dialog).toHaveAccessibleName('Ajouter une image');
    const thumbnail = await within(dialog).findByRole('img', { name: 'Aperçu de l’image à ajouter' });
    expect(thumbnail.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(within(dialog).getByText('conseil.png')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Légende' }), 'Photo : mairie');
    await user.click(within(dialog).getByRole('button', { name: 'Téléverser et insérer' }));
    expect(within(dialog).getByRole('textbox', { name: /Texte alternatif/ })).toHaveAccessibleDescription(
      /Le texte alternatif est obligatoire\s: décrivez l’image en quelques mots\./,
    );
    // spaces are not an alt text either
    await user.type(within(dialog).getByRole('textbox', { name: /Texte alternatif/ }), '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Téléverser et insérer' }));
    expect(upload).not.toHaveBeenCalled();
    expect(onUploaded).not.toHaveBeenCalled();
  });

  it('uploads with the alt text and caption, shows the progress, then hands the media over', async () => {
    let finish: (media: Media) => void = () => undefined;
    const upload = vi.fn<UploadImage>((_file, _query, onProgress) => {
      onProgress({ loaded: 512, total: 2048 });
      return new Promise<Media>((resolve) => (finish = resolve));
    });
    const { user, dialog, onUploaded } = renderDialog(upload);
    await user.type(within(dialog).getByRole('textbox', { name: /Texte alternatif/ }), ' Le conseil en séance ');
    await user.type(within(dialog).getByRole('textbox', { name: 'Légende' }), 'Photo : mairie');
    await user.click(within(dialog).getByRole('button', { name: 'Téléverser et insérer' }));
    expect(upload).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'conseil.png', type: 'image/png' }),
      { alt: 'Le conseil en séance', caption: 'Photo : mairie' },
      expect.any(Function),
      expect.any(AbortSignal),
    );
    expect(await within(dialog).findByRole('progressbar', { name: fr('Envoi : 25 %') })).toBeInTheDocument();
    finish(MEDIA);
    await waitFor(() => expect(onUploaded).toHaveBeenCalledWith(MEDIA));
  });

  it('says why an upload failed, inserts nothing and lets the writer try again', async () => {
    const upload = vi
      .fn<UploadImage>()
      .mockRejectedValueOnce(
        new ApiError(400, 'MEDIA_INVALID', 'Ce fichier n’est pas une image lisible : il est peut-être incomplet.'),
      )
      .mockResolvedValueOnce(MEDIA);
    const { user, dialog, onUploaded } = renderDialog(upload);
    await user.type(within(dialog).getByRole('textbox', { name: /Texte alternatif/ }), 'Le conseil');
    await user.click(within(dialog).getByRole('button', { name: 'Téléverser et insérer' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Téléversement impossible : rien n’a été inséré');
    expect(alert).toHaveTextContent('Ce fichier n’est pas une image lisible : il est peut-être incomplet.');
    expect(onUploaded).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(onUploaded).toHaveBeenCalledWith(MEDIA));
  });

  it('cancels this image, or the ones after it too, without uploading', async () => {
    const upload = vi.fn<UploadImage>();
    const { user, dialog, onCancel } = renderDialog(upload, { index: 2, count: 3 });
    expect(dialog).toHaveAccessibleName('Ajouter une image (2 sur 3)');
    await user.click(within(dialog).getByRole('button', { name: 'Annuler les suivantes aussi' }));
    expect(onCancel).toHaveBeenLastCalledWith(true);
    await user.click(within(dialog).getAllByRole('button', { name: 'Annuler' }).at(-1)!);
    expect(onCancel).toHaveBeenLastCalledWith(false);
    expect(upload).not.toHaveBeenCalled();
  });
});

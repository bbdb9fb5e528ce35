import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Media } from '@crieur/api';
import { fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { MediaLibraryModal } from './MediaLibraryModal';

const MEDIA: Media = {
  id: '0f4f7e8c-3c1b-4a55-9d6f-2f1f3f0e9a11',
  url: '/media/0f4f7e8c-3c1b-4a55-9d6f-2f1f3f0e9a11/w1600.webp',
  thumbUrl: '/media/0f4f7e8c-3c1b-4a55-9d6f-2f1f3f0e9a11/w400.webp',
  alt: 'Le conseil municipal en séance',
  caption: '',
  credit: '',
  width: 1600,
  height: 900,
  mime: 'image/png',
  createdAt: '2026-03-02T09:00:00.000Z',
};

describe('the media library: credit of an image', () => {
  it('changes the credit of an image already in the library, trimmed, without picking it', async () => {
    const edited = { ...MEDIA, credit: 'Photo : Jeanne Martin' };
    const api = fakeApi({
      'GET /api/media': { media: [MEDIA] },
      [`PATCH /api/media/${MEDIA.id}`]: { media: edited },
    });
    const onPick = vi.fn();
    const { user } = renderWithProviders(
      <MediaLibraryModal opened onClose={() => undefined} mode="cover" onPick={onPick} />,
    );
    await user.click(await screen.findByRole('button', { name: `Modifier les textes de ${MEDIA.alt}` }));
    const credit = screen.getByLabelText('Crédit (photographe, agence, source)');
    await user.type(credit, '  Photo : Jeanne Martin ');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByRole('heading', { name: 'Téléverser une image' });
    expect(api.writes()).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        body: { alt: MEDIA.alt, caption: '', credit: 'Photo : Jeanne Martin' },
      }),
    ]);
    expect(onPick).not.toHaveBeenCalled();
  });

  it('keeps the alt text required', async () => {
    const api = fakeApi({ 'GET /api/media': { media: [MEDIA] } });
    const { user } = renderWithProviders(
      <MediaLibraryModal opened onClose={() => undefined} mode="cover" onPick={() => undefined} />,
    );
    await user.click(await screen.findByRole('button', { name: `Modifier les textes de ${MEDIA.alt}` }));
    await user.clear(screen.getByLabelText(/Texte alternatif/));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Le texte alternatif est obligatoire.')).toBeInTheDocument();
    expect(api.writes()).toEqual([]);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleDoc } from '@crieur/content';
import { renderWithProviders } from '../../../test/render';
import { BodyEditor } from './BodyEditor';
import { frenchTypography as fr } from '@crieur/content/typography';

const DOC = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Avant l’image.' }] },
    {
      type: 'image',
      attrs: {
        src: '/media/0f4f7e8c-3c1b-4a55-9d6f-2f1f3f0e9a11/w1600.webp',
        alt: 'Le conseil municipal',
        caption: 'Photo : mairie',
        mediaId: '0f4f7e8c-3c1b-4a55-9d6f-2f1f3f0e9a11',
      },
    },
  ],
} as unknown as ArticleDoc;

type ImageAttrs = { alt: string | null; caption: string | null };
const lastImage = (onChange: ReturnType<typeof vi.fn>) => {
  const doc = onChange.mock.lastCall?.[0] as { content: { type: string; attrs: ImageAttrs }[] };
  return doc.content.find((node) => node.type === 'image')!.attrs;
};

describe('the image in the body editor', () => {
  it('shows the caption in a figure and saves what is typed there', async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<BodyEditor initial={DOC} editable onChange={onChange} />);
    const caption = await screen.findByRole('textbox', { name: 'Légende de l’image' });
    expect(caption).toHaveValue('Photo : mairie');
    expect(caption.closest('figcaption')?.parentElement?.tagName).toBe('FIGURE');
    await user.clear(caption);
    expect(caption).toHaveAttribute('placeholder', 'Ajouter une légende');
    await user.type(caption, 'Séance du 3 mars');
    await waitFor(() => expect(lastImage(onChange).caption).toBe('Séance du 3 mars'));
    expect(caption).toHaveValue('Séance du 3 mars');
  });

  it('shows the alt text and refuses to empty it', async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<BodyEditor initial={DOC} editable onChange={onChange} />);
    const button = await screen.findByRole('button', { name: 'Texte alternatif' });
    expect(button).toHaveAccessibleDescription('Le conseil municipal');
    await user.click(button);
    const field = screen.getByRole('textbox', { name: /Texte alternatif/ });
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(field).toHaveAccessibleDescription(
      fr('Le texte alternatif ne peut pas être vide : décrivez l’image en quelques mots.'),
    );
    expect(onChange).not.toHaveBeenCalled();
    await user.type(field, 'Les élu·es en séance{Enter}');
    await waitFor(() => expect(lastImage(onChange).alt).toBe('Les élu·es en séance'));
    expect(screen.getByRole('button', { name: 'Texte alternatif' })).toHaveAccessibleDescription(
      'Les élu·es en séance',
    );
  });

  it('shows the caption as text, with nothing to change, when the body is read-only', async () => {
    renderWithProviders(<BodyEditor initial={DOC} editable={false} onChange={vi.fn()} />);
    const figure = (await screen.findByRole('img', { name: 'Le conseil municipal' })).closest('figure')!;
    expect(within(figure as HTMLElement).getByText('Photo : mairie').tagName).toBe('FIGCAPTION');
    expect(within(figure as HTMLElement).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(figure as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
  });
});

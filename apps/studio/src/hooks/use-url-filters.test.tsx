import { screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { useUrlFilters } from './use-url-filters';

function Filters() {
  const filters = useUrlFilters(['status', 'q', 'author'], ['q', 'author']);
  const location = useLocation();
  return (
    <>
      <label>
        Titre
        <input value={filters.text.q ?? ''} onChange={(e) => filters.type('q', e.target.value)} />
      </label>
      <label>
        Auteur
        <input value={filters.text.author ?? ''} onChange={(e) => filters.type('author', e.target.value)} />
      </label>
      <button onClick={() => filters.set('status', 'draft')}>Brouillons</button>
      <output>{location.search}</output>
    </>
  );
}

describe('list filters in the address', () => {
  it('takes two fields typed within one pause, and keeps the other filters', async () => {
    const { user } = renderWithProviders(<Filters />, { route: '/articles?status=published' });
    await user.type(screen.getByLabelText('Titre'), 'vivant');
    await user.type(screen.getByLabelText('Auteur'), 'ana');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('?status=published&q=vivant&author=ana'));
  });

  it('sets a single filter at once and reads the address back', async () => {
    const { user } = renderWithProviders(<Filters />, { route: '/articles?q=eau' });
    expect(screen.getByLabelText('Titre')).toHaveValue('eau');
    await user.click(screen.getByRole('button', { name: 'Brouillons' }));
    expect(screen.getByRole('status')).toHaveTextContent('?q=eau&status=draft');
  });
});

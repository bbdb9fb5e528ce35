import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@crieur/api';
import { SessionContext } from '../session/session-context';
import { Shell } from '../shell/Shell';
import { FAKE_CSRF, fakeApi } from '../test/fake-api';
import { renderWithProviders } from '../test/render';
import { LoginPage } from './LoginPage';

const anonymous = { user: null, refresh: async () => null, logout: async () => undefined };
const named = (name: string) => ({
  'GET /api/session': { csrfToken: FAKE_CSRF, user: null },
  'GET /api/organisation/public': { organisation: { name, logo: null } },
});

describe('the association’s name instead of the software’s', () => {
  it('the login page names the association, its tab title too', async () => {
    fakeApi(named('Institut de la concertation et de la participation citoyenne'));
    renderWithProviders(
      <SessionContext.Provider value={anonymous}>
        <LoginPage />
      </SessionContext.Provider>,
    );
    expect(
      await screen.findByText(
        'Espace réservé à l’équipe de l’Institut de la concertation et de la participation citoyenne.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(document.title).toBe('Connexion au studio — Institut de la concertation et de la participation citoyenne'),
    );
    expect(document.body.textContent).not.toMatch(/crieur/i);
  });

  it('says something neutral while no name is set', async () => {
    fakeApi(named(''));
    renderWithProviders(
      <SessionContext.Provider value={anonymous}>
        <LoginPage />
      </SessionContext.Provider>,
    );
    expect(await screen.findByText('Espace réservé à l’équipe de l’association.')).toBeInTheDocument();
    expect(screen.getByText('Studio')).toBeInTheDocument();
    expect(document.title).toBe('Connexion au studio — Studio');
  });

  it('the studio header shows the name, and « Identité » is an admin’s item of its own', async () => {
    fakeApi(named('Le Collectif'));
    const admin: SessionUser = { id: 'a1', email: 'camille@icpc.example', name: 'Camille', role: 'admin' };
    renderWithProviders(
      <SessionContext.Provider value={{ ...anonymous, user: admin, refresh: async () => admin }}>
        <Routes>
          <Route path="/settings/identity" element={<Shell>page</Shell>} />
        </Routes>
      </SessionContext.Provider>,
      { route: '/settings/identity' },
    );
    // role queries are slow on the whole shell: wait for the name first, then ask
    await screen.findByText('Le Collectif', undefined, { timeout: 5000 });
    expect(screen.getByRole('link', { name: 'Le Collectif' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('link', { name: 'Identité' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Réglages' })).not.toHaveAttribute('aria-current');
  });
});

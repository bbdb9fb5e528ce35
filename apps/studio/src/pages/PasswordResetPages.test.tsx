import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { answer, FAKE_CSRF, fakeApi } from '../test/fake-api';
import { renderWithProviders } from '../test/render';
import { SessionContext } from '../session/session-context';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { LoginPage } from './LoginPage';
import { ResetPasswordPage } from './ResetPasswordPage';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCD';
const NNBSP = '\u202f';

function renderAt(route: string) {
  const session = { user: null, refresh: async () => null, logout: async () => undefined };
  return renderWithProviders(
    <SessionContext.Provider value={session}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/password-reset/:token" element={<ResetPasswordPage />} />
      </Routes>
    </SessionContext.Provider>,
    { route },
  );
}

describe('« Mot de passe oublié ? »', () => {
  it('is linked from the login page, which hands over the address typed there', async () => {
    fakeApi({ 'GET /api/session': { csrfToken: FAKE_CSRF, user: null } });
    const { user } = renderAt('/login');
    await user.type(screen.getByLabelText('Adresse e-mail'), 'lea@example.org');
    await user.click(screen.getByRole('link', { name: `Mot de passe oublié${NNBSP}?` }));
    expect(await screen.findByRole('heading', { name: 'Mot de passe oublié' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/Adresse e-mail/).value).toBe('lea@example.org');
  });

  it('sends the address and says the same thing whatever the answer means', async () => {
    const api = fakeApi({
      'GET /api/session': { csrfToken: FAKE_CSRF, user: null },
      'POST /api/password-reset': answer(202, { ok: true }),
    });
    const { user } = renderAt('/forgot-password');
    await user.type(screen.getByLabelText(/Adresse e-mail/), '  lea@example.org ');
    await user.click(screen.getByRole('button', { name: 'Recevoir le lien' }));
    expect(
      await screen.findByText(
        'Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé. Le lien est valable une heure.',
      ),
    ).toBeTruthy();
    expect(api.writes()).toEqual([
      { method: 'POST', path: '/api/password-reset', body: { email: 'lea@example.org' }, csrf: FAKE_CSRF },
    ]);
  });
});

describe('ResetPasswordPage', () => {
  it('says a used or expired link is no longer valid and offers a new one', async () => {
    fakeApi({
      [`GET /api/password-reset/${TOKEN}`]: answer(410, { error: { code: 'RESET_INVALID', message: 'x' } }),
    });
    renderAt(`/password-reset/${TOKEN}`);
    expect(await screen.findByRole('heading', { name: 'Lien non valable' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Ce lien de réinitialisation n’est plus valable');
    expect(screen.getByRole('link', { name: 'Demander un nouveau lien' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
  });

  it('refuses two different passwords before sending anything', async () => {
    const api = fakeApi({ [`GET /api/password-reset/${TOKEN}`]: { email: 'lea@example.org', name: 'Léa' } });
    const { user } = renderAt(`/password-reset/${TOKEN}`);
    await user.type(await screen.findByLabelText(/^Nouveau mot de passe/), 'lanterne-girafe-brouette-2026');
    await user.type(screen.getByLabelText(/^Confirmer le nouveau mot de passe/), 'lanterne-girafe-brouette-2027');
    await user.click(screen.getByRole('button', { name: 'Changer mon mot de passe' }));
    expect(await screen.findByText('Les deux mots de passe ne sont pas identiques.')).toBeTruthy();
    expect(api.writes()).toEqual([]);
  });

  it('sets the new password, then shows the login page with the address and « Mot de passe changé »', async () => {
    const api = fakeApi({
      [`GET /api/password-reset/${TOKEN}`]: { email: 'lea@example.org', name: 'Léa' },
      [`POST /api/password-reset/${TOKEN}`]: { ok: true },
    });
    const { user } = renderAt(`/password-reset/${TOKEN}`);
    expect((await screen.findByLabelText<HTMLInputElement>('Adresse e-mail')).value).toBe('lea@example.org');
    await user.type(screen.getByLabelText(/^Nouveau mot de passe/), 'lanterne-girafe-brouette-2026');
    await user.type(screen.getByLabelText(/^Confirmer le nouveau mot de passe/), 'lanterne-girafe-brouette-2026');
    await user.click(screen.getByRole('button', { name: 'Changer mon mot de passe' }));
    expect(
      // the matcher collapses every space, no-break ones included
      await screen.findByText('Mot de passe changé ; connectez-vous.', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Adresse e-mail').value).toBe('lea@example.org');
    expect(api.writes().map((w) => [w.path, w.body])).toEqual([
      [`/api/password-reset/${TOKEN}`, { password: 'lanterne-girafe-brouette-2026' }],
    ]);
  }, 20_000);
});

import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EmbedForm, SessionUser } from '@crieur/api';
import { SessionContext } from '../../session/session-context';
import { answer, fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { EmbedFormPage } from './EmbedFormPage';

const admin: SessionUser = { id: 'a1', email: 'camille@icpc.example', name: 'Camille', role: 'admin' };

const embedForm: EmbedForm = {
  origins: ['https://www.i-cpc.org'],
  action: 'https://democraties.example/subscribe/embed',
  lists: [
    { slug: 'membres', name: 'Lettre des membres', description: 'La lettre trimestrielle.' },
    { slug: 'democraties', name: 'Lettre de démocratieS', description: 'Les nouveaux articles.' },
  ],
  notice: 'En cochant une lettre, vous acceptez…',
  honeypot: 'website',
};

function render(routes: Record<string, unknown> = {}) {
  const api = fakeApi({ 'GET /api/embed-form': { embedForm }, ...routes });
  const view = renderWithProviders(
    <SessionContext.Provider value={{ user: admin, refresh: async () => admin, logout: async () => undefined }}>
      <EmbedFormPage />
    </SessionContext.Provider>,
  );
  return { api, ...view };
}

describe('EmbedFormPage', () => {
  it('refuses a wrong site before sending anything, with a French message naming it', async () => {
    const { api, user } = render();
    const field = await screen.findByLabelText('Adresses des sites, une par ligne');
    expect(field).toHaveValue('https://www.i-cpc.org');
    await user.type(field, '{Enter}http://exemple.fr');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText(
        '« http://exemple.fr » : seule une adresse en https:// est acceptée (http:// pour localhost seulement).',
      ),
    ).toBeInTheDocument();
    expect(api.writes()).toEqual([]);
  });

  it('saves the list, one site per line, and says so', async () => {
    const saved = { ...embedForm, origins: ['https://www.i-cpc.org', 'https://exemple.fr'] };
    const { api, user } = render({ 'PUT /api/embed-form': { embedForm: saved } });
    const field = await screen.findByLabelText('Adresses des sites, une par ligne');
    await user.type(field, '{Enter}  https://exemple.fr/  {Enter}');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Sites autorisés enregistrés.')).toBeInTheDocument();
    expect(api.writes()).toEqual([
      expect.objectContaining({
        path: '/api/embed-form',
        body: { origins: ['https://www.i-cpc.org', 'https://exemple.fr/'] },
      }),
    ]);
  });

  it('shows the server’s refusal', async () => {
    const refusal = answer(400, {
      error: { code: 'VALIDATION', message: 'x', issues: [{ path: 'origins', message: 'Au plus 20 sites.' }] },
    });
    const { user } = render({ 'PUT /api/embed-form': refusal });
    await screen.findByLabelText('Adresses des sites, une par ligne');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Au plus 20 sites.')).toBeInTheDocument();
  });

  it('builds the snippet from the lists chosen, and warns when none is', async () => {
    const { user } = render();
    const code = (await screen.findByLabelText('Code HTML du formulaire')) as HTMLTextAreaElement;
    expect(code.value).toContain('<form action="https://democraties.example/subscribe/embed" method="post"');
    expect(code.value).toContain('value="membres"');
    await user.click(screen.getByRole('checkbox', { name: /Lettre des membres/ }));
    expect(code.value).not.toContain('value="membres"');
    expect(code.value).toContain('value="democraties"');
    await user.click(screen.getByRole('checkbox', { name: /Lettre de démocratieS/ }));
    expect(screen.getByText('Choisissez au moins une lettre à proposer.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copier' })).toBeDisabled();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NewsletterBranding, Organisation, SessionUser } from '@crieur/api';
import { SessionContext } from '../../session/session-context';
import { answer, fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { IdentityPage } from './IdentityPage';
import { frenchTypography as fr } from '@crieur/content/typography';

const admin: SessionUser = { id: 'a1', email: 'camille@icpc.example', name: 'Camille', role: 'admin' };

const organisation: Organisation = {
  name: 'ICPC',
  postalAddress: '',
  senderName: '',
  senderEmail: '',
  replyTo: '',
  logo: null,
  updatedAt: null,
};

const branding = (kind: NewsletterBranding['kind'], over: Partial<NewsletterBranding> = {}): NewsletterBranding => ({
  kind,
  title: kind === 'democraties' ? 'démocratieS' : `La lettre ${kind}`,
  kicker: 'Le média de l’ICPC',
  tagline: 'Comprendre et faire vivre la participation citoyenne',
  accent: '#7a1f3d',
  tint: '#f5e9ed',
  titleFont: 'serif',
  banner: null,
  identity: 'démocratieS est le média de l’ICPC.',
  notice: '',
  welcomeText: '',
  updatedAt: '2026-03-01T09:00:00.000Z',
  ...over,
});

function render(routes: Record<string, unknown> = {}) {
  const api = fakeApi({
    'GET /api/organisation': { organisation },
    'GET /api/organisation/public': { organisation: { name: organisation.name, logo: null } },
    'GET /api/newsletters/branding': {
      brandings: [branding('membres', { accent: '#1b4d89' }), branding('adherents'), branding('democraties')],
    },
    ...routes,
  });
  const view = renderWithProviders(
    <SessionContext.Provider value={{ user: admin, refresh: async () => admin, logout: async () => undefined }}>
      <IdentityPage />
    </SessionContext.Provider>,
  );
  return { api, ...view };
}

describe('IdentityPage', () => {
  it('shows French errors only once a field is left, and helpful empty states', async () => {
    const { user } = render();
    const email = await screen.findByLabelText('Adresse d’expédition par défaut');
    expect(screen.getByText(/Pas encore de logo/)).toBeInTheDocument();
    expect(screen.getAllByText(/Pas de bannière/)).toHaveLength(3);
    await user.type(email, 'lettre@');
    expect(screen.queryByText(/Saisissez une adresse e-mail valide/)).not.toBeInTheDocument();
    await user.tab();
    expect(
      await screen.findByText('Saisissez une adresse e-mail valide, par exemple contact@exemple.org.'),
    ).toBeVisible();
    await user.type(email, 'icpc.example');
    expect(screen.queryByText(/Saisissez une adresse e-mail valide/)).not.toBeInTheDocument();
    expect(screen.getByText('Modifications non enregistrées')).toBeInTheDocument();
  });

  it('saves the organisation with trimmed values and says so', async () => {
    const saved = { ...organisation, name: 'Institut', postalAddress: '1 rue A\n75011 Paris', senderName: 'ICPC' };
    const { api, user } = render({ 'PUT /api/organisation': { organisation: saved } });
    const name = await screen.findByLabelText(/Nom de l’association/);
    await user.clear(name);
    await user.type(name, '  Institut ');
    await user.type(screen.getByLabelText('Adresse postale'), '1 rue A{Enter}75011 Paris');
    await user.type(screen.getByLabelText('Nom d’expéditeur par défaut'), 'ICPC');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’association' }));
    expect(await screen.findByText('Identité de l’association enregistrée.')).toBeInTheDocument();
    expect(api.writes()).toEqual([
      expect.objectContaining({
        path: '/api/organisation',
        body: {
          name: 'Institut',
          postalAddress: '1 rue A\n75011 Paris',
          senderName: 'ICPC',
          senderEmail: '',
          replyTo: '',
          logoMediaId: null,
        },
      }),
    ]);
    await waitFor(() => expect(screen.queryByText('Modifications non enregistrées')).not.toBeInTheDocument());
  });

  it('shows the contrast live and refuses a light accent before sending anything', async () => {
    const { api, user } = render();
    const panel = await screen.findByRole('form', { name: fr('Habillage : Lettre des membres') });
    expect(within(panel).getByText('Contraste 8,5:1 — lisible')).toBeInTheDocument();
    const accent = within(panel).getByLabelText('Couleur principale');
    await user.clear(accent);
    await user.type(accent, '#d0e4ff');
    expect(within(panel).getByText('Contraste 1,2:1 — trop faible (4,5:1 au moins)')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: fr('Enregistrer : Lettre des membres') }));
    // Testing Library reads the no-break spaces as spaces
    expect(
      await within(panel).findByText(
        'Le contraste du blanc sur #d0e4ff est de 1,2:1 ; il faut au moins 4,5:1 : choisissez une couleur plus foncée.',
      ),
    ).toBeInTheDocument();
    expect(api.writes()).toEqual([]);
  });

  it('puts the server’s refusal on the field it names, and keeps the preview in step', async () => {
    const refusal = answer(400, {
      error: {
        code: 'VALIDATION',
        message: '« bannière » : Cette image n’est pas (ou plus) dans la médiathèque : choisissez-en une autre.',
        issues: [{ path: 'bannerMediaId', message: 'Cette image n’est pas (ou plus) dans la médiathèque.' }],
      },
    });
    const { user } = render({ 'PUT /api/newsletters/democraties/branding': () => refusal.clone() });
    await user.click(await screen.findByRole('tab', { name: 'démocratieS' }));
    const panel = screen.getByRole('form', { name: fr('Habillage : démocratieS') });
    const title = within(panel).getByLabelText(/Titre de la lettre/);
    await user.clear(title);
    await user.type(title, 'démocratieS, le média');
    const preview = within(panel).getByLabelText('Aperçu de l’en-tête et du pied de la lettre');
    expect(within(preview).getByText('démocratieS, le média')).toBeInTheDocument();
    expect(within(preview).getByText('ICPC')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: fr('Enregistrer : démocratieS') }));
    expect(await within(panel).findByText('Cette image n’est pas (ou plus) dans la médiathèque.')).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LegalPage, Organisation, SessionUser } from '@crieur/api';
import { SessionContext } from '../../session/session-context';
import { answer, fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { LegalPagesPage } from './LegalPagesPage';
import { frenchTypography as fr } from '@crieur/content/typography';

const admin: SessionUser = { id: 'a1', email: 'camille@icpc.example', name: 'Camille', role: 'admin' };

const organisation: Organisation = {
  name: 'ICPC',
  postalAddress: '12 rue A\n75011 Paris',
  senderName: '',
  senderEmail: '',
  replyTo: '',
  logo: null,
  updatedAt: null,
};

const empty = { type: 'doc', content: [{ type: 'paragraph' }] } as LegalPage['body'];
const page = (slug: LegalPage['slug'], title: string, fields: Record<string, string> = {}): LegalPage => ({
  slug,
  title,
  body: empty,
  fields,
  path: `/${slug}`,
  updatedAt: '2026-12-01T09:00:00.000Z',
});
const PAGES = [
  page('mentions-legales', 'Mentions légales'),
  page('confidentialite', 'Politique de confidentialité'),
  page('contact', 'Contact'),
];

function render(routes: Record<string, unknown> = {}) {
  const api = fakeApi({
    'GET /api/organisation': { organisation },
    'GET /api/legal-pages': { pages: PAGES },
    ...routes,
  });
  const view = renderWithProviders(
    <SessionContext.Provider value={{ user: admin, refresh: async () => admin, logout: async () => undefined }}>
      <LegalPagesPage />
    </SessionContext.Provider>,
  );
  return { api, ...view };
}

describe('LegalPagesPage', () => {
  it('says what the law still requires, shows the organisation’s values as defaults, and links to each page', async () => {
    render();
    const form = await screen.findByRole('form', { name: 'Mentions légales' });
    expect(within(form).getByText('Indiquez l’hébergeur : la loi l’exige.')).toBeInTheDocument();
    expect(within(form).getByText(/directeur·rice de la publication\s: la loi l’exige/)).toBeInTheDocument();
    expect(within(form).getByLabelText('Éditeur')).toHaveAttribute('placeholder', expect.stringContaining('ICPC'));
    expect(within(form).getByLabelText('Adresse')).toHaveAttribute(
      'placeholder',
      expect.stringContaining('12 rue A, 75011 Paris'),
    );
    expect(within(form).getByRole('link', { name: /Voir la page/ })).toHaveAttribute('href', '/mentions-legales');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'Mentions légales',
      'Confidentialité',
      'Contact',
    ]);
  });

  it('saves a partial page with trimmed values and says so; the missing list shrinks as fields are filled', async () => {
    const saved = page('mentions-legales', 'Mentions légales', { hostName: 'Hébergeur SAS' });
    const { api, user } = render({ 'PUT /api/legal-pages/mentions-legales': { page: saved } });
    const form = await screen.findByRole('form', { name: 'Mentions légales' });
    await user.type(within(form).getByLabelText(/^Hébergeur/), '  Hébergeur SAS ');
    expect(within(form).queryByText('Indiquez l’hébergeur : la loi l’exige.')).not.toBeInTheDocument();
    expect(within(form).getByText('Modifications non enregistrées')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: fr('Enregistrer : Mentions légales') }));
    expect(await screen.findByText('Page « Mentions légales » enregistrée : elle est en ligne.')).toBeInTheDocument();
    const [write] = api.writes();
    expect(write).toMatchObject({ method: 'PUT', path: '/api/legal-pages/mentions-legales' });
    expect((write!.body as { fields: Record<string, string> }).fields).toMatchObject({
      hostName: 'Hébergeur SAS',
      director: '',
    });
    await waitFor(() => expect(within(form).queryByText('Modifications non enregistrées')).not.toBeInTheDocument());
  });

  it('refuses a bad address before sending, and keeps what was typed when the server refuses', async () => {
    const refusal = answer(400, {
      error: {
        code: 'VALIDATION',
        message: 'Téléphone : un numéro de téléphone, par exemple 01 23 45 67 89.',
        issues: [{ path: 'fields.phone', message: 'Téléphone : un numéro de téléphone, par exemple 01 23 45 67 89.' }],
      },
    });
    const { api, user } = render({ 'PUT /api/legal-pages/contact': () => refusal.clone() });
    await user.click(await screen.findByRole('tab', { name: 'Contact' }));
    const form = screen.getByRole('form', { name: 'Contact' });
    const email = within(form).getByLabelText(/Adresse e-mail de contact/);
    await user.type(email, 'ecrire@');
    await user.tab();
    expect(await within(form).findByText(/adresse e-mail invalide/)).toBeVisible();
    await user.click(within(form).getByRole('button', { name: fr('Enregistrer : Contact') }));
    expect(api.writes()).toEqual([]);

    await user.type(email, 'icpc.example');
    await user.type(within(form).getByLabelText('Téléphone'), '0123456789');
    await user.click(within(form).getByRole('button', { name: fr('Enregistrer : Contact') }));
    expect(await within(form).findAllByText(/un numéro de téléphone, par exemple/)).not.toHaveLength(0);
    expect(api.writes()).toHaveLength(1);
    // nothing typed is lost, and the page still says it is not saved
    expect(email).toHaveValue('ecrire@icpc.example');
    expect(within(form).getByLabelText('Téléphone')).toHaveValue('0123456789');
    expect(within(form).getByText('Modifications non enregistrées')).toBeInTheDocument();
  });
});

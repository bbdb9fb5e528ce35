import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { InvitationSent, StaffUser } from '@crieur/api';
import { answer, fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { InviteModal } from './InviteModal';
import { frenchTypography as fr } from '@crieur/content/typography';

const lea: StaffUser = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'lea@icpc.example',
  name: 'Léa Dubois',
  role: 'editor',
  status: 'invited',
  lastLoginAt: null,
  createdAt: '2026-03-02T09:00:00.000Z',
  invitation: { createdAt: '2026-03-02T09:00:00.000Z', expiresAt: '2026-03-09T09:00:00.000Z', emailSentAt: null },
};
const sent = (over: Partial<InvitationSent> = {}): InvitationSent => ({
  user: lea,
  emailQueued: true,
  outbox: true,
  renewed: false,
  ...over,
});

function open(props: Partial<Parameters<typeof InviteModal>[0]> = {}) {
  const handlers = { onClose: vi.fn(), onInvited: vi.fn(), onShowUser: vi.fn() };
  const view = renderWithProviders(<InviteModal opened {...handlers} {...props} />);
  return { ...view, ...handlers };
}

describe('InviteModal', () => {
  it('describes the chosen role in one sentence, and each role in the list', async () => {
    fakeApi();
    const { user } = open();
    const role = screen.getAllByLabelText(/^Rôle/).find((el) => el.tagName === 'INPUT')!;
    expect(role).toHaveAccessibleDescription(/^Relit, programme et publie les articles et les dossiers/);
    await user.click(role);
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByText(/Écrit ses articles et les envoie en relecture/)).toBeInTheDocument();
    expect(within(listbox).getByText(/Compose et envoie les lettres, gère les abonné·es/)).toBeInTheDocument();
    expect(within(listbox).getByText(/Gère l’équipe, les réglages et l’organisation/)).toBeInTheDocument();
    await user.click(within(listbox).getByRole('option', { name: /Auteur·rice/ }));
    expect(role).toHaveAccessibleDescription(/^Écrit ses articles et les envoie en relecture/);
  });

  it('sends the invitation without a name, then says where the email went', async () => {
    const api = fakeApi({ 'POST /api/users/invitations': answer(201, sent()) });
    const { user, onInvited } = open();
    await user.type(screen.getByRole('textbox', { name: /Adresse e-mail/ }), 'lea@icpc.example');
    await user.click(screen.getByRole('button', { name: fr("Envoyer l'invitation") }));
    expect(await screen.findByText('Invitation envoyée à lea@icpc.example')).toBeInTheDocument();
    expect(screen.getByText(/l’e-mail est enregistré dans la boîte d’envoi locale/)).toBeInTheDocument();
    expect(api.writes()[0]?.body).toEqual({ email: 'lea@icpc.example', name: '', role: 'editor' });
    expect(onInvited).toHaveBeenCalled();
    expect(screen.queryByText(/studio\/invitation/)).not.toBeInTheDocument();
  });

  it('names the person an address belongs to, and offers to show them or resend their invitation', async () => {
    const message =
      'Cette adresse appartient déjà à Léa Dubois (éditeur·rice, invité·e, compte pas encore activé) : ' +
      'renvoyez-lui l’invitation plutôt.';
    const existing = { id: lea.id, name: lea.name, email: lea.email, role: lea.role, status: lea.status };
    const api = fakeApi({
      'POST /api/users/invitations': answer(409, { error: { code: 'DUPLICATE_EMAIL', message, existing } }),
      [`POST /api/users/${lea.id}/invitation`]: answer(202, sent({ outbox: false, emailQueued: false })),
    });
    const { user, onShowUser } = open();
    await user.type(screen.getByRole('textbox', { name: /Adresse e-mail/ }), 'LEA@icpc.example');
    await user.click(screen.getByRole('button', { name: fr("Envoyer l'invitation") }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Voir Léa Dubois dans l’équipe' }));
    expect(onShowUser).toHaveBeenCalledWith(lea.id);
    await user.click(screen.getByRole('button', { name: 'Renvoyer l’invitation à Léa Dubois' }));
    expect(await screen.findByText('Invitation envoyée à lea@icpc.example')).toBeInTheDocument();
    expect(screen.getByText(/l’e-mail partira d’ici une à deux minutes/)).toBeInTheDocument();
    expect(api.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      'POST /api/users/invitations',
      `POST /api/users/${lea.id}/invitation`,
    ]);
  });
});

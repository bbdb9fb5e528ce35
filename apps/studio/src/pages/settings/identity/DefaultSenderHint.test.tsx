import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Organisation, SessionUser } from '@crieur/api';
import { SessionContext } from '../../../session/session-context';
import { fakeApi } from '../../../test/fake-api';
import { renderWithProviders } from '../../../test/render';
import { DefaultSenderHint, useDefaultSenderName } from './DefaultSenderHint';
import { frenchTypography as fr } from '@crieur/content/typography';

const organisation = (over: Partial<Organisation>): Organisation => ({
  name: '',
  postalAddress: '',
  senderName: '',
  senderEmail: '',
  replyTo: '',
  logo: null,
  updatedAt: null,
  ...over,
});

function Hint() {
  const name = useDefaultSenderName();
  return <DefaultSenderHint name={name} />;
}

const as = (role: SessionUser['role']) => {
  const user: SessionUser = { id: 'u1', email: 'nora@icpc.example', name: 'Nora', role };
  return renderWithProviders(
    <SessionContext.Provider value={{ user, refresh: async () => user, logout: async () => undefined }}>
      <Hint />
    </SessionContext.Provider>,
  );
};

describe('the composer’s sender-name hint', () => {
  it('shows the real default: the sender name, else the association’s name', async () => {
    fakeApi({
      'GET /api/organisation': { organisation: organisation({ name: 'ICPC', senderName: 'La lettre de l’ICPC' }) },
    });
    as('sender');
    expect(
      await screen.findByText('Vide : « La lettre de l’ICPC », le nom par défaut de l’association.'),
    ).toBeVisible();
  });

  it('falls back on the name', async () => {
    fakeApi({ 'GET /api/organisation': { organisation: organisation({ name: 'ICPC' }) } });
    as('sender');
    expect(await screen.findByText('Vide : « ICPC », le nom par défaut de l’association.')).toBeVisible();
  });

  it('links admins to « Identité » when there is none, and tells others whom to ask', async () => {
    fakeApi({ 'GET /api/organisation': { organisation: organisation({}) } });
    const { unmount } = as('admin');
    await screen.findByText('Définissez-le dans « Identité ».', undefined, { timeout: 5000 });
    expect(screen.getByRole('link', { name: fr('Définissez-le dans « Identité ».') })).toHaveAttribute(
      'href',
      '/settings/identity',
    );
    unmount();
    as('sender');
    expect(await screen.findByText(/Un·e administrateur·rice peut le définir dans «\sIdentité\s»/)).toBeVisible();
  });
});

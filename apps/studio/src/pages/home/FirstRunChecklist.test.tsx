import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Onboarding, SessionUser } from '@crieur/api';
import { SessionContext } from '../../session/session-context';
import { fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { FirstRunChecklist } from './FirstRunChecklist';

const admin: SessionUser = { id: 'a1', email: 'camille@icpc.example', name: 'Camille', role: 'admin' };
const steps = (done: string[]): Onboarding => {
  const all = ['organisation', 'team', 'import', 'article', 'testLetter'] as const;
  return { steps: all.map((step) => ({ step, done: done.includes(step) })), allDone: done.length === all.length };
};
const render = (user: SessionUser = admin) =>
  renderWithProviders(
    <SessionContext.Provider value={{ user, refresh: async () => user, logout: async () => undefined }}>
      <FirstRunChecklist />
    </SessionContext.Provider>,
  );

describe('FirstRunChecklist', () => {
  afterEach(() => window.localStorage.clear());

  it('ticks what the server says was done and links to the rest', async () => {
    fakeApi({ 'GET /api/onboarding': steps(['organisation', 'article']) });
    render();
    expect(await screen.findByRole('heading', { name: 'Premiers pas' })).toBeInTheDocument();
    expect(screen.getByText('2 sur 5 faites')).toBeInTheDocument();
    const team = screen.getByText('Inviter l’équipe').closest('li')!;
    expect(team).toHaveAttribute('data-done', 'false');
    expect(screen.getByRole('link', { name: 'Inviter' })).toHaveAttribute('href', '/users');
    expect(screen.getByText('Nommer l’organisation').closest('li')).toHaveAttribute('data-done', 'true');
    expect(screen.queryByRole('link', { name: 'Ouvrir « Identité »' })).not.toBeInTheDocument();
  });

  it('is gone once everything is done, and for other roles', async () => {
    const api = fakeApi({ 'GET /api/onboarding': steps(['organisation', 'team', 'import', 'article', 'testLetter']) });
    render();
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/onboarding')).toBe(true));
    await new Promise((r) => setTimeout(r, 20)); // the answer is rendered
    expect(screen.queryByText('Premiers pas')).not.toBeInTheDocument();
    const editor = { ...admin, role: 'editor' as const };
    render(editor);
    expect(api.calls.filter((c) => c.path === '/api/onboarding')).toHaveLength(1);
  });

  it('can be hidden by this admin', async () => {
    fakeApi({ 'GET /api/onboarding': steps([]) });
    const { user, unmount } = render();
    await user.click(await screen.findByRole('button', { name: 'Masquer la liste des premiers pas' }));
    expect(screen.queryByText('Premiers pas')).not.toBeInTheDocument();
    unmount();
    render();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Premiers pas')).not.toBeInTheDocument();
  });
});

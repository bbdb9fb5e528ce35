import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MailingList, SubscriberSearch, SubscriberSummary } from '@crieur/api';
import { fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { SubscribersBrowser } from './SubscribersBrowser';

const person = (n: number, email: string): SubscriberSummary => ({
  id: `6f1c2a4e-8b1d-4c3e-9a7f-2d5e8b1c4a9${n}`,
  email,
  name: '',
  locale: 'fr',
  createdAt: '2026-03-12T08:00:00.000Z',
  suppressed: false,
  subscriptions: [{ list: 'membres', status: 'confirmed' }],
});
const page = (subscribers: SubscriberSummary[], nextCursor: string | null): SubscriberSearch => ({
  subscribers,
  nextCursor,
});
const lists: MailingList[] = [
  {
    id: 1,
    slug: 'membres',
    name: 'Lettre des membres',
    description: '',
    visibility: 'public',
    legalBasis: 'consent',
    counts: { confirmed: 3, pending: 0, unsubscribed: 0 },
  },
];

const emails = () =>
  within(screen.getByRole('table', { name: 'Abonné·es' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('SubscribersBrowser', () => {
  it('keeps the filters of the address and loads the next page after the last one ("Charger plus")', async () => {
    const api = fakeApi({
      'GET /api/subscribers?status=confirmed': page(
        [person(1, 'anne@example.org'), person(2, 'bruno@example.org')],
        'c1',
      ),
      'GET /api/subscribers?status=confirmed&cursor=c1': page([person(3, 'chloe@example.org')], null),
    });
    const { user } = renderWithProviders(<SubscribersBrowser lists={lists} />, { route: '/?status=confirmed' });
    await screen.findByRole('table', { name: 'Abonné·es' });
    expect(emails()).toEqual(['anne@example.org', 'bruno@example.org']);
    await user.click(screen.getByRole('button', { name: 'Charger plus' }));
    expect(await screen.findByRole('link', { name: 'chloe@example.org' })).toBeInTheDocument();
    expect(emails()).toEqual(['anne@example.org', 'bruno@example.org', 'chloe@example.org']);
    expect(screen.getByText('3 personnes affichées')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Charger plus' })).not.toBeInTheDocument();
    expect(api.calls.map((call) => call.path)).toEqual([
      '/api/subscribers?status=confirmed',
      '/api/subscribers?status=confirmed&cursor=c1',
    ]);
  });

  it('searches what is typed, once typing pauses', async () => {
    const api = fakeApi({
      'GET /api/subscribers': page([person(1, 'anne@example.org'), person(3, 'zoe@example.org')], null),
      'GET /api/subscribers?q=zoe': page([person(3, 'zoe@example.org')], null),
    });
    const { user } = renderWithProviders(<SubscribersBrowser lists={lists} />);
    await screen.findByRole('link', { name: 'anne@example.org' });
    await user.type(screen.getByLabelText('Rechercher'), 'zoe');
    await screen.findByText('1 personne affichée');
    expect(emails()).toEqual(['zoe@example.org']);
    expect(api.calls.map((call) => call.path)).toEqual(['/api/subscribers', '/api/subscribers?q=zoe']);
  });
});

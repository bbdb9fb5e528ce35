import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Campaign, CampaignProgress, CampaignStatus, RecipientCounts } from '@crieur/api';
import { answer, FAKE_CSRF, fakeApi } from '../../test/fake-api';
import { renderWithProviders } from '../../test/render';
import { CampaignActions } from './CampaignActions';
import { frenchTypography as fr } from '@crieur/content/typography';

const NNBSP = '\u202f';

const counts = (partial: Partial<RecipientCounts> = {}): RecipientCounts => ({
  queued: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  skipped: 0,
  uncertain: 0,
  ...partial,
});

const progressOf = (status: CampaignStatus, partial: Partial<RecipientCounts> = {}): CampaignProgress => ({
  status,
  recipientCount: 3355,
  counts: counts(partial),
  ratePerSecond: 0,
  secondsLeft: null,
  slowedProviders: [],
  startedAt: status === 'draft' || status === 'scheduled' ? null : '2026-03-12T08:00:00Z',
  finishedAt: null,
  lastSentAt: null,
  pauseReason: null,
  serverWait: null,
  errors: [],
});

const campaign = (status: CampaignStatus): Campaign => ({
  id: 'c1',
  slug: 'lettre-mars-2026',
  kind: 'membres',
  subject: 'La lettre de mars',
  status,
  lists: [{ slug: 'membres', name: 'Membres' }],
  recipientCount: 3355,
  scheduledAt: null,
  startedAt: null,
  finishedAt: null,
  serverWait: null,
  updatedAt: '2026-03-12T08:00:00Z',
  createdAt: '2026-03-01T08:00:00Z',
  preheader: '',
  fromName: 'ICPC',
  replyTo: 'contact@example.org',
  blocks: [],
  version: 3,
  pauseReason: null,
  duplicatedFrom: null,
});

const preflightOf = (items: unknown[]) => ({ items, version: 3, checkedAt: '2026-03-12T08:00:00Z' });

function renderActions(status: CampaignStatus, partial: Partial<RecipientCounts> = {}) {
  const onChanged = vi.fn();
  const onStale = vi.fn();
  const view = renderWithProviders(
    <CampaignActions
      campaign={campaign(status)}
      status={status}
      progress={progressOf(status, partial)}
      onChanged={onChanged}
      onStale={onStale}
    />,
  );
  return { ...view, onChanged, onStale };
}

/** The buttons of the "Actions d’envoi" group, by name; none when the group is absent. */
function actionNames(): string[] {
  const group = screen.queryByRole('group', { name: 'Actions d’envoi' });
  return group
    ? within(group)
        .getAllByRole('button')
        .map((button) => button.textContent ?? '')
    : [];
}

describe('CampaignActions: what each status allows', () => {
  // a ledger with failures and uncertain rows, so the resend buttons may show
  const mixed = { queued: 10, sent: 100, failed: 3, uncertain: 2 };
  it.each([
    ['draft', ['Envoyer maintenant', 'Programmer']],
    ['held', ['Envoyer maintenant', 'Reprogrammer']],
    ['scheduled', ['Annuler la programmation']],
    ['sending', ['Mettre en pause', 'Annuler l’envoi', 'Renvoyer aux incertains']],
    ['paused', ['Reprendre', 'Annuler l’envoi', 'Renvoyer aux incertains']],
    ['sent', ['Renvoyer aux échecs', 'Renvoyer aux incertains']],
    ['cancelled', []],
  ] as const)('%s: %j', (status, expected) => {
    renderActions(status, mixed);
    expect(actionNames()).toEqual(expected);
  });

  it('offers no resend once every message has an outcome', () => {
    renderActions('sent', { sent: 3355 });
    expect(actionNames()).toEqual([]);
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
  });
});

describe('CampaignActions: direct actions', () => {
  it('pauses a sending: POSTs the action with the CSRF token, hands back the new progress, says so', async () => {
    const paused = progressOf('paused', { queued: 10, sent: 100 });
    const api = fakeApi({ 'POST /api/campaigns/c1/pause': { progress: paused } });
    const { user, onChanged, onStale } = renderActions('sending', { queued: 10, sent: 100 });

    await user.click(screen.getByRole('button', { name: 'Mettre en pause' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(paused));
    expect(api.writes()).toEqual([{ method: 'POST', path: '/api/campaigns/c1/pause', body: {}, csrf: FAKE_CSRF }]);
    expect(await screen.findByText('Envoi mis en pause.')).toBeInTheDocument();
    expect(onStale).not.toHaveBeenCalled();
  });

  it('resumes a paused sending', async () => {
    const api = fakeApi({ 'POST /api/campaigns/c1/resume': { progress: progressOf('sending') } });
    const { user, onChanged } = renderActions('paused', { queued: 10 });
    await user.click(screen.getByRole('button', { name: 'Reprendre' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(api.writes().map((call) => call.path)).toEqual(['/api/campaigns/c1/resume']);
  });

  it('unschedules a scheduled campaign', async () => {
    const api = fakeApi({ 'POST /api/campaigns/c1/unschedule': { progress: progressOf('draft') } });
    const { user } = renderActions('scheduled');
    await user.click(screen.getByRole('button', { name: 'Annuler la programmation' }));
    expect(await screen.findByText(/Programmation annulée/)).toBeInTheDocument();
    expect(api.writes().map((call) => call.path)).toEqual(['/api/campaigns/c1/unschedule']);
  });

  it('reports a campaign someone else changed, and asks the page to reload', async () => {
    fakeApi({
      'POST /api/campaigns/c1/pause': answer(409, {
        error: { code: 'CAMPAIGN_STATE', message: 'The campaign is not sending' },
      }),
    });
    const { user, onChanged, onStale } = renderActions('sending', { queued: 10 });
    await user.click(screen.getByRole('button', { name: 'Mettre en pause' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('L’action n’a pas abouti');
    expect(alert).toHaveTextContent('La campagne a changé d’état entre-temps');
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows any other failure without reloading the page', async () => {
    fakeApi({ 'POST /api/campaigns/c1/resume': answer(403, { error: { code: 'FORBIDDEN', message: 'No' } }) });
    const { user, onStale } = renderActions('paused');
    await user.click(screen.getByRole('button', { name: 'Reprendre' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Votre rôle ne permet pas cette action.');
    expect(onStale).not.toHaveBeenCalled();
  });
});

describe('CampaignActions: actions that ask first', () => {
  it('cancels only once confirmed, saying how many people will not receive it', async () => {
    const api = fakeApi({ 'POST /api/campaigns/c1/cancel': { progress: progressOf('cancelled') } });
    const { user, onChanged } = renderActions('sending', { queued: 1200, sending: 14, sent: 2141 });

    await user.click(screen.getByRole('button', { name: 'Annuler l’envoi' }));
    const dialog = await screen.findByRole('dialog', { name: fr('Annuler l’envoi ?') });
    // queries collapse white space: the French separator is checked on the raw text
    expect(dialog).toHaveTextContent(
      '« La lettre de mars » ne partira pas vers les personnes qui ne l’ont pas encore reçue',
    );
    expect(dialog.textContent).toContain(`reçue (1${NNBSP}214)`);
    expect(api.writes()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Annuler l’envoi' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(api.writes().map((call) => call.path)).toEqual(['/api/campaigns/c1/cancel']);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('Envoi annulé.')).toBeInTheDocument();
  });

  it('keeps the sending going when the user changes their mind', async () => {
    const api = fakeApi();
    const { user, onChanged } = renderActions('paused', { queued: 5 });
    await user.click(screen.getByRole('button', { name: 'Annuler l’envoi' }));
    await user.click(await screen.findByRole('button', { name: 'Continuer l’envoi' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.writes()).toEqual([]);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('resends to the failed addresses and says how many were queued again', async () => {
    const api = fakeApi({
      'POST /api/campaigns/c1/resend': { requeued: 3, progress: progressOf('sending', { queued: 3 }) },
    });
    const { user, onChanged } = renderActions('sent', { sent: 3352, failed: 3 });

    await user.click(screen.getByRole('button', { name: 'Renvoyer aux échecs' }));
    const dialog = await screen.findByRole('dialog', { name: fr('Renvoyer aux échecs ?') });
    expect(dialog).toHaveTextContent('3 adresses ont été refusées');
    await user.click(within(dialog).getByRole('button', { name: 'Renvoyer aux échecs' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(api.writes()).toEqual([
      { method: 'POST', path: '/api/campaigns/c1/resend', body: { which: 'failed' }, csrf: FAKE_CSRF },
    ]);
    expect(await screen.findByText('3 destinataires remis en file d’envoi.')).toBeInTheDocument();
  });

  it('warns of duplicates before resending to the uncertain ones', async () => {
    const api = fakeApi({ 'POST /api/campaigns/c1/resend': { requeued: 1, progress: progressOf('sending') } });
    const { user } = renderActions('sent', { sent: 3354, uncertain: 1 });

    await user.click(screen.getByRole('button', { name: 'Renvoyer aux incertains' }));
    const dialog = await screen.findByRole('dialog', { name: fr('Renvoyer aux incertains ?') });
    expect(dialog).toHaveTextContent('Pour 1 personne');
    expect(dialog).toHaveTextContent('Renvoyez seulement si un doublon est moins gênant qu’un oubli.');
    await user.click(within(dialog).getByRole('button', { name: 'Renvoyer quand même' }));

    expect(await screen.findByText('1 destinataire remis en file d’envoi.')).toBeInTheDocument();
    expect(api.writes().map((call) => call.body)).toEqual([{ which: 'uncertain' }]);
  });

  it('keeps the dialog open with the reason when the action fails', async () => {
    fakeApi({ 'POST /api/campaigns/c1/cancel': answer(503, { error: { code: 'REDIS_UNAVAILABLE', message: 'x' } }) });
    const { user, onChanged } = renderActions('sending', { queued: 5 });
    await user.click(screen.getByRole('button', { name: 'Annuler l’envoi' }));
    const dialog = await screen.findByRole('dialog', { name: fr('Annuler l’envoi ?') });
    await user.click(within(dialog).getByRole('button', { name: 'Annuler l’envoi' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('La file des tâches (Redis) ne répond pas.');
    expect(screen.getByRole('dialog', { name: fr('Annuler l’envoi ?') })).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();
  });
});

describe('CampaignActions: sending now', () => {
  it('shows who will receive it, then starts the sending once confirmed', async () => {
    const started = progressOf('sending', { queued: 1714 });
    const api = fakeApi({
      'GET /api/lists': {
        lists: [
          { slug: 'membres', name: 'Membres', counts: { confirmed: 1714, pending: 3, unsubscribed: 40 } },
          { slug: 'democraties', name: 'démocratieS', counts: { confirmed: 3355, pending: 0, unsubscribed: 2 } },
        ],
      },
      'POST /api/campaigns/c1/send': { started: true, status: 'sending', progress: started },
      'POST /api/campaigns/c1/preflight': preflightOf([
        { code: 'subject', level: 'ok', message: 'Objet de 17 caractères.' },
      ]),
    });
    const { user, onChanged } = renderActions('draft');

    await user.click(screen.getByRole('button', { name: 'Envoyer maintenant' }));
    const dialog = await screen.findByRole('dialog', { name: fr('Envoyer maintenant ?') });
    expect(dialog).toHaveTextContent('« La lettre de mars » partira tout de suite aux listes : Membres.');
    // only the campaign's own list is counted
    const estimate = await within(dialog).findByText('Environ 1 714 personnes la recevront.');
    expect(estimate.textContent).toBe(`Environ 1${NNBSP}714 personnes la recevront.`);
    // the checklist is asked at once; nothing is sent before the click
    await within(dialog).findByText('1 vérification réussie');
    expect(api.writes().map((call) => call.path)).toEqual(['/api/campaigns/c1/preflight']);

    await user.click(within(dialog).getByRole('button', { name: 'Confirmer l’envoi' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(started));
    expect(api.writes().map((call) => call.path)).toEqual(['/api/campaigns/c1/preflight', '/api/campaigns/c1/send']);
    expect(await screen.findByText('Envoi lancé.')).toBeInTheDocument();
  });

  it('a block keeps the button off; warnings turn it into « Envoyer quand même », acknowledged in the send', async () => {
    const lists = {
      lists: [{ slug: 'membres', name: 'Membres', counts: { confirmed: 3, pending: 0, unsubscribed: 0 } }],
    };
    const blocked = fakeApi({
      'GET /api/lists': lists,
      'POST /api/campaigns/c1/preflight': preflightOf([
        { code: 'image-alt', level: 'block', message: 'Une image n’a pas de texte alternatif.', blockIndex: 1 },
      ]),
    });
    const first = renderActions('draft');
    await first.user.click(screen.getByRole('button', { name: 'Envoyer maintenant' }));
    let dialog = await screen.findByRole('dialog', { name: fr('Envoyer maintenant ?') });
    await within(dialog).findByText('1 point bloque l’envoi · 0 vérification réussie');
    expect(within(dialog).getByRole('heading', { name: 'À corriger avant d’envoyer' })).toBeInTheDocument();
    expect(within(dialog).getByText(/Bloquant/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Confirmer l’envoi' })).toBeDisabled();
    expect(blocked.writes().map((call) => call.path)).toEqual(['/api/campaigns/c1/preflight']);
    first.unmount();

    const warned = fakeApi({
      'GET /api/lists': lists,
      'POST /api/campaigns/c1/preflight': preflightOf([
        { code: 'links', level: 'warning', message: 'Un lien répond 404.', detail: 'https://x.example/' },
        { code: 'links', level: 'warning', message: 'Un lien répond 500.', detail: 'https://y.example/' },
        { code: 'dmarc', level: 'warning', message: 'Aucun enregistrement DMARC.' },
      ]),
      'POST /api/campaigns/c1/send': { started: true, status: 'sending', progress: progressOf('sending') },
    });
    const second = renderActions('draft');
    await second.user.click(screen.getByRole('button', { name: 'Envoyer maintenant' }));
    dialog = await screen.findByRole('dialog', { name: fr('Envoyer maintenant ?') });
    await second.user.click(await within(dialog).findByRole('button', { name: 'Envoyer quand même' }));
    await waitFor(() => expect(second.onChanged).toHaveBeenCalled());
    expect(warned.calls.find((call) => call.path === '/api/campaigns/c1/send')?.body).toEqual({
      acknowledgedWarnings: ['links', 'dmarc'],
    });
  });

  it('« Programmer » shows the same checks: a block keeps it off, warnings make it « Programmer quand même »', async () => {
    const blocked = fakeApi({
      'POST /api/campaigns/c1/preflight': preflightOf([
        { code: 'dkim', level: 'block', message: 'La clé DKIM publiée ne correspond pas à DKIM_PRIVATE_KEY.' },
      ]),
    });
    const first = renderActions('draft');
    await first.user.click(screen.getByRole('button', { name: 'Programmer' }));
    let dialog = await screen.findByRole('dialog', { name: 'Programmer l’envoi' });
    await within(dialog).findByText('1 point bloque l’envoi · 0 vérification réussie');
    expect(within(dialog).getByText(/La clé DKIM publiée ne correspond pas/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Programmer' })).toBeDisabled();
    expect(blocked.writes().map((call) => call.path)).toEqual(['/api/campaigns/c1/preflight']);
    first.unmount();

    fakeApi({
      'POST /api/campaigns/c1/preflight': preflightOf([
        { code: 'preheader', level: 'warning', message: 'Le texte d’aperçu est vide.' },
      ]),
    });
    const second = renderActions('held');
    await second.user.click(screen.getByRole('button', { name: 'Reprogrammer' }));
    dialog = await screen.findByRole('dialog', { name: 'Reprogrammer' });
    const button = await within(dialog).findByRole('button', { name: 'Programmer quand même' });
    expect(button).toBeEnabled();
    expect(
      within(dialog).getByText(/Les points bloquants seront vérifiés de nouveau à l’heure prévue/),
    ).toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import type { CampaignProgress, RecipientCounts } from '@crieur/api';
import { renderWithProviders } from '../../test/render';
import type { Pace } from './format';
import { ProgressPanel } from './ProgressPanel';
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

const progress = (partial: Partial<CampaignProgress> = {}): CampaignProgress => ({
  status: 'sending',
  recipientCount: 3355,
  counts: counts({ sent: 1200, failed: 30, skipped: 5, queued: 2000, sending: 120 }),
  ratePerSecond: 8,
  secondsLeft: 600,
  slowedProviders: [],
  startedAt: '2026-03-12T08:00:00Z',
  finishedAt: null,
  lastSentAt: null,
  pauseReason: null,
  serverWait: null,
  errors: [],
  ...partial,
});

function renderPanel(value: CampaignProgress, pace: Pace | null = null, pollError: unknown = null) {
  return renderWithProviders(<ProgressPanel progress={value} pace={pace} pollError={pollError} />);
}

/** The value shown under a figure's label ("Vitesse", "Temps restant"…). */
function figure(label: string): string {
  const labelNode = screen.getByText(label, { selector: 'p' });
  return labelNode.nextElementSibling?.textContent ?? '';
}

/** The bar's sections (hidden from assistive tools, which hear the figures instead): colour, width, animation. */
function barSections(container: HTMLElement) {
  return [...container.querySelectorAll<HTMLElement>('.mantine-Progress-section')].map((section) => ({
    color: section.style.getPropertyValue('--progress-section-color'),
    width: Number.parseFloat(section.style.getPropertyValue('--progress-section-size')),
    animated: section.hasAttribute('data-animated'),
  }));
}

describe('ProgressPanel while sending', () => {
  it('sums up what is done out of the whole, in French', () => {
    renderPanel(progress());
    // 1 200 sent + 30 failed + 5 skipped = 1 235 of 3 355, 37 %
    const summary = screen.getByText(/traités/);
    expect(summary.textContent).toBe(`1${NNBSP}235 sur 3${NNBSP}355 traités (37\u00a0%)`);
  });

  it('lists every segment with its figure, where screen readers hear the changes', () => {
    renderPanel(progress());
    const live = screen.getByText(/traités/).closest('[aria-live]');
    expect(live).toHaveAttribute('aria-live', 'polite');
    const items = within(live as HTMLElement)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      `Envoyés : 1${NNBSP}200`,
      'Échecs : 30',
      'Ignorés : 5',
      'Incertains : 0',
      `Restants : 2${NNBSP}120`,
    ]);
  });

  it('draws one bar section per non-empty segment, as wide as its share, the rest moving', () => {
    const { container } = renderPanel(progress());
    const sections = barSections(container);
    expect(sections.map((s) => s.color)).toEqual([
      'var(--mantine-color-teal-filled)',
      'var(--mantine-color-red-filled)',
      'var(--mantine-color-gray-filled)',
      'var(--mantine-color-blue-2)',
    ]);
    expect(sections[0]!.width).toBeCloseTo((1200 / 3355) * 100);
    expect(sections[3]!.width).toBeCloseTo((2120 / 3355) * 100);
    expect(sections.reduce((sum, s) => sum + s.width, 0)).toBeCloseTo(100);
    expect(sections.map((s) => s.animated)).toEqual([false, false, false, true]);
    expect(container.querySelector('.mantine-Progress-root')).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows the pace this page measured, and the time left at that pace', () => {
    renderPanel(progress(), { ratePerSecond: 12.46, secondsLeft: 170 });
    expect(figure('Vitesse')).toBe('12,5 messages/s');
    expect(figure('Temps restant')).toBe(fr('environ 3 min'));
  });

  it("falls back on the server's average until the page has its own measure", () => {
    renderPanel(progress({ ratePerSecond: 8, secondsLeft: 4800 }));
    expect(figure('Vitesse')).toBe('8 messages/s');
    expect(figure('Temps restant')).toBe(fr('environ 1 h 20 min'));
  });

  it('does not guess a pace before anything was sent lately', () => {
    renderPanel(progress({ ratePerSecond: 0, secondsLeft: null }));
    expect(figure('Vitesse')).toBe('—');
    expect(figure('Temps restant')).toBe('inconnu');
  });

  it('shows when the sending started, in Paris time', () => {
    renderPanel(progress({ startedAt: '2026-03-12T08:41:00Z' }));
    expect(figure('Début')).toBe('12 mars 2026 à 09:41');
    expect(figure('Fin')).toBe('—');
  });
});

describe('ProgressPanel waiting for the mail server', () => {
  const waiting = progress({
    serverWait: { reason: 'Le serveur ne répond pas', since: '2026-03-12T09:00:00Z', nextProbeAt: null },
  });

  it('says the time left depends on the server instead of guessing it', () => {
    renderPanel(waiting, { ratePerSecond: 20, secondsLeft: 100 });
    expect(figure('Temps restant')).toBe('en attente du serveur');
  });

  it('stops the stripes that would suggest the sending moves', () => {
    const { container } = renderPanel(waiting);
    expect(barSections(container).some((s) => s.animated)).toBe(false);
  });
});

describe('ProgressPanel before and after', () => {
  it('has no figures before anything left, and no error list', () => {
    renderPanel(progress({ status: 'scheduled', startedAt: null, recipientCount: 0, counts: counts() }));
    expect(
      screen.getByText('Rien n’est encore parti : les chiffres apparaîtront dès le lancement.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/traités/)).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Erreurs' })).not.toBeInTheDocument();
  });

  it('shows the average rate and how long a finished sending took', () => {
    renderPanel(
      progress({
        status: 'sent',
        recipientCount: 4800,
        counts: counts({ sent: 4790, failed: 10 }),
        startedAt: '2026-03-12T08:00:00Z',
        finishedAt: '2026-03-12T09:20:00Z',
      }),
    );
    expect(screen.getByText(/traités/).textContent).toBe(`4${NNBSP}800 sur 4${NNBSP}800 traités (100\u00a0%)`);
    expect(figure('Vitesse moyenne')).toBe('1 messages/s');
    expect(figure('Durée')).toBe(fr('1 h 20 min'));
    expect(figure('Fin')).toBe('12 mars 2026 à 10:20');
  });

  it('lists the errors by reason: known codes in words, mail server replies verbatim', () => {
    const reply = '550 5.1.1 <camille@example.org>: Recipient address rejected';
    renderPanel(
      progress({
        errors: [
          { error: reply, count: 1204 },
          { error: 'no connection', count: 3 },
        ],
      }),
    );
    const table = screen.getByRole('table', { name: 'Erreurs' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      [reply, `1${NNBSP}204`],
      ['pas de connexion au serveur d’envoi', '3'],
    ]);
  });

  it('says so when there is no error', () => {
    renderPanel(progress());
    expect(screen.getByText('Aucune erreur pour cette campagne.')).toBeInTheDocument();
  });
});

describe('ProgressPanel when polling fails', () => {
  it('keeps the last figures and says the update is interrupted', () => {
    renderPanel(progress(), null, new ApiError(0, 'NETWORK', 'offline'));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Mise à jour interrompue (Impossible de joindre le serveur. Vérifiez votre connexion.)',
    );
    expect(screen.getByText(/traités/)).toBeInTheDocument();
  });

  it('shows no such notice while polling works', () => {
    renderPanel(progress());
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});

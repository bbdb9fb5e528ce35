import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { formatHourMinute, ProviderSlowNotice } from './ProviderSlowNotice';

const NBSP = '\u00a0';

describe('formatHourMinute', () => {
  it('says "14 h 32" in French and "14:32" in English, Paris time', () => {
    expect(formatHourMinute('2026-03-12T13:32:10Z', 'fr')).toBe('14 h 32');
    expect(formatHourMinute('2026-07-12T07:05:00Z', 'fr')).toBe('9 h 05');
    expect(formatHourMinute('2026-03-12T13:32:10Z', 'en')).toBe('14:32');
  });
});

describe('ProviderSlowNotice', () => {
  it('says which provider slows us down and when its messages go again, in French', () => {
    renderWithProviders(
      <ProviderSlowNotice
        providers={[
          {
            provider: 'gmail',
            ratePerSecond: 0,
            resumesAt: '2026-03-12T13:32:10Z',
            fullPaceAt: '2026-03-12T13:36:00Z',
          },
          { provider: 'orange', ratePerSecond: 2.5, resumesAt: null, fullPaceAt: '2026-03-12T13:40:00Z' },
          { provider: 'ovh', ratePerSecond: 0, resumesAt: '2026-03-12T13:33:00Z', fullPaceAt: '2026-03-12T13:40:00Z' },
        ]}
      />,
    );
    expect(screen.getByText('Certains fournisseurs ralentissent nos envois')).toBeInTheDocument();
    // the French no-break space before the colon is kept as is
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `Gmail ralentit nos envois${NBSP}: reprise progressive à 14 h 32`,
      `Orange ralentit nos envois${NBSP}: reprise progressive en cours (2,5 messages/s), pleine cadence vers 14 h 40`,
      // a group the studio has no name for keeps the one from the settings
      `ovh ralentit nos envois${NBSP}: reprise progressive à 14 h 33`,
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(/personne ne reçoit la lettre deux fois/);
  });

  it('shows nothing when every provider goes at full pace', () => {
    const { container } = renderWithProviders(<ProviderSlowNotice providers={[]} />);
    expect(container.querySelector('[data-testid="slowed-providers"]')).toBeNull();
  });
});

import { Button } from '@mantine/core';
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { addDays, parisToday } from './paris-time';
import { ScheduleField } from './ScheduleField';
import { frenchTypography as fr } from '@crieur/content/typography';

/** A dialog's use of the field: confirm sends what the field understood, or refuses. */
function Dialog() {
  const [iso, setIso] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (iso) setSent(iso);
        else setRefused('Choisissez une date et une heure à venir.');
      }}
    >
      <ScheduleField
        onChange={(next) => {
          setIso(next);
          setRefused(null);
        }}
        error={refused}
      />
      <Button type="submit">Programmer</Button>
      {sent && <output>envoyé : {sent}</output>}
    </form>
  );
}

const tomorrow = () => addDays(parisToday(), 1);

describe('ScheduleField', () => {
  it('reads « 21 » then « 02 » as 21 h 02, leaves the text as typed, and confirming keeps it', async () => {
    const { user } = renderWithProviders(<Dialog />);
    await user.click(screen.getByRole('button', { name: fr('Demain 8 h') }));
    const time = screen.getByLabelText(/Heure \(heure de Paris\)/);
    expect(time).toHaveValue('08:00');
    await user.clear(time);
    await user.type(time, '21');
    expect(await screen.findByText(/Compris\s: .* à 21 h 00, heure de Paris\./)).toBeInTheDocument();
    await user.type(time, '02');
    expect(time).toHaveValue('2102');
    expect(await screen.findByText(/Compris\s: .* à 21 h 02, heure de Paris\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Programmer' }));
    const sent = await screen.findByRole('status');
    expect(sent.textContent).toMatch(new RegExp(`^envoyé : ${tomorrow()}T21:02:00\\+0[12]:00$`));
    expect(time).toHaveValue('2102');
  });

  it('accepts the French forms and says in French what it cannot read, without changing it', async () => {
    const { user } = renderWithProviders(<Dialog />);
    await user.click(screen.getByRole('button', { name: fr('Lundi 8 h') }));
    const time = screen.getByLabelText(/Heure \(heure de Paris\)/);
    await user.clear(time);
    await user.type(time, '21 h 02');
    expect(await screen.findByText(/Compris\s: lundi .* à 21 h 02/)).toBeInTheDocument();
    await user.clear(time);
    await user.type(time, '25h');
    await user.tab();
    expect(await screen.findByText(/Il n’y a pas de 25 h/)).toBeInTheDocument();
    expect(time).toHaveValue('25h');
    await user.click(screen.getByRole('button', { name: 'Programmer' }));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('asks for a date and a time when confirmed empty', async () => {
    const { user } = renderWithProviders(<Dialog />);
    expect(
      screen.getByText('Heure de Paris (Europe/Paris), quel que soit le réglage de votre ordinateur.'),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Programmer' }));
    expect(await screen.findByText('Choisissez une date.')).toBeInTheDocument();
    expect(screen.getByText('Indiquez une heure, par exemple 09:30.')).toBeInTheDocument();
  });

  it('« Dans 1 heure » fills a time at least an hour ahead, in Paris', async () => {
    const { user } = renderWithProviders(<Dialog />);
    await user.click(screen.getByRole('button', { name: 'Dans 1 heure' }));
    await user.click(screen.getByRole('button', { name: 'Programmer' }));
    const sent = (await screen.findByRole('status')).textContent!.replace('envoyé : ', '');
    const ahead = new Date(sent).getTime() - Date.now();
    expect(ahead).toBeGreaterThanOrEqual(3590_000);
    expect(ahead).toBeLessThanOrEqual(3660_000);
  });
});

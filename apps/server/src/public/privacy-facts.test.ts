import { describe, expect, it } from 'vitest';
import { SESSION_MAX_DAYS, SUBSCRIBE_WINDOWS } from '@crieur/db';
import { DEPARTED_SUBSCRIBER_ERASE_YEARS, UNCONFIRMED_SUBSCRIBER_ERASE_DAYS } from '@crieur/api/enums/subscribers';
import { durationWords, privacyFacts, privacyFigures, yearsWords, type PrivacyFactsInput } from './privacy-facts';

const input: PrivacyFactsInput = {
  organisationName: 'Institut de la concertation',
  lists: [
    { name: 'Lettre des membres', visibility: 'public', legalBasis: 'consent' },
    { name: 'Lettre des adhérent·es', visibility: 'private', legalBasis: 'legitimate_interest' },
  ],
  smtpHost: null,
  staffSessionIdleMs: 12 * 3600_000,
};
const all = (facts: ReturnType<typeof privacyFacts>) =>
  JSON.stringify(facts.map((s) => [s.heading, s.paragraphs, s.items ?? []]));

describe('privacy facts', () => {
  it('says durations as readers do', () => {
    expect(durationWords(7 * 24 * 3600_000)).toBe('7 jours');
    expect(durationWords(24 * 3600_000)).toBe('24 heures');
    expect(durationWords(3600_000)).toBe('1 heure');
    expect(durationWords(90_000)).toBe('2 minutes');
  });

  it('shows the figures of the constants the code applies, and follows the server’s session setting', () => {
    const figures = privacyFigures(input);
    expect(figures).toEqual({
      confirmationLink: durationWords(SUBSCRIBE_WINDOWS.confirmationTtlMs),
      confirmationResend: durationWords(SUBSCRIBE_WINDOWS.resendAfterMs),
      staffSessionIdle: '12 heures',
      staffSessionMax: durationWords(SESSION_MAX_DAYS * 24 * 3600_000),
      unconfirmedErase: durationWords(UNCONFIRMED_SUBSCRIBER_ERASE_DAYS * 24 * 3600_000),
      departedErase: yearsWords(DEPARTED_SUBSCRIBER_ERASE_YEARS),
    });
    for (const figure of Object.values(figures)) expect(all(privacyFacts(input))).toContain(figure);
    expect(all(privacyFacts({ ...input, staffSessionIdleMs: 2 * 3600_000 }))).toContain('après 2 heures sans activité');
  });

  it('states the retention the purge applies: never-confirmed requests and people with no list left', () => {
    expect(yearsWords(3)).toBe('3 ans');
    expect(yearsWords(1)).toBe('1 an');
    // the confirmation link dies before the request is erased
    expect(UNCONFIRMED_SUBSCRIBER_ERASE_DAYS * 24 * 3600_000).toBeGreaterThan(SUBSCRIBE_WINDOWS.confirmationTtlMs);
    const durees = privacyFacts(input).find((s) => s.id === 'durees')!;
    const text = JSON.stringify(durees.items);
    expect(text).not.toContain('pas encore automatiquement');
    expect(text).not.toContain('jusqu’à ce que vous demandiez leur effacement');
    expect(text).toContain(`effacée automatiquement ${UNCONFIRMED_SUBSCRIBER_ERASE_DAYS} jours après la dernière`);
    expect(text).toContain(`elles sont effacées ${DEPARTED_SUBSCRIBER_ERASE_YEARS} ans après votre dernière action`);
  });

  it('takes purposes and legal bases from the lists, names the mail server, and the contact address when given', () => {
    const text = all(privacyFacts({ ...input, smtpHost: 'smtp.envoi.example', privacyEmail: 'donnees@icpc.example' }));
    expect(text).toContain('« Lettre des membres » : vous envoyer cette lettre. Base légale : votre consentement');
    expect(text).toContain('« Lettre des adhérent·es » : informer les adhérent·es');
    expect(text).toContain('serveur d’envoi smtp.envoi.example');
    expect(text).toContain('mailto:donnees@icpc.example');
    expect(text).toContain('Seule l’équipe de l’Institut de la concertation');
    expect(all(privacyFacts(input))).toContain('Aucun prestataire d’envoi n’est configuré');
  });
});

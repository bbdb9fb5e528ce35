import { describe, expect, it } from 'vitest';
import { NARROW_NBSP } from '@crieur/content';
import { auditEmailHtml, SCRIPT_TEXTS } from '@crieur/content/testing';
import { renderContributionAccepted } from './contribution-accepted-email';
import { renderContributionChanges } from './contribution-changes-email';
import { renderContributionConfirm } from './contribution-confirm-email';
import type { ContributionSubject } from './contribution-parts';
import { renderContributionRefused } from './contribution-refused-email';
import type { RenderedEmail } from './render-email';
import type { EmailIdentity } from './theme';

const identity: EmailIdentity = {
  name: 'Institut de la concertation et de la participation citoyenne',
  postalAddress: '12 rue de la Concertation\n75011 Paris',
  logo: { url: 'https://democraties.example.org/media/logo-id/email.png', width: 150, height: 56, alt: 'ICPC' },
  legalLinks: {
    mentions: 'https://democraties.example.org/mentions-legales',
    privacy: 'https://democraties.example.org/confidentialite',
  },
};
const followUrl = 'https://democraties.example.org/proposer/suivi/tok_abcdefghijklmnopqrstuv';
const q = (name: string) => `«${NARROW_NBSP}${name}${NARROW_NBSP}»`;
const event: ContributionSubject = {
  kind: 'event',
  title: 'Rencontres de la participation',
  staffMessage: 'Merci pour cette belle annonce.\nÀ bientôt !',
};
const NOW = new Date('2026-03-02T09:00:00Z');

async function outcomes(contribution: ContributionSubject): Promise<[string, RenderedEmail][]> {
  return [
    [
      'accepted',
      await renderContributionAccepted({
        identity,
        contribution,
        publishAt: NOW,
        now: NOW,
        publicUrl: 'https://democraties.example.org/agenda/rencontres',
        followUrl,
        linkValidDays: 30,
      }),
    ],
    ['changes', await renderContributionChanges({ identity, contribution, followUrl, linkValidDays: 30 })],
    [
      'refused',
      await renderContributionRefused({ identity, contribution, followUrl, linkValidDays: 30, eraseDays: 90 }),
    ],
  ];
}

describe('proposers’ emails', () => {
  it('the confirmation names the organisation, the link and its validity, and nothing the proposer typed', async () => {
    const email = await renderContributionConfirm({ identity, followUrl, linkValidDays: 30, unconfirmedEraseDays: 30 });
    expect(email.subject).toBe(`Confirmez votre proposition au site de l’${identity.name}`);
    expect(email.html).toContain(`href="${followUrl}"`);
    expect(email.text).toContain(followUrl);
    expect(email.text).toContain('Ce lien est valable 30\u00a0jours');
    expect(email.text).toContain('Ce n’est pas vous');
    expect(email.text).toContain('effacée au bout de 30\u00a0jours');
    expect(auditEmailHtml(email.html)).toEqual([]);
  });

  it('an acceptance says when it is published and links its page; a later date is said in French', async () => {
    const now = (await outcomes(event))[0]![1];
    expect(now.subject).toBe(`Votre proposition ${q('Rencontres de la participation')} est acceptée`);
    expect(now.text).toContain('publiée dès maintenant');
    expect(now.html).toContain('href="https://democraties.example.org/agenda/rencontres"');
    expect(now.text).toContain('Merci pour cette belle annonce.');
    const later = await renderContributionAccepted({
      identity,
      contribution: { ...event, staffMessage: '' },
      publishAt: new Date('2026-03-09T08:00:00Z'),
      now: NOW,
      publicUrl: null,
      followUrl,
      linkValidDays: 30,
    });
    expect(later.text).toMatch(/sera publiée le lundi 9\s+mars 2026\./);
    expect(later.text).not.toContain('message de l’équipe');
    expect(later.html).not.toContain('/agenda/');
  });

  it('changes and refusals carry the team’s message and the link to « Mes propositions »', async () => {
    const job: ContributionSubject = { kind: 'job', title: 'Chargé·e de mission', staffMessage: 'Ajoutez le salaire.' };
    const all = await outcomes(job);
    const changes = all[1]![1];
    const refused = all[2]![1];
    expect(changes.subject).toBe(`Votre proposition ${q('Chargé·e de mission')}\u00a0: modifications demandées`);
    expect(changes.text).toContain('Ajoutez le salaire.');
    expect(changes.text).toContain(`votre offre ${q('Chargé·e de mission')}`);
    expect(refused.subject).toBe(`Votre proposition ${q('Chargé·e de mission')} n’a pas été retenue`);
    expect(refused.text).toContain('effacée dans 90\u00a0jours');
    for (const email of [changes, refused]) {
      expect(email.html).toContain(`href="${followUrl}"`);
      expect(auditEmailHtml(email.html)).toEqual([]);
    }
  });

  it('escapes whatever the proposer typed, in the title and the team’s message', async () => {
    for (const text of SCRIPT_TEXTS) {
      for (const [name, email] of await outcomes({ kind: 'news', title: text, staffMessage: text })) {
        expect(email.html, name).not.toMatch(/<script|<img src=x|<svg|<iframe|<style>\*|<a href="javascript/i);
        expect(email.html, name).not.toContain('onerror=alert(1)>');
      }
    }
  });

  it('refuses a link that is not an absolute web address', async () => {
    await expect(
      renderContributionChanges({ identity, contribution: event, followUrl: 'javascript:alert(1)', linkValidDays: 30 }),
    ).rejects.toThrow('followUrl');
    await expect(
      renderContributionConfirm({
        identity,
        followUrl: '/proposer/suivi/x',
        linkValidDays: 30,
        unconfirmedEraseDays: 30,
      }),
    ).rejects.toThrow('followUrl');
  });
});

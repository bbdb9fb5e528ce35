import { describe, expect, it } from 'vitest';
import { auditEmailHtml } from '@crieur/content/testing';
import { campaignStoppedSubject, renderCampaignStopped, type StoppedCampaign } from './campaign-stopped-email';
import type { EmailIdentity } from './theme';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const identity: EmailIdentity = {
  name: 'démocratieS',
  postalAddress: '12 rue de la Concertation\n75011 Paris',
  logo: null,
  legalLinks: {
    mentions: 'https://democraties.example.org/mentions-legales',
    privacy: 'https://democraties.example.org/confidentialite',
  },
};
const openUrl = 'https://democraties.example.org/studio/campaigns/5f0c1d2e-0000-4000-8000-000000000001';
const held: StoppedCampaign = {
  subject: 'La lettre des membres',
  reason:
    'Envoi programmé arrêté par les vérifications avant envoi : la clé DKIM publiée ne correspond pas. Rien n’a été envoyé.',
  // 06:00 UTC on 8 March is 7:00 in Paris, a Sunday
  scheduledAt: new Date('2026-03-08T06:00:00Z'),
  sent: 0,
  recipients: 0,
  bounces: null,
};
const paused: StoppedCampaign = {
  subject: 'La lettre des membres',
  reason: 'Envoi suspendu : 38 adresses refusées sur les 412 premières (9 %). Vérifiez la liste avant de reprendre.',
  scheduledAt: null,
  sent: 1374,
  recipients: 2250,
  bounces: { hardBounces: 38, processed: 412 },
};

describe('the email telling the team a send stopped', () => {
  it('a held schedule: subject, when it was due, the reason as stored, nothing sent, one link to the campaign', async () => {
    const email = await renderCampaignStopped({ identity, stop: 'held', campaign: held, openUrl });
    expect(email.subject).toBe(`Envoi retenu${NBSP}: «${NNBSP}La lettre des membres${NNBSP}» n’est pas parti`);
    expect(email.text).toContain(`prévu le dimanche 8${NBSP}mars 2026 à 7${NBSP}h${NBSP}00 a été retenu`);
    expect(email.text).toContain('Rien n’a été envoyé.');
    expect(email.text).toContain(`la clé DKIM publiée ne correspond pas`);
    expect(email.text).toContain(`Ouvrir la campagne${NBSP}:${NBSP}${openUrl}`);
    expect(email.html).toContain(`href="${openUrl}"`);
    // a held schedule sent nothing: no figures
    expect(email.text).not.toContain('Envoyés');
    expect(email.html).toMatch(/<html[^>]* lang="fr"/);
    expect(`${email.subject}${email.html}${email.text}`).not.toMatch(/crieur/i);
    expect(auditEmailHtml(email.html)).toEqual([]);
  });

  it('a paused send: what went out so far and the refusals counted, in French figures', async () => {
    const email = await renderCampaignStopped({ identity, stop: 'paused', campaign: paused, openUrl });
    expect(email.subject).toBe(`Envoi mis en pause${NBSP}: «${NNBSP}La lettre des membres${NNBSP}»`);
    expect(email.text).toContain(`Envoyés${NBSP}: 1${NNBSP}374 sur 2${NNBSP}250`);
    expect(email.text).toContain(`Adresses refusées à ce jour${NBSP}: 38 sur 412 traitées (9${NNBSP}%)`);
    expect(email.text).toContain('Vérifiez la liste avant de reprendre.');
    expect(email.text).toContain('démocratieS');
    expect(auditEmailHtml(email.html)).toEqual([]);
  });

  it('escapes the subject and the reason, names a letter without a subject, refuses a link that is not a web address', async () => {
    const hostile = { ...held, subject: '<img src=x onerror=alert(1)>', reason: '<script>alert(1)</script>\nligne 2' };
    const email = await renderCampaignStopped({ identity, stop: 'held', campaign: hostile, openUrl });
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br/>ligne 2');
    expect(campaignStoppedSubject('paused', '  ')).toBe('Envoi mis en pause : «\u202fSans objet\u202f»');
    await expect(
      renderCampaignStopped({ identity, stop: 'held', campaign: held, openUrl: 'javascript:alert(1)' }),
    ).rejects.toThrow('openUrl must be an absolute http(s) URL');
  });
});

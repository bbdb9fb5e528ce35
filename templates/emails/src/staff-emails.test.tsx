import { describe, expect, it } from 'vitest';
import { renderPasswordReset } from './password-reset-email';
import type { RenderedEmail } from './render-email';
import { renderReviewNotification, type ReviewNotificationProps } from './review-notification-email';
import { parisDateTime, REVIEW_EVENTS, reviewSentence, reviewSubject } from './review-wording';
import { renderStaffInvitation, STAFF_ROLE_LABELS } from './staff-invitation-email';
import type { EmailIdentity } from './theme';

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const NBSP = '\u00a0';
const NNBSP = '\u202f';
const identity: EmailIdentity = {
  name: 'démocratieS',
  postalAddress: '',
  logo: null,
  legalLinks: {
    mentions: 'https://democraties.example.org/mentions-legales',
    privacy: 'https://democraties.example.org/confidentialite',
  },
};

function expectLink(email: RenderedEmail, url: string) {
  expect(email.html).toContain(`href="${escapeHtml(url)}"`);
  expect(email.text).toContain(url);
}

describe('renderPasswordReset', () => {
  const resetUrl = 'https://democraties.example.org/studio/password-reset/tok_R3set?x=1&y=2';

  it('gives the link in the button and the text, valid one hour, single use, and says ignoring is safe', async () => {
    const email = await renderPasswordReset({ identity, resetUrl, name: 'Camille Martin' });
    expect(email.subject).toBe('Réinitialiser votre mot de passe');
    expectLink(email, resetUrl);
    expect(email.text).toContain(`Choisir un nouveau mot de passe${NBSP}:${NBSP}${resetUrl}`);
    expect(email.text).toContain('Bonjour Camille Martin,');
    for (const output of [email.html, email.text]) {
      expect(output).toContain('valable une heure');
      expect(output).toContain('ne sert qu’une fois');
      expect(output).toMatch(
        /Si vous n’êtes pas à l’origine de cette demande, ignorez ce message\u202f; votre mot de passe reste/,
      );
    }
    expect(email.html).toMatch(/<html[^>]* lang="fr"/);
  });

  it('escapes the name, greets without one, and refuses a link that is not a web address', async () => {
    const email = await renderPasswordReset({ identity, resetUrl, name: '<img src=x onerror=alert(1)>' });
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect((await renderPasswordReset({ identity, resetUrl, name: ' ' })).text).toContain('Bonjour,');
    await expect(renderPasswordReset({ identity, resetUrl: 'javascript:alert(1)' })).rejects.toThrow(
      'resetUrl must be an absolute http(s) URL',
    );
  });
});

describe('review wording', () => {
  const article = { kind: 'article' as const, title: 'Les communes sauveront-elles la démocratie ?' };
  const dossier = { kind: 'dossier' as const, title: 'Démocratie alimentaire' };

  it('has a subject and a sentence naming the piece and the actor for every event', () => {
    for (const event of REVIEW_EVENTS) {
      expect(reviewSubject(event, article)).toContain(`«${NNBSP}${article.title}${NNBSP}»`);
      const sentence = reviewSentence(event, article, 'Léa Dubois');
      expect(sentence).toMatch(/^Léa Dubois /);
      expect(sentence).toContain(`l’article «${NNBSP}${article.title}${NNBSP}»`);
      expect(reviewSentence(event, dossier, null)).toMatch(/^Un membre de l’équipe .*le dossier «\u202fDémocratie/);
    }
    expect(reviewSubject('submitted', article)).toBe(`À relire${NBSP}: «${NNBSP}${article.title}${NNBSP}»`);
    expect(reviewSubject('approved', dossier)).toBe(
      `Dossier approuvé${NBSP}: «${NNBSP}Démocratie alimentaire${NNBSP}»`,
    );
    expect(reviewSentence('changes_requested', article, 'Léa')).toBe(
      `Léa demande des modifications sur l’article «${NNBSP}${article.title}${NNBSP}».`,
    );
  });

  it('says when a scheduled piece goes out, in Paris time', () => {
    // 07:05 UTC in March is 08:05 in Paris; 06:05 UTC in July is 08:05 too (summer time)
    expect(parisDateTime(new Date('2026-03-09T07:05:00Z'))).toBe(`lundi 9${NBSP}mars 2026 à 8${NBSP}h${NBSP}05`);
    expect(parisDateTime(new Date('2026-07-14T06:05:00Z'))).toBe(`mardi 14${NBSP}juillet 2026 à 8${NBSP}h${NBSP}05`);
    const at = new Date('2026-03-09T23:30:00Z');
    expect(reviewSentence('scheduled', { ...article, scheduledAt: at }, 'Léa')).toContain(
      `pour le mardi 10${NBSP}mars 2026 à 0${NBSP}h${NBSP}30 (heure de Paris)`,
    );
  });
});

describe('renderReviewNotification', () => {
  const props: ReviewNotificationProps = {
    identity,
    event: 'commented',
    piece: { kind: 'article', title: 'Assemblées citoyennes : le bilan' },
    actor: 'Léa Dubois',
    comment: { body: 'Peux-tu sourcer ce chiffre ?\nEt vérifier la date.', quote: '42 % des communes' },
    openUrl: 'https://democraties.example.org/studio/editorial/articles/6f1c0c52-8f7e-4f57-9f4b-0c1c1c1c1c1c',
    settingsUrl: 'https://democraties.example.org/studio/settings',
  };

  it('says who did what, quotes the comment and its passage, links to the piece and to the preferences', async () => {
    const email = await renderReviewNotification(props);
    expect(email.subject).toBe(`Nouveau commentaire sur «${NNBSP}Assemblées citoyennes${NBSP}: le bilan${NNBSP}»`);
    expect(email.text).toContain(
      `Léa Dubois a commenté l’article «${NNBSP}Assemblées citoyennes${NBSP}: le bilan${NNBSP}».`,
    );
    expect(email.text).toContain(`Peux-tu sourcer ce chiffre${NNBSP}?`);
    expect(email.html).toContain(`Peux-tu sourcer ce chiffre${NNBSP}?<br/>Et vérifier la date.`);
    expect(email.text).toContain(`sur le passage «${NNBSP}42${NNBSP}% des communes${NNBSP}»`);
    expectLink(email, props.openUrl);
    expect(email.text).toContain(`Ouvrir l’article${NBSP}:${NBSP}${props.openUrl}`);
    expectLink(email, props.settingsUrl);
    expect(email.text).toContain(
      'Vous recevez ce message parce que les notifications de relecture sont activées dans vos préférences',
    );
  });

  it('escapes what staff typed and keeps the subject on one line', async () => {
    const email = await renderReviewNotification({
      ...props,
      event: 'submitted',
      piece: { kind: 'article', title: 'Titre <b>gras</b>\r\nBcc: x@example.org' },
      actor: '<script>alert(1)</script>',
      comment: { body: '<a href="javascript:alert(1)">clic</a>', quote: '' },
    });
    expect(email.html).not.toMatch(/<script|<b>|href="javascript/);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).toContain('Sa note');
    expect(email.text).toContain('Relire l’article');
    expect(email.text).not.toContain('sur le passage');
  });

  it('leaves out an empty note and refuses links that are not web addresses', async () => {
    const email = await renderReviewNotification({ ...props, event: 'published', comment: null });
    expect(email.text).not.toContain('Son commentaire');
    expect(email.subject).toBe(`Article publié${NBSP}: «${NNBSP}Assemblées citoyennes${NBSP}: le bilan${NNBSP}»`);
    await expect(renderReviewNotification({ ...props, openUrl: '/studio/x' })).rejects.toThrow('openUrl');
    await expect(renderReviewNotification({ ...props, settingsUrl: 'data:,x' })).rejects.toThrow('settingsUrl');
  });
});

describe('renderStaffInvitation with its inviter', () => {
  it('names who invited and the role as a sentence reads it', async () => {
    const email = await renderStaffInvitation({
      identity,
      inviteUrl: 'https://democraties.example.org/studio/invitation/tok',
      roleLabel: STAFF_ROLE_LABELS.sender,
      invitedBy: 'Camille <Martin>',
    });
    expect(email.text).toContain('Camille <Martin> vous invite à rejoindre l’équipe de démocratieS');
    expect(email.html).toContain('Camille &lt;Martin&gt; vous invite');
    expect(email.text).toContain('chargé·e d’envoi');
  });
});

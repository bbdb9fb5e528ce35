import { describe, expect, it } from 'vitest';
import { renderGoodbye } from './goodbye-email';
import type { RenderedEmail } from './render-email';
import { renderStaffInvitation } from './staff-invitation-email';
import { renderWelcome } from './welcome-email';

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function expectLink(email: RenderedEmail, url: string) {
  expect(email.html).toContain(`href="${escapeHtml(url)}"`);
  expect(email.text).toContain(url);
}

describe('renderWelcome', () => {
  const props = {
    listName: 'La lettre de démocratieS',
    listDescription: 'Les articles, dossiers et chroniques du média, une à deux fois par mois.',
    preferencesUrl: 'https://democraties.example.org/preferences/tok_a?x=1&y=2',
    unsubscribeUrl: 'https://democraties.example.org/unsubscribe/tok_b',
  };

  it('links to preferences and unsubscription in HTML and text, and says what comes', async () => {
    const email = await renderWelcome(props);
    expectLink(email, props.preferencesUrl);
    expectLink(email, props.unsubscribeUrl);
    expect(email.text).toContain(`Gérer mes préférences :\u00a0${props.preferencesUrl}`);
    expect(email.text).toContain(props.listDescription);
    expect(email.subject).toBe('Inscription confirmée à «\u00a0La lettre de démocratieS\u00a0»');
    expect(email.html).toMatch(/<html[^>]* lang="fr"/);
  });

  it('escapes HTML in the list name and description and keeps the subject on one line', async () => {
    const email = await renderWelcome({
      ...props,
      listName: 'Dossiers <i>&</i>\r\nBcc: x',
      listDescription: '<img src=x onerror=alert(1)>',
    });
    expect(email.html).not.toContain('<i>');
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('Dossiers &lt;i&gt;&amp;&lt;/i&gt;');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});

describe('renderGoodbye', () => {
  it('confirms the departure and offers to come back, in HTML and text', async () => {
    const email = await renderGoodbye({
      listName: 'Lettre des membres',
      resubscribeUrl: 'https://democraties.example.org/subscribe?list=membres',
    });
    expectLink(email, 'https://democraties.example.org/subscribe?list=membres');
    expect(email.subject).toBe('Votre désinscription de «\u00a0Lettre des membres\u00a0» est confirmée');
    expect(email.text).toContain('Vous ne recevrez plus «\u00a0Lettre des membres\u00a0»');
  });
});

describe('renderStaffInvitation', () => {
  it('invites to the studio with the role, a 7-day link in HTML and text', async () => {
    const email = await renderStaffInvitation({
      inviteUrl: 'https://crieur.example.org/studio/invitation/tok_Z',
      roleLabel: 'éditeur·rice',
    });
    expectLink(email, 'https://crieur.example.org/studio/invitation/tok_Z');
    expect(email.text).toContain('Accepter l’invitation :\u00a0https://crieur.example.org/studio/invitation/tok_Z');
    expect(email.text).toContain('éditeur·rice');
    expect(email.text).toMatch(/valable 7\s?jours/);
    expect(email.subject).toBe('Invitation au studio Crieur de démocratieS');
  });

  it('escapes the role label and refuses a non-web invitation link', async () => {
    const email = await renderStaffInvitation({
      inviteUrl: 'https://crieur.example.org/i/t',
      roleLabel: '<a href="x">admin</a>',
    });
    expect(email.html).toContain('&lt;a href=&quot;x&quot;&gt;admin&lt;/a&gt;');
    await expect(renderStaffInvitation({ inviteUrl: 'data:text/html,hi', roleLabel: 'admin' })).rejects.toThrow(
      'inviteUrl must be an absolute http(s) URL',
    );
  });
});

describe('every email', () => {
  it('says who sends it and why the reader gets it', async () => {
    const emails = await Promise.all([
      renderWelcome({
        listName: 'L',
        listDescription: 'D',
        preferencesUrl: 'https://e.example/p',
        unsubscribeUrl: 'https://e.example/u',
      }),
      renderGoodbye({ listName: 'L', resubscribeUrl: 'https://e.example/s' }),
      renderStaffInvitation({ inviteUrl: 'https://e.example/i', roleLabel: 'admin' }),
    ]);
    for (const email of emails) {
      expect(email.text).toContain('démocratieS · Institut de la concertation et de la participation citoyenne');
      expect(email.text).toContain('Vous recevez ce');
      expect(email.html).toContain('max-width:600px');
    }
  });
});

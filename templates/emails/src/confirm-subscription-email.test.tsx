import { describe, expect, expectTypeOf, it } from 'vitest';
import { renderConfirmSubscription } from './confirm-subscription-email';
import type { ConfirmSubscriptionProps } from './confirm-subscription-email';
import type { EmailIdentity } from './theme';

const identity: EmailIdentity = {
  name: 'démocratieS',
  postalAddress: '12 rue de la Concertation, Paris',
  logo: null,
  legalLinks: {
    mentions: 'https://democraties.example.org/mentions-legales',
    privacy: 'https://democraties.example.org/confidentialite',
  },
};

const confirmUrl = 'https://democraties.example.org/confirm/tok_9fK2mQ7x?source=form&lang=fr';
const lists = [
  { name: 'La lettre de démocratieS', description: 'Articles et dossiers, une à deux fois par mois.' },
  { name: 'Lettre des membres', description: 'Les actualités du réseau, chaque trimestre.' },
];

describe('renderConfirmSubscription', () => {
  it('puts the confirmation link in the button, in plain sight in the HTML, and in the text', async () => {
    const email = await renderConfirmSubscription({ identity, confirmUrl, lists });
    const escaped = confirmUrl.replace(/&/g, '&amp;');
    expect(email.html.split(`href="${escaped}"`)).toHaveLength(3); // button + visible fallback link
    expect(email.html).toContain(`>${escaped}</a>`);
    expect(email.html).toContain('Confirmer mon inscription');
    expect(email.text).toContain(`Confirmer mon inscription\u00a0:\u00a0${confirmUrl}`);
  });

  it('says the link lasts 7 days and that ignoring the email is safe', async () => {
    const email = await renderConfirmSubscription({ identity, confirmUrl, lists });
    for (const output of [email.html, email.text]) {
      expect(output).toMatch(/valable 7(&nbsp;|\u00a0| )jours/);
      expect(output).toContain('Ignorez simplement ce message');
      expect(output).toContain('rien ne se passera');
    }
  });

  it('is French, with a subject that fits one or several lists', async () => {
    const several = await renderConfirmSubscription({ identity, confirmUrl, lists });
    const one = await renderConfirmSubscription({ identity, confirmUrl, lists: lists.slice(0, 1) });
    expect(several.subject).toBe('Confirmez votre inscription aux lettres de démocratieS');
    expect(one.subject).toBe('Confirmez votre inscription à «\u202fLa lettre de démocratieS\u202f»');
    expect(several.html).toMatch(/<html[^>]* lang="fr"/);
    expect(several.text).toContain('Une inscription aux lettres suivantes a été demandée');
    expect(one.text).toContain('Une inscription à la lettre suivante a été demandée');
  });

  it('contains no name or address of the reader, even if some were smuggled in', async () => {
    expectTypeOf<ConfirmSubscriptionProps>().toEqualTypeOf<{
      identity: EmailIdentity;
      confirmUrl: string;
      lists: { name: string; description: string }[];
    }>();
    const smuggled = {
      identity,
      confirmUrl,
      lists: lists.map((list) => ({ ...list, email: 'list@victim.example' })),
      name: 'Camille Dupont',
      email: 'camille@victim.example',
    };
    // @ts-expect-error the props type has no name or email
    const email = await renderConfirmSubscription({ identity, confirmUrl, lists, name: 'Camille Dupont' });
    const fromSpread = await renderConfirmSubscription(smuggled);
    for (const output of [
      email.html,
      email.text,
      email.subject,
      fromSpread.html,
      fromSpread.text,
      fromSpread.subject,
    ]) {
      expect(output).not.toContain('Camille');
      expect(output).not.toContain('victim.example');
    }
  });

  it('escapes HTML in list names and descriptions', async () => {
    const email = await renderConfirmSubscription({
      identity,
      confirmUrl,
      lists: [{ name: 'Élu·es & <script>alert(1)</script>', description: 'Débats "ouverts" <b>' }],
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('Élu·es &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.text).toContain('Élu·es & <script>alert(1)</script>');
  });

  it('refuses a link that is not http(s), without echoing it', async () => {
    await expect(renderConfirmSubscription({ identity, confirmUrl: 'javascript:alert(1)', lists })).rejects.toThrow(
      'confirmUrl must be an absolute http(s) URL',
    );
    await expect(renderConfirmSubscription({ identity, confirmUrl: '/confirm/tok', lists })).rejects.toThrow(TypeError);
  });
});

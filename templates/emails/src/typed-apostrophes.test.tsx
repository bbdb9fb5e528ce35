// What staff type with a straight apostrophe (a list's description, a welcome text, the association's name) reads
// with the typographic one in every email's HTML, as it already did in the text version.
import { describe, expect, it } from 'vitest';
import { renderConfirmSubscription } from './confirm-subscription-email';
import { typesetHtml } from './render-email';
import type { EmailIdentity } from './theme';
import { renderWelcome } from './welcome-email';

const identity: EmailIdentity = {
  name: "L'Atelier citoyen",
  postalAddress: "2 place de l'Hôtel de ville\n69001 Lyon",
  logo: null,
  legalLinks: {
    mentions: 'https://atelier.example/mentions-legales',
    privacy: 'https://atelier.example/confidentialite',
  },
};
const lists = [
  {
    name: 'Lettre des membres',
    description: "La lettre trimestrielle du réseau de l'ICPC : actualités de nos adhérent·es.",
    unsubscribeUrl: 'https://atelier.example/unsubscribe/tok_m',
  },
];

describe('straight apostrophes typed by staff', () => {
  it('become typographic in the welcome’s HTML (description, welcome text, name, address)', async () => {
    const brand = {
      title: 'La lettre des membres',
      accent: '#1b4d89',
      titleFont: 'sans' as const,
      banner: null,
      welcomeText: "Merci d'être là.",
    };
    const email = await renderWelcome({
      identity,
      brand,
      lists,
      preferencesUrl: 'https://atelier.example/preferences/t',
    });
    expect(email.html).toContain('réseau de l’ICPC\u00a0: actualités');
    expect(email.html).toContain('Merci d’être là.');
    expect(email.html).toContain('L’Atelier citoyen');
    expect(email.html).toContain('place de l’Hôtel de ville');
    expect(email.html).not.toMatch(/\p{L}(&#x27;|&#39;)\p{L}/u);
    expect(email.text).toContain('réseau de l’ICPC');
  });

  it('become typographic in the confirmation’s HTML too', async () => {
    const email = await renderConfirmSubscription({
      identity,
      confirmUrl: 'https://atelier.example/confirm/tok',
      lists: lists.map(({ name, description }) => ({ name, description })),
    });
    expect(email.html).toContain('réseau de l’ICPC');
    expect(email.html).not.toMatch(/\p{L}(&#x27;|&#39;)\p{L}/u);
  });

  it('never touch an apostrophe inside an attribute or a link', () => {
    const html = '<a href="https://x.example/?q=l&#x27;a" title="l&#x27;a">l&#x27;a</a>';
    expect(typesetHtml(html)).toBe('<a href="https://x.example/?q=l&#x27;a" title="l&#x27;a">l’a</a>');
  });
});

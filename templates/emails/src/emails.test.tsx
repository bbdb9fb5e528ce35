import { describe, expect, it } from 'vitest';
import { frenchOf, NARROW_NBSP } from '@crieur/content';
import { auditEmailHtml } from '@crieur/content/testing';
import { renderCampaignStopped } from './campaign-stopped-email';
import { renderConfirmSubscription } from './confirm-subscription-email';
import { renderGoodbye } from './goodbye-email';
import { renderPasswordReset } from './password-reset-email';
import type { RenderedEmail } from './render-email';
import { renderReviewNotification } from './review-notification-email';
import { renderStaffInvitation } from './staff-invitation-email';
import { colors, type EmailBrand, type EmailIdentity } from './theme';
import { renderWelcome, type WelcomeProps } from './welcome-email';

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const q = (name: string) => `«${NARROW_NBSP}${name}${NARROW_NBSP}»`;

export const identity: EmailIdentity = {
  name: 'Institut de la concertation et de la participation citoyenne',
  postalAddress: '12 rue de la Concertation\n75011 Paris',
  logo: { url: 'https://democraties.example.org/media/logo-id/email.png', width: 150, height: 56, alt: 'ICPC' },
  legalLinks: {
    mentions: 'https://democraties.example.org/mentions-legales',
    privacy: 'https://democraties.example.org/confidentialite',
  },
};
const membres: EmailBrand = {
  title: 'La lettre des membres',
  accent: '#1b4d89',
  titleFont: 'sans',
  banner: { url: 'https://democraties.example.org/media/banner-id/email.jpg', width: 600, height: 200, alt: '' },
  welcomeText: 'Chaque trimestre, les nouvelles du réseau.\n\nÉcrivez-nous : nous lisons tout !',
};

function expectLink(email: RenderedEmail, url: string) {
  expect(email.html).toContain(`href="${escapeHtml(url)}"`);
  expect(email.text).toContain(url);
}

const welcomeProps: WelcomeProps = {
  identity,
  brand: membres,
  lists: [
    {
      name: 'La lettre des membres',
      description: 'Les actualités du réseau, chaque trimestre.',
      unsubscribeUrl: 'https://democraties.example.org/unsubscribe/tok_m',
    },
    {
      name: 'démocratieS',
      description: 'Articles et dossiers, une à deux fois par mois.',
      unsubscribeUrl: 'https://democraties.example.org/unsubscribe/tok_d',
    },
  ],
  preferencesUrl: 'https://democraties.example.org/preferences/tok_a?x=1&y=2',
};

describe('renderWelcome', () => {
  it('names every list just confirmed in one email, with one unsubscribe link each and the preferences', async () => {
    const email = await renderWelcome(welcomeProps);
    expect(email.subject).toBe(`Inscription confirmée à ${q('La lettre des membres')} et ${q('démocratieS')}`);
    expect(email.text).toContain(`Vous êtes inscrit·e à ${q('La lettre des membres')} et à ${q('démocratieS')}.`);
    expectLink(email, welcomeProps.preferencesUrl);
    for (const list of welcomeProps.lists) {
      expectLink(email, list.unsubscribeUrl);
      expect(email.text).toContain(`Me désinscrire de ${q(list.name)}\u00a0:\u00a0${list.unsubscribeUrl}`);
      expect(email.text).toContain(list.description);
    }
    expect(email.text).toContain(`Gérer mes préférences d’inscription\u00a0:\u00a0${welcomeProps.preferencesUrl}`);
  });

  it('wears the first list’s newsletter: its accent, title, banner and welcome text, typeset in French', async () => {
    const email = await renderWelcome(welcomeProps);
    expect(email.html).toContain('background-color:#1b4d89');
    expect(email.html).toContain('>La lettre des membres</p>');
    expect(email.html).toMatch(/<img[^>]+src="https:\/\/democraties\.example\.org\/media\/banner-id\/email\.jpg"/);
    expect(email.text).toContain('Chaque trimestre, les nouvelles du réseau.');
    // typed "Écrivez-nous : nous lisons tout !" goes out with its no-break spaces
    expect(email.html).toContain(`Écrivez-nous\u00a0: nous lisons tout${NARROW_NBSP}!`);
    expect(email.text).toContain(`Écrivez-nous\u00a0: nous lisons tout${NARROW_NBSP}!`);
  });

  it('wears the association’s plain identity for a list without a newsletter, with the default wording', async () => {
    const email = await renderWelcome({ ...welcomeProps, brand: null, lists: welcomeProps.lists.slice(1) });
    expect(email.subject).toBe(`Inscription confirmée à ${q('démocratieS')}`);
    expect(email.html).toContain('background-color:#1b4d89');
    expect(email.html).not.toContain('banner-id');
    expect(email.text).toContain('Merci de votre intérêt.');
    expect(email.text).toContain(`Vous êtes inscrit·e à ${q('démocratieS')}.`);
  });

  it('escapes HTML in names, descriptions and welcome text and keeps the subject on one line', async () => {
    const email = await renderWelcome({
      ...welcomeProps,
      brand: { ...membres, welcomeText: '<script>alert(1)</script>' },
      lists: [{ ...welcomeProps.lists[0]!, name: 'Dossiers <i>&</i>\r\nBcc: x', description: '<img src=x>' }],
    });
    expect(email.html).not.toMatch(/<i>|<img src=x|<script/);
    expect(email.html).toContain('Dossiers &lt;i&gt;&amp;&lt;/i&gt;');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('refuses links, logos and banners that are not absolute web addresses, and a brand colour that is not one', async () => {
    const bad = { ...welcomeProps.lists[0]!, unsubscribeUrl: '/unsubscribe/x' };
    await expect(renderWelcome({ ...welcomeProps, lists: [bad] })).rejects.toThrow('unsubscribeUrl');
    const relativeLogo = { ...identity, logo: { ...identity.logo!, url: '/media/x/email.png' } };
    await expect(renderWelcome({ ...welcomeProps, identity: relativeLogo })).rejects.toThrow('identity.logo.url');
    const css = { ...membres, accent: 'red;background:url(x)' };
    await expect(renderWelcome({ ...welcomeProps, brand: css })).rejects.toThrow('brand.accent');
    await expect(renderWelcome({ ...welcomeProps, lists: [] })).rejects.toThrow('at least one list');
  });
});

describe('brand colours an admin may store', () => {
  it('keeps the welcome readable when the stored accent is too light for white text', async () => {
    for (const accent of ['#9aa5b1', '#ffcc00', '#fafafa']) {
      const email = await renderWelcome({ ...welcomeProps, brand: { ...membres, accent } });
      expect(auditEmailHtml(email.html), accent).toEqual([]);
      expect(email.html.toLowerCase(), accent).not.toContain(accent);
    }
  });
});

describe('renderGoodbye', () => {
  it('confirms the departure and offers to come back, in HTML and text', async () => {
    const email = await renderGoodbye({
      identity,
      listName: 'Lettre des membres',
      resubscribeUrl: 'https://democraties.example.org/subscribe?list=membres',
    });
    expectLink(email, 'https://democraties.example.org/subscribe?list=membres');
    expect(email.subject).toBe(`Votre désinscription de ${q('Lettre des membres')} est confirmée`);
    expect(email.text).toContain(`Vous ne recevrez plus ${q('Lettre des membres')}`);
  });
});

describe('renderStaffInvitation', () => {
  const inviteUrl = 'https://democraties.example.org/studio/invitation/tok_Z';

  it('invites to the association’s team with the role, a 7-day link in HTML and text', async () => {
    const email = await renderStaffInvitation({ identity, inviteUrl, roleLabel: 'éditeur·rice' });
    expect(email.subject).toBe(`Invitation à rejoindre l’équipe ${frenchOf(identity.name)}`);
    expectLink(email, inviteUrl);
    expect(email.text).toContain(`Accepter l’invitation\u00a0:\u00a0${inviteUrl}`);
    expect(email.text).toContain('éditeur·rice');
    expect(email.text).toMatch(/valable 7\s?jours/);
  });

  it('escapes the role label and refuses a non-web invitation link', async () => {
    const email = await renderStaffInvitation({ identity, inviteUrl, roleLabel: '<a href="x">admin</a>' });
    expect(email.html).toContain('&lt;a href=&quot;x&quot;&gt;admin&lt;/a&gt;');
    await expect(
      renderStaffInvitation({ identity, inviteUrl: 'data:text/html,hi', roleLabel: 'admin' }),
    ).rejects.toThrow('inviteUrl must be an absolute http(s) URL');
  });
});

/** Every email, rendered with a logo and without. */
async function everyEmail(who: EmailIdentity): Promise<[string, RenderedEmail][]> {
  const url = 'https://democraties.example.org/x';
  return [
    ['welcome', await renderWelcome({ ...welcomeProps, identity: who })],
    ['welcome plain', await renderWelcome({ ...welcomeProps, identity: who, brand: null })],
    ['confirm', await renderConfirmSubscription({ identity: who, confirmUrl: url, lists: welcomeProps.lists })],
    ['goodbye', await renderGoodbye({ identity: who, listName: 'L', resubscribeUrl: url })],
    ['invitation', await renderStaffInvitation({ identity: who, inviteUrl: url, roleLabel: 'admin' })],
    ['reset', await renderPasswordReset({ identity: who, resetUrl: url, name: 'Léa' })],
    [
      'review',
      await renderReviewNotification({
        identity: who,
        event: 'commented',
        piece: { kind: 'article', title: 'T' },
        actor: 'Léa',
        comment: { body: 'Ok ?', quote: '' },
        openUrl: url,
        settingsUrl: url,
      }),
    ],
    ['campaign held', await renderCampaignStopped({ identity: who, stop: 'held', campaign: stopped, openUrl: url })],
    // a paused send shows its figures too
    [
      'campaign paused',
      await renderCampaignStopped({ identity: who, stop: 'paused', campaign: stopped, openUrl: url }),
    ],
  ];
}

const stopped = {
  subject: 'La lettre des membres',
  reason: 'Envoi suspendu : 38 adresses refusées sur les 412 premières (9 %).',
  scheduledAt: new Date('2026-03-08T06:00:00Z'),
  sent: 374,
  recipients: 1250,
  bounces: { hardBounces: 38, processed: 412 },
};

// relative luminance and contrast ratio (WCAG 2.2)
const channel = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16) / 255));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('every email', () => {
  it('says who sends it (name, logo, postal address), why, and never the software’s name', async () => {
    for (const [name, email] of await everyEmail(identity)) {
      const output = `${email.subject}\n${email.html}\n${email.text}`;
      expect(output, name).not.toMatch(/crieur/i);
      expect(email.text, name).toContain(identity.name);
      expect(email.text, name).toContain('12 rue de la Concertation');
      expect(email.html, name).toContain('12 rue de la Concertation<br/>75011 Paris');
      expect(email.text, name).toContain('Vous recevez ce');
      expect(email.html, name).toMatch(
        /<img[^>]+src="https:\/\/democraties\.example\.org\/media\/logo-id\/email\.png"/,
      );
      expect(email.html, name).toContain('max-width:600px');
    }
    for (const [name, email] of await everyEmail({ ...identity, logo: null, postalAddress: '' })) {
      expect(email.html, name).not.toContain('logo-id');
      expect(email.text, name).toContain(identity.name);
    }
  });

  it('is accessible: lang, presentation tables, headings in order, sized images with alt, 44px targets', async () => {
    for (const [name, email] of await everyEmail(identity)) {
      expect(email.html, name).toMatch(/<html[^>]* lang="fr"/);
      for (const table of email.html.match(/<table\b[^>]*>/g) ?? [])
        expect(table, name).toContain('role="presentation"');
      const levels = [...email.html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
      expect(levels[0], name).toBe(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, name).toBeLessThanOrEqual(1);
      for (const img of email.html.match(/<img\b[^>]*>/g) ?? []) {
        expect(img, name).toMatch(/ alt="[^"]*"/);
        expect(img, name).toMatch(/ width="\d+"/);
        expect(img, name).toMatch(/ height="\d+"/);
        expect(img, name).toMatch(/ src="https:\/\//);
        expect(img, name).not.toMatch(/\.webp/);
      }
      // a button is 20px of text and 14px of padding above and below; block links 24px and 10px
      for (const button of email.html.match(/<a\b[^>]*padding:14px 24px[^>]*>/g) ?? [])
        expect(button, name).toContain('line-height:20px');
      for (const block of email.html.match(/<a\b[^>]*display:block[^>]*>/g) ?? [])
        expect(block, name).toMatch(/line-height:24px.*padding:10px 0|padding:10px 0.*line-height:24px/);
    }
  });

  it('links to « Mentions légales » and « Confidentialité » in the footer, in HTML and text, and needs both', async () => {
    const { mentions, privacy } = identity.legalLinks;
    for (const [name, email] of await everyEmail(identity)) {
      expect(email.html, name).toMatch(new RegExp(`href="${mentions}"[^>]*>Mentions légales</a>`));
      expect(email.html, name).toMatch(new RegExp(`href="${privacy}"[^>]*>Confidentialité</a>`));
      expect(email.text, name).toMatch(new RegExp(`Mentions légales\\s:\\s${mentions}`));
      expect(email.text, name).toMatch(new RegExp(`Confidentialité\\s:\\s${privacy}`));
    }
    const missing = { ...identity, legalLinks: undefined } as unknown as EmailIdentity;
    await expect(everyEmail(missing)).rejects.toThrow('identity.legalLinks');
    const relative = { ...identity, legalLinks: { mentions: '/mentions-legales', privacy } };
    await expect(everyEmail(relative)).rejects.toThrow('identity.legalLinks.mentions');
  });

  it('passes the email audit (contrast, tap targets, link texts, alt, headings, tables), with and without a logo', async () => {
    for (const who of [identity, { ...identity, logo: null }]) {
      for (const [name, email] of await everyEmail(who)) expect(auditEmailHtml(email.html), name).toEqual([]);
    }
  });

  it('keeps its text colours at 4.5:1 or more on their backgrounds', () => {
    const pairs: [string, string][] = [
      [colors.ink, colors.paper],
      [colors.muted, colors.canvas], // footer
      [colors.muted, colors.paper],
      [colors.accent, colors.paper], // links
      ['#ffffff', colors.accent], // masthead and button text
    ];
    for (const [text, background] of pairs) expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });
});

// The audit's sample typed into every field staff or proposers fill: each transactional email shows it in French
// typography in its subject, HTML and text (issue 15, « French typography at render time »).
import { describe, expect, it } from 'vitest';
import { renderContributionAccepted } from './contribution-accepted-email';
import { renderContributionChanges } from './contribution-changes-email';
import { renderContributionRefused } from './contribution-refused-email';
import { renderGoodbye } from './goodbye-email';
import type { RenderedEmail } from './render-email';
import { renderReviewNotification } from './review-notification-email';
import type { EmailIdentity } from './theme';
import { renderWelcome } from './welcome-email';

const SAMPLE = "« a : b ; c ! ? l'ICPC 20 % »";
const TYPESET = '«\u202Fa\u00A0: b\u202F; c\u202F!\u202F? l’ICPC 20\u202F%\u202F»';
const site = 'https://icpc.example';
const identity: EmailIdentity = {
  name: `Association ${SAMPLE}`,
  postalAddress: `2 place ${SAMPLE}\n69001 Lyon`,
  logo: null,
  legalLinks: { mentions: `${site}/mentions-legales`, privacy: `${site}/confidentialite` },
};
const contribution = { kind: 'event' as const, title: `Rencontre ${SAMPLE}`, staffMessage: `Merci ${SAMPLE}` };
const follow = { followUrl: `${site}/proposer/suivi/t`, linkValidDays: 30 };

// what a reader reads: entities decoded, tags out, the text part's lines joined
const readable = (body: string) =>
  body
    .replace(/<(style|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&amp;/g, '&')
    .replace(/\r?\n/g, ' ');

function check(name: string, email: RenderedEmail, inSubject: boolean): string[] {
  const parts = {
    html: readable(email.html),
    text: readable(email.text),
    ...(inSubject ? { subject: email.subject } : {}),
  };
  return Object.entries(parts).flatMap(([part, text]) => [
    ...(text.includes(TYPESET) ? [] : [`${name} ${part}: pas de texte typographié`]),
    ...(/l'ICPC|« a|a :|b ;|c !|20 %|% »/.test(text) ? [`${name} ${part}: texte laissé tel que saisi`] : []),
  ]);
}

describe('the sample in every transactional email', () => {
  it('is typeset in the subject, HTML and text of each', async () => {
    const brand = { title: 'La lettre', accent: '#1b4d89', titleFont: 'sans' as const, banner: null };
    const emails: [string, RenderedEmail, boolean][] = [
      [
        'bienvenue',
        await renderWelcome({
          identity,
          brand: { ...brand, welcomeText: `Bienvenue ${SAMPLE}` },
          lists: [{ name: `Lettre ${SAMPLE}`, description: SAMPLE, unsubscribeUrl: `${site}/unsubscribe/u` }],
          preferencesUrl: `${site}/preferences/p`,
        }),
        false,
      ],
      [
        'au revoir',
        await renderGoodbye({ identity, listName: `Lettre ${SAMPLE}`, resubscribeUrl: `${site}/s` }),
        false,
      ],
      [
        'acceptée',
        await renderContributionAccepted({
          identity,
          contribution,
          publishAt: null,
          now: new Date(),
          publicUrl: null,
          ...follow,
        }),
        true,
      ],
      ['à modifier', await renderContributionChanges({ identity, contribution, ...follow }), true],
      ['refusée', await renderContributionRefused({ identity, contribution, ...follow, eraseDays: 90 }), true],
      [
        'relecture',
        await renderReviewNotification({
          identity,
          event: 'commented',
          piece: { kind: 'article', title: `Article ${SAMPLE}` },
          actor: 'Léa',
          comment: { body: `Remarque ${SAMPLE}`, quote: '' },
          openUrl: `${site}/studio/a`,
          settingsUrl: `${site}/studio/reglages`,
        }),
        true,
      ],
    ];
    expect(emails.flatMap(([name, email, inSubject]) => check(name, email, inSubject))).toEqual([]);
  });
});

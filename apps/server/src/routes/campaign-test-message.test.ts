import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '@crieur/newsletter';
import { buildRecipientMessage, type CampaignForMessage } from '@crieur/sending';
import { testMessages } from './campaign-test-message';

const links = `<a href="${PLACEHOLDERS.unsubscribeUrl}">x</a> <a href="${PLACEHOLDERS.preferencesUrl}">p</a>`;
const campaign: CampaignForMessage & { id: string } = {
  id: '0b7d6a52-3c1e-4c8e-9d55-0f1e2d3c4b5a',
  slug: 'printemps-2026',
  subject: 'Printemps',
  fromName: 'ICPC',
  replyTo: 'contact@icpc.example',
  html: `<p>Bonjour${PLACEHOLDERS.firstName},</p><p>${links} <a href="${PLACEHOLDERS.webUrl}">w</a></p>`,
  text: `Bonjour${PLACEHOLDERS.firstName},\n${PLACEHOLDERS.unsubscribeUrl}\n${PLACEHOLDERS.webUrl}\n`,
  webToken: null,
  lists: [
    { id: 1, slug: 'membres', name: 'Lettre des membres' },
    { id: 3, slug: 'democraties', name: 'Lettre de démocratieS' },
  ],
};
const settings = { publicUrl: 'https://democraties.example', mailFrom: 'démocratieS <lettre@lettre.example.org>' };
const now = new Date('2026-03-02T09:00:00Z');
const asText = (raw: Buffer | Buffer[]) => (Array.isArray(raw) ? Buffer.concat(raw) : raw).toString('latin1');
// the boundary is derived from the subject, which the test prefixes
const body = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n')).replace(/=_part_[0-9a-f]{32}/g, '=_B');

describe('test-send messages', () => {
  it('are the campaign’s prebuilt message, one per address, with the reviewer’s values only', () => {
    const messages = testMessages({ campaign, addresses: ['a@example.org', 'b@example.org'], settings, now });
    expect(messages.map((m) => m.envelope)).toEqual([
      { from: 'lettre@lettre.example.org', to: 'a@example.org' },
      { from: 'lettre@lettre.example.org', to: 'b@example.org' },
    ]);
    for (const m of messages) {
      // header fields unfolded: a long Message-ID goes on a line of its own
      const raw = asText(m.raw).replace(/\r\n[ \t]+/g, ' ');
      expect(m.messageId).toMatch(/^test\.0b7d6a52-3c1e-4c8e-9d55-0f1e2d3c4b5a\.[0-9a-f-]{36}@lettre\.example\.org$/);
      expect(raw).toContain(`\r\nMessage-ID: <${m.messageId}>\r\n`);
      expect(raw).toContain('\r\nSubject: [Test] Printemps\r\n');
      expect(raw).toMatch(/\r\nList-Id: .*<membres\.democraties\.example>\r\n/);
      expect(raw).toContain('<https://democraties.example/unsubscribe/essai>');
      expect(raw).toContain('mailto:lettre@lettre.example.org?subject=unsubscribe');
      expect(raw).toContain('\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
    }
    expect(messages[0]!.messageId).not.toBe(messages[1]!.messageId);

    // a subscriber named Camille whose tokens happened to be "essai" gets the very same body
    const real = buildRecipientMessage(campaign, settings).render({
      email: 'camille@example.org',
      name: 'Camille Martin',
      messageId: `${campaign.id}.6f1d0c2e-7a4b-4e3f-8c9d-1a2b3c4d5e6f@lettre.example.org`,
      listId: 1,
      unsubscribeToken: 'essai',
      preferencesToken: 'essai',
      date: now,
    });
    const test = asText(messages[0]!.raw);
    expect(body(test)).toBe(body(asText(real)));
    // quoted-printable: each value sits between soft line breaks
    const decoded = test.replace(/=\r\n/g, '');
    expect(decoded).toContain('"https://democraties.example/preferences/essai"');
    expect(decoded).toContain('"https://democraties.example/archive/printemps-2026"');
    expect(decoded).toContain('Bonjour Camille,');
  });
});

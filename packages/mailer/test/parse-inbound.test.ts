import { describe, expect, it } from 'vitest';
import { arfReport, mailtoUnsubscribe } from './support/inbound-fixture';
import { NotInboundMailError, parseInbound, unsubscribeSubject } from '../src/parse-inbound';

const CAMPAIGN = 'c0ffee00-0000-4000-8000-000000000001';
const SUBSCRIBER = '5e1f0000-0000-4000-8000-000000000002';
const MESSAGE_ID = `${CAMPAIGN}.${SUBSCRIBER}@lettre.example.org`;

describe('parseInbound', () => {
  it('reads an ARF complaint: its type, the recipient and the reported Message-ID', async () => {
    const m = await parseInbound(arfReport({ to: 'marie@example.org', messageId: MESSAGE_ID }));
    expect(m).toEqual({
      kind: 'complaint',
      complaint: { feedbackType: 'abuse', email: 'marie@example.org', originalMessageId: MESSAGE_ID },
    });
  });

  it('keeps no address from a report whose provider redacted it, only the Message-ID', async () => {
    const m = await parseInbound(arfReport({ to: 'marie@example.org', messageId: MESSAGE_ID, redacted: true }));
    expect(m).toMatchObject({ kind: 'complaint', complaint: { email: null, originalMessageId: MESSAGE_ID } });
  });

  it('reads a mailto unsubscribe request: the sender, and the campaign and list our subject named', async () => {
    const mailto = `mailto:lettre@lettre.example.org?subject=${encodeURIComponent(unsubscribeSubject(CAMPAIGN, 'membres'))}`;
    const m = await parseInbound(mailtoUnsubscribe({ from: 'Marie@Example.org', mailto, inReplyTo: MESSAGE_ID }));
    expect(m).toEqual({
      kind: 'unsubscribe',
      request: {
        email: 'Marie@Example.org',
        campaignId: CAMPAIGN,
        subscriberId: null,
        listSlug: 'membres',
        messageIds: [MESSAGE_ID],
        dmarcFailed: false,
      },
    });
  });

  it('reads the reader our target names (campaign.subscriber), as every sent message has it', async () => {
    const mailto = `mailto:lettre@lettre.example.org?subject=${encodeURIComponent(unsubscribeSubject(CAMPAIGN, 'membres', SUBSCRIBER))}`;
    const m = await parseInbound(mailtoUnsubscribe({ from: 'marie@example.org', mailto }));
    expect(m).toMatchObject({
      kind: 'unsubscribe',
      request: { campaignId: CAMPAIGN, subscriberId: SUBSCRIBER, listSlug: 'membres', messageIds: [] },
    });
  });

  it('reads the feedback type, so a "not-spam" report is not taken for a complaint', async () => {
    const m = await parseInbound(
      arfReport({ to: 'marie@example.org', messageId: MESSAGE_ID, feedbackType: 'not-spam' }),
    );
    expect(m).toMatchObject({ kind: 'complaint', complaint: { feedbackType: 'not-spam' } });
  });

  it('takes a bare "unsubscribe" (no campaign named), and flags a From that failed DMARC at our server', async () => {
    const m = await parseInbound(
      mailtoUnsubscribe({
        from: 'x@example.org',
        mailto: 'mailto:lettre@lettre.example.org?subject=Unsubscribe',
        authenticationResults: 'mx.lettre.example.org; dmarc=fail (p=reject) header.from=example.org',
      }),
    );
    expect(m).toMatchObject({ kind: 'unsubscribe', request: { campaignId: null, listSlug: null, dmarcFailed: true } });
  });

  it('refuses a message that is none of the three', async () => {
    await expect(
      parseInbound('From: a@example.org\r\nSubject: Bonjour\r\n\r\nMerci pour la lettre !\r\n'),
    ).rejects.toThrow(NotInboundMailError);
  });
});

import { describe, expect, it } from 'vitest';
import { OutboundMessage } from '@crieur/mailer';
import { testMessages } from './campaign-test-message';

describe('test-send messages', () => {
  it('builds valid list messages, one per address, subject marked as a test', () => {
    const messages = testMessages({
      addresses: ['a@example.org', 'b@example.org'],
      subject: 'Printemps',
      html: '<p>x</p>',
      text: 'x',
      fromName: 'ICPC',
      replyTo: 'contact@icpc.example',
      mailFrom: 'Crieur <crieur@localhost>',
      publicUrl: 'http://localhost:3000',
      list: { slug: 'membres', name: 'Lettre des membres' },
    });
    expect(messages.map((m) => m.to)).toEqual(['a@example.org', 'b@example.org']);
    for (const m of messages) {
      expect(OutboundMessage.safeParse(m).success).toBe(true);
      expect(m).toMatchObject({ subject: '[Test] Printemps', list: { id: 'membres.localhost.local' }, unsubscribe: { url: 'http://localhost:3000/subscribe' } });
    }
  });
});

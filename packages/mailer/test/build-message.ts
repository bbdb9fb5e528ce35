import type { OutboundMessage } from '../src/index';

/** A valid message of the given kind; override any field. */
export function buildMessage(overrides: Partial<OutboundMessage> & Pick<OutboundMessage, 'kind'>): OutboundMessage {
  const base: OutboundMessage = {
    to: 'lectrice@example.org',
    from: 'démocratieS <lettre@example.org>',
    subject: 'Confirmez votre inscription à la lettre de démocratieS',
    html: '<p>Bonjour, <strong>été</strong> 2026</p>',
    text: 'Bonjour, été 2026',
    kind: overrides.kind,
  };
  if (overrides.kind === 'list') {
    base.subject = 'Lettre des adhérent·es — n° 12';
    base.list = { id: 'adherents.crieur.example.org', name: 'Lettre des adhérent·es' };
    base.unsubscribe = { url: 'https://crieur.example.org/unsubscribe/tok_123', mailto: 'desinscription@example.org' };
  }
  return { ...base, ...overrides };
}

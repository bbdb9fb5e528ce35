import { z } from 'zod';

// one bare address only: a comma or a display name would let one message reach several people
export const singleAddress = /^[^\s@,;:<>"()[\]\\]+@[^\s@,;:<>"()[\]\\]+$/;
// RFC 2919 list-id: a dot-atom ending in a domain the sender controls
export const listIdentifier = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;
// Message-ID without its angle brackets: id-left "@" id-right
export const messageIdentifier = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
// RFC 2369 wants commas and spaces inside a List-* URL percent-encoded
export const listHeaderUrlSafe = /^[^\s<>",]+$/;

export const oneLine = (label: string) =>
  z
    .string()
    .min(1)
    .refine((value) => !/[\r\n]/.test(value), `${label} must fit on one line`);

export const OutboundMessage = z
  .object({
    to: z.string().max(320).regex(singleAddress, 'to must be one bare address'),
    from: oneLine('from'),
    replyTo: oneLine('replyTo').optional(),
    /** the SMTP envelope sender (Return-Path): MAIL_FROM's address when From shows the organisation's own */
    envelopeFrom: z.string().max(320).regex(singleAddress, 'envelopeFrom must be one bare address').optional(),
    subject: oneLine('subject'),
    html: z.string().min(1),
    text: z.string().min(1),
    kind: z.enum(['transactional', 'list']),
    /** list mail only: { id: 'membres.crieur.example.org', name: 'Lettre des membres' } -> List-Id (RFC 2919) */
    list: z
      .object({
        id: z.string().max(255).regex(listIdentifier, 'list.id must look like membres.example.org'),
        name: oneLine('list.name'),
      })
      .optional(),
    /** list mail only: https URL (RFC 8058 one-click) and optional mailto (an address or a mailto: URL) */
    unsubscribe: z
      .object({
        // RFC 8058 wants https; http is let through for development on http://localhost
        url: z
          .url({ protocol: /^https?$/ })
          .regex(listHeaderUrlSafe, 'unsubscribe.url must percent-encode spaces and commas'),
        mailto: z
          .string()
          .regex(listHeaderUrlSafe, 'unsubscribe.mailto must percent-encode spaces and commas')
          .refine((value) => value.includes('@'), 'unsubscribe.mailto must hold an address')
          .optional(),
      })
      .optional(),
    /** a stable Message-ID without <>, e.g. derived from campaign+recipient; generated if absent */
    messageId: z
      .string()
      .max(250)
      .regex(messageIdentifier, 'messageId must look like id@domain, without <>')
      .optional(),
  })
  .superRefine((message, context) => {
    if (message.kind === 'list') {
      if (!message.list)
        context.addIssue({ code: 'custom', path: ['list'], message: 'list mail needs list (List-Id)' });
      if (!message.unsubscribe)
        context.addIssue({
          code: 'custom',
          path: ['unsubscribe'],
          message: 'list mail needs unsubscribe.url (RFC 8058)',
        });
    } else if (message.list || message.unsubscribe) {
      // transactional mail must not look like list mail to receivers' filters
      context.addIssue({ code: 'custom', path: ['kind'], message: 'transactional mail takes no list or unsubscribe' });
    }
  });
export type OutboundMessage = z.infer<typeof OutboundMessage>;

/** The message was refused before any sending: fix the caller, retrying will not help. */
export class InvalidMessageError extends Error {
  override name = 'InvalidMessageError';
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid outbound message: ${issues.join('; ')}`);
    this.issues = issues;
  }
}

/** Validates a message; issue texts name fields, never their values (addresses stay out of logs). */
export function parseOutboundMessage(input: OutboundMessage): OutboundMessage {
  const result = OutboundMessage.safeParse(input);
  if (!result.success) {
    throw new InvalidMessageError(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`),
    );
  }
  return result.data;
}

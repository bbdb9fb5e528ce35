// What a campaign message is built from (once), and what changes per recipient (each render).
import { z } from 'zod';
import { mailboxValue } from './mime-header';
import { listHeaderUrlSafe, listIdentifier, messageIdentifier, oneLine, singleAddress } from './outbound-message';

const isMailbox = (value: string) => {
  try {
    mailboxValue(value);
    return true;
  } catch {
    return false;
  }
};

const mailbox = (label: string) =>
  oneLine(label).max(320).refine(isMailbox, `${label} must be one mailbox with an ASCII address`);

const unsubscribeMailto = z
  .string()
  .max(320)
  .regex(listHeaderUrlSafe, 'unsubscribeMailto must percent-encode spaces and commas')
  .refine((value) => value.includes('@'), 'unsubscribeMailto must hold an address');

export const CampaignMessageInput = z.object({
  from: mailbox('from'),
  replyTo: mailbox('replyTo').optional(),
  subject: oneLine('subject').max(500),
  /** compiled once per campaign, holding the tokens below */
  html: z.string().min(1),
  text: z.string().min(1),
  list: z.object({
    id: z.string().max(255).regex(listIdentifier, 'list.id must look like membres.example.org'),
    name: oneLine('list.name').max(200),
  }),
  /** the List-Unsubscribe mailto target, after the per-recipient https one: an address or a mailto: URL */
  unsubscribeMailto: unsubscribeMailto.optional(),
  /** the placeholder strings left in html and text, filled per recipient (e.g. "%%CRIEUR_FIRST_NAME%%") */
  tokens: z
    .array(
      z
        .string()
        .min(1)
        .max(100)
        .regex(/^[\x21-\x7e]+$/, 'tokens are printable ASCII without spaces'),
    )
    .max(50)
    .refine((tokens) => new Set(tokens).size === tokens.length, 'tokens must be distinct'),
});
export type CampaignMessageInput = z.infer<typeof CampaignMessageInput>;

export const CampaignRecipient = z.object({
  /** the envelope and To address: one bare address */
  to: z.string().max(320).regex(singleAddress, 'to must be one bare address'),
  /** without <>; stable across retries, so the caller derives it (campaign + recipient) */
  messageId: z.string().max(250).regex(messageIdentifier, 'messageId must look like id@domain, without <>'),
  // 900 keeps the List-Unsubscribe line under RFC 5322's 998 with the mailto target beside it
  unsubscribeUrl: z
    .url({ protocol: /^https?$/ })
    .max(900)
    .regex(listHeaderUrlSafe, 'unsubscribeUrl must percent-encode spaces and commas'),
  /** default: now */
  date: z.date().optional(),
  /** this recipient's mailto target (its subject names them), in place of the campaign's */
  unsubscribeMailto: unsubscribeMailto.optional(),
  /** token → value already escaped for HTML (see personalTokenValues in @crieur/newsletter) */
  htmlValues: z.record(z.string(), z.string()),
  textValues: z.record(z.string(), z.string()),
});
export type CampaignRecipient = z.infer<typeof CampaignRecipient>;

import { z } from 'zod';
import { messageIdentifier, singleAddress } from './outbound-message';

/** A message already built (and signed, or signed by the mailer): the bytes go out as they are. */
export const RawMessage = z.object({
  envelope: z.object({
    /** MAIL FROM: the bounce address */
    from: z.string().max(320).regex(singleAddress, 'envelope.from must be one bare address'),
    /** RCPT TO: one recipient per message, since each carries its own links */
    to: z.string().max(320).regex(singleAddress, 'envelope.to must be one bare address'),
  }),
  /** the bytes, whole or as a list of buffers sent one after the other (see renderChunks) */
  raw: z
    .union([z.instanceof(Buffer), z.array(z.instanceof(Buffer)).max(1000)])
    .refine(
      (raw) => (Array.isArray(raw) ? raw.some((chunk) => chunk.length > 0) : raw.length > 0),
      'raw must not be empty',
    ),
  /** the Message-ID inside raw, without <>: reported back as is */
  messageId: z.string().max(250).regex(messageIdentifier, 'messageId must look like id@domain, without <>'),
});
export type RawMessage = z.infer<typeof RawMessage>;

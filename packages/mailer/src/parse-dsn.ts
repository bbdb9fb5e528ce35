// Asynchronous bounces: a delivery status notification (RFC 3464) read with postal-mime
// (mailparser folds message/delivery-status into the text body and loses its structure).
import PostalMime from 'postal-mime';
import { forbiddenCharacterIn } from '@crieur/safe-text';

export type DsnRecipient = {
  email: string;
  action: string;
  /** RFC 3463 status, e.g. "5.1.1" */
  status: string;
  /** hard: the address is bad (5.x.x); soft: temporary (4.x.x) */
  kind: 'hard' | 'soft' | 'none';
  diagnostic: string;
};

export type Dsn = { recipients: DsnRecipient[]; originalMessageId: string | null };

export class NotADsnError extends Error {
  readonly code = 'NOT_A_DSN';
  constructor(reason: string) {
    super(`Not a delivery status notification: ${reason}`);
    this.name = 'NotADsnError';
  }
}

/** Field blocks separated by blank lines, folded lines joined: the per-message then per-recipient fields. */
function fieldBlocks(text: string): Map<string, string>[] {
  const blocks: Map<string, string>[] = [];
  for (const chunk of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    let last: string | undefined;
    for (const line of chunk.split('\n')) {
      if (/^[ \t]/.test(line) && last) fields.set(last, `${fields.get(last) ?? ''} ${line.trim()}`);
      else {
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (m) {
          last = m[1]!.toLowerCase();
          fields.set(last, m[2]!.trim());
        }
      }
    }
    if (fields.size > 0) blocks.push(fields);
  }
  return blocks;
}

// "rfc822; marie@example.org" → "marie@example.org"
const addressOf = (value: string) =>
  value
    .replace(/^[^;]*;\s*/, '')
    .replace(/^<|>$/g, '')
    .trim();

function kindOf(status: string, action: string): DsnRecipient['kind'] {
  if (action === 'failed' && status.startsWith('5.')) return 'hard';
  if (status.startsWith('4.') || action === 'delayed') return 'soft';
  if (status.startsWith('5.')) return 'hard';
  return 'none';
}

export async function parseDsn(raw: Buffer | string): Promise<Dsn> {
  const mail = await PostalMime.parse(raw, { attachmentEncoding: 'utf8' });
  const partText = (a: { content: string | ArrayBuffer | Uint8Array }) =>
    typeof a.content === 'string' ? a.content : Buffer.from(a.content as ArrayBuffer).toString('utf8');
  const status = mail.attachments.find(
    (a) => a.mimeType === 'message/delivery-status' || a.mimeType === 'message/global-delivery-status',
  );
  if (!status) throw new NotADsnError('no message/delivery-status part');
  const [, ...perRecipient] = fieldBlocks(partText(status));
  const recipients = perRecipient
    .filter((f) => f.has('final-recipient') || f.has('original-recipient'))
    .map((f) => {
      const action = (f.get('action') ?? '').toLowerCase();
      const code = /\d\.\d{1,3}\.\d{1,3}/.exec(f.get('status') ?? '')?.[0] ?? '';
      return {
        email: addressOf(f.get('final-recipient') ?? f.get('original-recipient') ?? ''),
        action,
        status: code,
        kind: kindOf(code, action),
        diagnostic: (f.get('diagnostic-code') ?? '').slice(0, 300),
      };
    })
    // a control character is no address of ours, and PostgreSQL would refuse a NUL
    .filter((r) => r.email.includes('@') && forbiddenCharacterIn(r.email) === undefined);
  if (recipients.length === 0) throw new NotADsnError('no recipient fields');
  const original = mail.attachments.find(
    (a) => a.mimeType === 'text/rfc822-headers' || a.mimeType === 'message/rfc822',
  );
  const messageId = original ? (/^message-id:\s*<?([^>\s]+)>?/im.exec(partText(original))?.[1] ?? null) : null;
  const clean = messageId !== null && forbiddenCharacterIn(messageId) === undefined;
  return { recipients, originalMessageId: clean ? messageId : null };
}

// What the inbound intake does with each message it recognises (the server's route and `pnpm cli bounces:import`).
import { recordBounce, recordComplaint, recordUnsubscribeRequest, type Db } from '@crieur/db';
import type { InboundMessage } from '@crieur/mailer';

export type BounceOutcome = {
  kind: 'hard' | 'soft';
  status: string;
  known: boolean;
  suppressed: boolean;
  campaign: boolean;
};
export type InboundMailOutcome =
  | { recorded: BounceOutcome[] }
  | { complaint: { type: string; suppressed: boolean; campaign: boolean } }
  | { complaint: { type: string; ignored: 'not_a_complaint' } }
  | {
      unsubscribe:
        | { ignored: 'dmarc_failed' | 'no_proof' | 'not_the_recipient' }
        | { known: boolean; lists: number; campaign: boolean };
    };

// RFC 5965 and 6650: a reader's complaint; "not-spam" (a reader rescuing the email) and "auth-failure" (a DMARC
// failure report, RFC 6591) come in the same format but say nothing against the reader
const COMPLAINT_TYPES = new Set(['abuse', 'fraud', 'virus', 'other']);

/** Records one inbound message; the answer holds counts and flags only, never an address. */
export async function recordInboundMail(db: Db, message: InboundMessage, now: Date): Promise<InboundMailOutcome> {
  if (message.kind === 'complaint') {
    const type = message.complaint.feedbackType;
    if (!COMPLAINT_TYPES.has(type)) return { complaint: { type, ignored: 'not_a_complaint' } };
    const outcome = await recordComplaint(db, { ...message.complaint, now });
    return { complaint: { type, suppressed: outcome.suppressed, campaign: outcome.campaignId !== null } };
  }
  if (message.kind === 'unsubscribe') {
    // the receiving server found the From address forged: a stranger must not unsubscribe someone
    if (message.request.dmarcFailed) return { unsubscribe: { ignored: 'dmarc_failed' } };
    const outcome = await recordUnsubscribeRequest(db, { ...message.request, now });
    if ('ignored' in outcome) return { unsubscribe: { ignored: outcome.ignored } };
    return { unsubscribe: { known: outcome.known, lists: outcome.lists, campaign: outcome.campaignId !== null } };
  }
  const recorded: BounceOutcome[] = [];
  for (const r of message.dsn.recipients) {
    if (r.kind === 'none') continue;
    const outcome = await recordBounce(db, {
      email: r.email,
      kind: r.kind,
      status: r.status,
      messageId: message.dsn.originalMessageId,
      now,
    });
    recorded.push({
      kind: r.kind,
      status: r.status,
      known: outcome.known,
      suppressed: outcome.suppressed,
      campaign: outcome.campaignId !== null,
    });
  }
  return { recorded };
}

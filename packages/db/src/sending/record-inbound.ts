// Complaints (feedback-loop reports) and unsubscribe requests sent to the List-Unsubscribe mailto target: both take
// effect at once (Gmail and Yahoo require it within two days) and name their campaign, so its report counts them.
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';
import { suppressAddress, unsubscribeSubscriber } from '../subscribers';

// our campaign Message-IDs are "<campaign uuid>.<subscriber uuid>@domain"
const OUR_MESSAGE_ID = /^([0-9a-f-]{36})\.([0-9a-f-]{36})@/i;

type Recipient = { campaignId: string; subscriberId: string; listId: number; email: string | null };

/** The ledger row a Message-ID of ours names (the address too, unless the person was erased since). */
async function recipientByMessageId(db: Db, messageId: string | null): Promise<Recipient | null> {
  const m = messageId ? OUR_MESSAGE_ID.exec(messageId) : null;
  if (!m) return null;
  const [row] = await queryRows<{ campaign_id: string; subscriber_id: string; list_id: number; email: string | null }>(
    db,
    sql`select r.campaign_id, r.subscriber_id, r.list_id, s.email
        from campaign_recipients r left join subscribers s on s.id = r.subscriber_id
        where r.campaign_id = ${m[1]!.toLowerCase()}::uuid and r.subscriber_id = ${m[2]!.toLowerCase()}::uuid
          and r.message_id = ${messageId}`,
  );
  return row
    ? { campaignId: row.campaign_id, subscriberId: row.subscriber_id, listId: row.list_id, email: row.email }
    : null;
}

export type ComplaintInput = { email: string | null; originalMessageId: string | null; now: Date };
export type ComplaintResult = { suppressed: boolean; campaignId: string | null };

/** A reader marked our email as spam: the address is suppressed for good (even when the report hides it). */
export async function recordComplaint(db: Db, input: ComplaintInput): Promise<ComplaintResult> {
  const recipient = await recipientByMessageId(db, input.originalMessageId);
  // the Message-ID names the person even when the provider redacted the address; otherwise the report's address
  const email = recipient?.email ?? input.email;
  if (!email) return { suppressed: false, campaignId: recipient?.campaignId ?? null };
  await suppressAddress(db, {
    email,
    reason: 'complaint',
    now: input.now,
    source: 'email',
    ...(recipient ? { campaignId: recipient.campaignId } : {}),
  });
  return { suppressed: true, campaignId: recipient?.campaignId ?? null };
}

export type UnsubscribeRequestInput = {
  email: string;
  campaignId: string | null;
  subscriberId: string | null;
  listSlug: string | null;
  messageIds: string[];
  now: Date;
};
export type UnsubscribeRequestResult =
  | { known: boolean; lists: number; campaignId: string | null }
  /** no email of ours proves the request comes from its recipient: nothing was changed */
  | { ignored: 'no_proof' | 'not_the_recipient' };

/** The ledger row of (campaign, subscriber): the email a request answers, if we sent it. */
async function ledgerRow(db: Db, campaignId: string, subscriberId: string): Promise<Recipient | null> {
  const [row] = await queryRows<{ list_id: number }>(
    db,
    sql`select list_id from campaign_recipients
        where campaign_id = ${campaignId}::uuid and subscriber_id = ${subscriberId}::uuid`,
  );
  return row ? { campaignId, subscriberId, listId: row.list_id, email: null } : null;
}

/**
 * A reader wrote to the List-Unsubscribe mailto target. The request must name an email we sent to the sender's own
 * address: the subject our target set ("unsubscribe <campaign>.<subscriber> <list>") or, from a reply, our Message-ID
 * in In-Reply-To or References. They then leave the list that email came from, as the one-click link would. A bare
 * "unsubscribe", a campaign they did not receive (a test send) or someone else's email changes nothing: anyone can
 * write From any address, so an address alone proves nothing.
 */
export async function recordUnsubscribeRequest(
  db: Db,
  input: UnsubscribeRequestInput,
): Promise<UnsubscribeRequestResult> {
  const [subscriber] = await queryRows<{ id: string }>(
    db,
    sql`select id from subscribers where lower(email) = lower(${input.email.trim()})`,
  );
  const named: Recipient[] = [];
  if (input.campaignId && input.subscriberId) {
    const row = await ledgerRow(db, input.campaignId, input.subscriberId);
    if (row) named.push(row);
  }
  for (const id of input.messageIds) {
    const found = await recipientByMessageId(db, id);
    if (found) named.push(found);
  }
  if (named.length === 0) return subscriber ? { ignored: 'no_proof' } : { known: false, lists: 0, campaignId: null };
  const recipient = named.find((r) => r.subscriberId === subscriber?.id);
  // an email we sent to someone else, forwarded or forged: its reader is not the one writing
  if (!subscriber || !recipient) return { ignored: 'not_the_recipient' };
  // the list the mailto target named, when it is one the campaign went to this person through
  const [list] = input.listSlug
    ? await queryRows<{ id: number }>(
        db,
        sql`select l.id from lists l join campaign_lists cl on cl.list_id = l.id
            where l.slug = ${input.listSlug} and cl.campaign_id = ${recipient.campaignId}::uuid`,
      )
    : [];
  const changed = await db.transaction((tx) =>
    unsubscribeSubscriber(tx, {
      subscriberId: subscriber.id,
      listIds: [list?.id ?? recipient.listId],
      now: input.now,
      source: 'email',
      reason: 'mailto',
      campaignId: recipient.campaignId,
    }),
  );
  return { known: true, lists: changed.length, campaignId: recipient.campaignId };
}

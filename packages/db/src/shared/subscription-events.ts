import { subscriptionEvents } from '../schema';
import type { DbOrTx } from './tx';

// The append-only ledger is written by subscribers (consent, erasure…) and sending (bounces).
export type EventInput = typeof subscriptionEvents.$inferInsert;

export async function appendEvents(db: DbOrTx, events: EventInput[]): Promise<void> {
  if (events.length) await db.insert(subscriptionEvents).values(events);
}

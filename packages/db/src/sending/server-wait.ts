// A campaign waiting for its mail server: claims stop, the reconcile probes the server, then sending resumes.
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryCount, queryRows } from '../shared/query-rows';

/** The server refuses or does not answer: no claim until a probe succeeds (status and a staff pause are untouched). */
export async function waitForServer(
  db: Db,
  input: { campaignId: string; reason: string; now: Date; probeAt: Date },
): Promise<void> {
  await db.execute(sql`
    update campaigns set wait_reason = ${input.reason}, wait_since = coalesce(wait_since, ${input.now.toISOString()}::timestamptz),
      wait_until = ${input.probeAt.toISOString()}::timestamptz, updated_at = ${input.now.toISOString()}::timestamptz
    where id = ${input.campaignId} and status in ('sending', 'paused') and wait_since is null`);
}

export type ServerWait = { campaignId: string; since: Date; probeAt: Date };

/** Sending campaigns whose next probe of the mail server is due. */
export async function serverWaitsDue(db: Db, input: { now: Date }): Promise<ServerWait[]> {
  const rows = await queryRows<{ id: string; wait_since: string | Date; wait_until: string | Date }>(
    db,
    sql`select id, wait_since, wait_until from campaigns
        where status = 'sending' and wait_until is not null and wait_until <= ${input.now.toISOString()}::timestamptz`,
  );
  return rows.map((r) => ({ campaignId: r.id, since: new Date(r.wait_since), probeAt: new Date(r.wait_until) }));
}

/** The probe failed: next one later, with the new reason; conditional on the probe time seen, so two processes back off once. */
export async function postponeServerWait(
  db: Db,
  input: { campaignId: string; seenProbeAt: Date; probeAt: Date; reason: string; now: Date },
): Promise<boolean> {
  const n = await queryCount(
    db,
    sql`update campaigns set wait_until = ${input.probeAt.toISOString()}::timestamptz, wait_reason = ${input.reason},
          updated_at = ${input.now.toISOString()}::timestamptz
        where id = ${input.campaignId} and wait_until = ${input.seenProbeAt.toISOString()}::timestamptz`,
  );
  return n > 0;
}

/** The server answers again: claims resume (a staff pause stays). */
export async function endServerWait(db: Db, input: { campaignId: string; now: Date }): Promise<void> {
  await db.execute(sql`update campaigns set wait_reason = null, wait_since = null, wait_until = null, updated_at = ${input.now.toISOString()}::timestamptz
    where id = ${input.campaignId} and wait_since is not null`);
}

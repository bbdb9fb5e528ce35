// The attempt journal of campaign sending, in Redis: one hash per claim, written before each message
// is handed to the SMTP connection (one round trip), read by the reconcile when the claim's process dies.
import type { Redis } from 'ioredis';
import { senderLivenessKey } from './campaign-queue';

// '_' marks a journal as complete since its claim began; '!' marks it taken by a reconcile
const WRITE = `
if redis.call('HEXISTS', KEYS[1], '!') == 1 then return 'reaped' end
if ARGV[1] == 'open' then
  redis.call('HSET', KEYS[1], '_', '1')
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 'ok'
end
if redis.call('HEXISTS', KEYS[1], '_') == 0 then return 'lost' end
local last = #ARGV
if ARGV[1] == 'hand' and redis.call('EXISTS', KEYS[2]) == 1 then
  last = #ARGV - 2
  if last >= 2 then redis.call('HSET', KEYS[1], unpack(ARGV, 2, last)) end
  return 'held'
end
if last >= 2 then redis.call('HSET', KEYS[1], unpack(ARGV, 2, last)) end
return 'ok'
`;

const TAKE = `
local all = redis.call('HGETALL', KEYS[1])
redis.call('HSET', KEYS[1], '!', '1')
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return all
`;

type JournalCommands = {
  crieurJournalWrite(journal: string, hold: string, ...args: string[]): Promise<string>;
  crieurJournalTake(journal: string, ttlMs: string): Promise<string[]>;
};

export const journalKey = (prefix: string, claimer: string) => `${prefix}:journal:${claimer}`;
/** Set by pause and cancel before the ledger changes: no message is handed over once they return. */
export const campaignHoldKey = (prefix: string, campaignId: string) => `${prefix}:campaign-hold:${campaignId}`;

const DAY_MS = 24 * 3600_000;

/** The Redis side of @crieur/sending's SendJournal (it fits that interface structurally). */
export type RedisSendJournal = ReturnType<typeof createSendJournal>;

export function createSendJournal(redis: Redis, prefix: string) {
  if (!('crieurJournalWrite' in redis)) {
    // EVALSHA after the first call: the script text is not sent per message
    redis.defineCommand('crieurJournalWrite', { numberOfKeys: 2, lua: WRITE });
    redis.defineCommand('crieurJournalTake', { numberOfKeys: 1, lua: TAKE });
  }
  const commands = redis as unknown as Redis & JournalCommands;
  return {
    async open(claimer: string) {
      const result = await commands.crieurJournalWrite(journalKey(prefix, claimer), '', 'open', String(7 * DAY_MS));
      if (result !== 'ok') throw new Error(`journal of claim ${claimer} cannot be opened (${result})`);
    },
    async write({
      claimer,
      campaignId,
      entries,
      handing,
    }: {
      claimer: string;
      campaignId: string;
      entries: [string, string][];
      handing: boolean;
    }) {
      const args = entries.flat();
      const result = await commands.crieurJournalWrite(
        journalKey(prefix, claimer),
        campaignHoldKey(prefix, campaignId),
        handing ? 'hand' : 'note',
        ...args,
      );
      return result as 'ok' | 'held' | 'reaped' | 'lost';
    },
    async close(claimer: string) {
      await redis.del(journalKey(prefix, claimer));
    },
    async take(claimer: string): Promise<Map<string, string> | null> {
      const flat = await commands.crieurJournalTake(journalKey(prefix, claimer), String(DAY_MS));
      const entries = new Map<string, string>();
      for (let i = 0; i + 1 < flat.length; i += 2) entries.set(flat[i]!, flat[i + 1]!);
      // taken before by another reconcile: the same entries, applied the same way
      entries.delete('!');
      if (!entries.delete('_')) return null;
      return entries;
    },
    async alive(workerIds: string[]): Promise<boolean[]> {
      if (workerIds.length === 0) return [];
      const values = await redis.mget(...workerIds.map((id) => senderLivenessKey(prefix, id)));
      return values.map((v) => v !== null);
    },
    async hold(campaignId: string) {
      await redis.set(campaignHoldKey(prefix, campaignId), String(Date.now()), 'PX', 7 * DAY_MS);
    },
    async unhold(campaignId: string) {
      await redis.del(campaignHoldKey(prefix, campaignId));
    },
    async heldSince(campaignIds: string[]): Promise<(number | null)[]> {
      if (campaignIds.length === 0) return [];
      const values = await redis.mget(...campaignIds.map((id) => campaignHoldKey(prefix, id)));
      return values.map((v) => (v === null ? null : Number(v)));
    },
  };
}

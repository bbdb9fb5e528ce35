// The attempt journal's cost per message: one Lua call before each hand-over (outcome of the previous
// message + "handed" for this one), sequential as a batch sends, against the local Redis.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createSendJournal } from '../src';

const print = (bench: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, value: Math.round(value * 100) / 100, unit })}\n`);
const N = 20_000;
const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const prefix = `bench-${randomUUID()}`;
try {
  const journal = createSendJournal(redis, prefix);
  const claimer = `${randomUUID()}.1`;
  await journal.open(claimer);
  const ids = Array.from({ length: N }, () => randomUUID());
  // warm-up: the script is loaded, the connection is hot
  for (let i = 0; i < 500; i++)
    await journal.write({ claimer, campaignId: 'c', entries: [[ids[i]!, 'h']], handing: true });
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 1; i < N; i++) {
    await journal.write({
      claimer,
      campaignId: 'c',
      entries: [
        [ids[i - 1]!, 's250 2.0.0 Ok: queued as 4Xk2'],
        [ids[i]!, 'h'],
      ],
      handing: true,
    });
  }
  const wall = (performance.now() - started) / (N - 1);
  const used = process.cpuUsage(cpu);
  print('send.journal_write_ms', wall, 'ms');
  print('send.journal_write_cpu_ms', (used.user + used.system) / 1000 / (N - 1), 'ms');
  await journal.close(claimer);
} finally {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

// `pnpm bench`: POST /subscribe requests per second on loopback, rate limits off, on PostgreSQL and Redis.
import autocannon from 'autocannon';
import { startBenchServer } from './bench-server';

const emit = (bench: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(1)), unit })}\n`);

const { app, mailQueue, close } = await startBenchServer({
  label: 'bench',
  deps: { subscribe: { perIpPerMinute: 10_000_000, perAddressPerHour: 10_000_000 } },
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
try {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/subscribe`,
    connections: 10,
    duration: 8,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // a new reader each time: the full path, confirmation job included
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ email: `lecteur.${n++}@exemple-asso.fr`, lists: ['democraties'], consent: true }),
        }),
      },
    ],
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
  emit('subscribe.requests_per_second', result.requests.average, 'req/s');
  emit('subscribe.latency_p99', result.latency.p99, 'ms');
  await app.subscribeInbox.settled(); // requests are processed after their answer
  emit('subscribe.confirmations_queued', await mailQueue.count(), 'jobs');
} finally {
  await mailQueue.obliterate({ force: true });
  await close();
}

// `pnpm bench`: the Croissance requests over HTTP (session, query, JSON) on 1,000,000 ledger events
// and 100,000 subscribers: a year of daily points across three lists, and the yearly report.
import { hashPassword } from '@crieur/auth';
import { createUser } from '@crieur/db';
import { seedGrowthBenchLedger } from '@crieur/db/testing';
import { takeSnapshots } from '@crieur/growth';
import { startBenchServer } from './bench-server';

const emit = (bench: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(1)), unit })}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const { app, close } = await startBenchServer({
  label: 'growthhttp',
  seed: async ({ db }) => {
    await seedGrowthBenchLedger(db, (line) => process.stderr.write(`${line}\n`));
    await takeSnapshots(db, { now: new Date() });
    await createUser(db, {
      email: 'bureau@icpc.example',
      role: 'editor',
      status: 'active',
      passwordHash: await hashPassword('un mot de passe solide'),
    });
  },
});
try {
  const login = await app.inject({
    method: 'POST',
    url: '/api/login',
    payload: { email: 'bureau@icpc.example', password: 'un mot de passe solide' },
    headers: await csrf(),
  });
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode}`);
  const session = login.cookies.find((c) => c.name === 'crieur_session');
  const cookie = `crieur_session=${session?.value ?? ''}`;
  const today = new Date();
  const yearAgo = new Date(today.getTime() - 365 * 24 * 3600_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const time = async (url: string, runs: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      times.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    return median(times.slice(1));
  };
  emit(
    'growth.request_ms',
    await time(`/api/growth?lists=membres,democraties,adherents&from=${day(yearAgo)}&to=${day(today)}`, 11),
    'ms',
  );
  emit('growth.report_request_ms', await time('/api/reports/year/2025', 6), 'ms');
} finally {
  await close();
}

// the CSRF pair a browser gets from GET /api/session, needed for the login POST
async function csrf(): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'GET', url: '/api/session' });
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return {
    'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
    cookie: cookies,
    'content-type': 'application/json',
  };
}

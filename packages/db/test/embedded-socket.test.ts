import { mkdtempSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { servePglite, type PgliteSocketServer } from '../src/embedded/serve-pglite';

// What the CLI does through `pnpm start`'s socket, against the server's own queries on the same PGlite.
describe('PGlite served on a Unix socket', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crieur-sock-'));
  let db: PGlite;
  let server: PgliteSocketServer;
  const clients: pg.Client[] = [];

  async function client(): Promise<pg.Client> {
    const c = new pg.Client({ host: dir, port: 5432, user: 'postgres', database: 'postgres' });
    c.on('error', () => undefined);
    await c.connect();
    clients.push(c);
    return c;
  }
  const settle = <T>(p: Promise<T>, ms = 300) =>
    Promise.race([p.then(() => 'done'), new Promise((r) => setTimeout(() => r('waiting'), ms))]);
  const values = async () => (await db.query<{ v: string }>('select v from t order by v')).rows.map((r) => r.v);

  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec('create table t (v text); create table c (n int); insert into c values (0)');
    server = await servePglite({ db, socketPath: path.join(dir, '.s.PGSQL.5432'), holdTimeoutMs: 1_000 });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
    await db.exec('delete from t; update c set n = 0');
  });
  afterAll(async () => {
    await server.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the server's writes out of a client's transaction, and a client's out of the server's", async () => {
    const c = await client();
    await c.query('begin');
    await c.query("insert into t values ('cli')");
    const serverWrite = db.query("insert into t values ('server')");
    expect(await settle(serverWrite)).toBe('waiting');
    await c.query('rollback');
    await serverWrite;
    expect(await values()).toEqual(['server']);

    await db.transaction(async (tx) => {
      await tx.query("insert into t values ('server-tx')");
      const cliWrite = c.query("insert into t values ('cli-2')");
      expect(await settle(cliWrite)).toBe('waiting');
      await tx.rollback();
      // the client's autocommit insert runs once the server's transaction is over
      void cliWrite.catch(() => undefined);
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await values()).toEqual(['cli-2', 'server']);
  });

  it('loses no update when the server and two clients increment the same row at once', async () => {
    const [a, b] = [await client(), await client()];
    const viaClient = async (c: pg.Client) => {
      for (let i = 0; i < 40; i++) {
        await c.query('begin');
        const { rows } = await c.query<{ n: number }>('select n from c');
        await c.query('update c set n = $1', [rows[0]!.n + 1]);
        await c.query('commit');
      }
    };
    const viaServer = async () => {
      for (let i = 0; i < 40; i++) {
        await db.transaction(async (tx) => {
          const { rows } = await tx.query<{ n: number }>('select n from c');
          await tx.query('update c set n = $1', [rows[0]!.n + 1]);
        });
      }
    };
    // extended-protocol exchanges (Parse…Sync) of three sessions interleave without mixing
    const echoes = async (c: pg.Client | PGlite, tag: string) => {
      for (let i = 0; i < 100; i++) {
        const params = [`${tag}-${i}`];
        const { rows } =
          c instanceof PGlite
            ? await c.query<{ v: string }>('select $1::text as v', params)
            : await c.query<{ v: string }>('select $1::text as v', params);
        expect(rows[0]!.v).toBe(`${tag}-${i}`);
      }
    };
    await Promise.all([viaClient(a), viaClient(b), viaServer(), echoes(a, 'a'), echoes(b, 'b'), echoes(db, 'server')]);
    expect((await db.query<{ n: number }>('select n from c')).rows[0]!.n).toBe(120);
  });

  it('rolls back the open transaction of a client whose connection drops, and lets the server in', async () => {
    const c = await client();
    await c.query('begin');
    await c.query("insert into t values ('lost')");
    const serverWrite = db.query("insert into t values ('server')");
    expect(await settle(serverWrite)).toBe('waiting');
    (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect(await settle(serverWrite, 2_000)).toBe('done');
    expect(await values()).toEqual(['server']);
  });

  it('rolls back an unsynced extended query of a client that vanished', async () => {
    const raw = await client();
    // Parse/Bind/Execute of an insert without Sync: the implicit transaction is still open
    const stream = (raw as unknown as { connection: { stream: Socket } }).connection.stream;
    const text = Buffer.from("insert into t values ('half')\0");
    const parse = Buffer.concat([Buffer.from('P'), int32(4 + 1 + text.length + 2), Buffer.from([0]), text, int16(0)]);
    const noFormats = [int16(0), int16(0), int16(0)];
    const bind = Buffer.concat([Buffer.from('B'), int32(4 + 1 + 1 + 2 + 2 + 2), Buffer.from([0, 0]), ...noFormats]);
    const execute = Buffer.concat([Buffer.from('E'), int32(4 + 1 + 4), Buffer.from([0]), int32(0)]);
    stream.write(Buffer.concat([parse, bind, execute]));
    await new Promise((r) => setTimeout(r, 200));
    stream.destroy();
    await db.query("insert into t values ('server')");
    expect(await values()).toEqual(['server']);
  });

  it('cuts off a client that holds a transaction open and stays silent', async () => {
    const c = await client();
    await c.query('begin');
    await c.query("insert into t values ('idle')");
    const started = Date.now();
    await db.query("insert into t values ('server')");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await expect(c.query('commit')).rejects.toThrow();
    expect(await values()).toEqual(['server']);
  });
});

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
function int16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
}

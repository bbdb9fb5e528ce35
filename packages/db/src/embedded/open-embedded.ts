import { chmodSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteDatabase, poolDatabase, type Database } from '../drivers';
import { acquireLock, ownerAlive, type HeldLock } from './data-dir-lock';
import { DatabaseInUseError, describeOwner, inUseMessage, waitingMessage } from './database-in-use-error';
import { servePglite } from './serve-pglite';
import { pgliteExtensions } from './pglite-extensions';

export type EmbeddedOptions = {
  dataDir: string;
  /** This process owns the database and serves it to other local processes (the server does). */
  serve?: boolean;
  /** What a person ran, shown to whoever finds the database in use (`pnpm start`, `pnpm cli seed:demo`). */
  command?: string;
  /** Told once when this process has to wait for the owner. */
  onWait?: (message: string) => void;
  /** How long a non-serving process waits for the owner to serve or let go (default 10 minutes). */
  waitMs?: number;
  poolSize?: number;
  /** A socket client silent this long while it holds the database is cut off (default 30 s). */
  holdTimeoutMs?: number;
};

const SOCKET_FILE = '.s.PGSQL.5432';
// sun_path holds 104 bytes on macOS and 108 on Linux
const MAX_SOCKET_PATH = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `DATA_DIR/db-socket`, or a private directory under tmpdir when that path is too long for a socket. */
function socketDirFor(dataDir: string): string {
  const inData = path.join(dataDir, 'db-socket');
  const dir =
    path.join(inData, SOCKET_FILE).length <= MAX_SOCKET_PATH
      ? inData
      : path.join(tmpdir(), `crieur-db-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  // a fixed name under tmpdir must not be a directory someone else prepared
  if (!stat.isDirectory() || (process.getuid && stat.uid !== process.getuid())) {
    throw new Error(`${dir} is not a directory of this user: remove it and start again.`);
  }
  chmodSync(dir, 0o700);
  return dir;
}

async function connect(socketDir: string, options: EmbeddedOptions): Promise<Database | undefined> {
  const max = options.poolSize ?? 10;
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max });
  // an idle client's error (the server stopped) must not crash the process
  pool.on('error', () => undefined);
  // nor a checked-out one's (a transaction when the server is killed): its query still fails
  pool.on('connect', (client) => client.on('error', () => undefined));
  const busy = setTimeout(() => options.onWait?.('The server holding the embedded database is busy; waiting…'), 2_000);
  try {
    await pool.query('select 1');
    return poolDatabase(pool, 'pglite-socket');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    // the owner is stopping or was killed: read the lock again
    if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'ECONNRESET') return undefined;
    if (/Connection terminated/.test((error as Error).message)) return undefined;
    throw error;
  } finally {
    clearTimeout(busy);
  }
}

async function openHeld(held: HeldLock, dataDir: string, dbDir: string, options: EmbeddedOptions): Promise<Database> {
  let client: PGlite | undefined;
  try {
    mkdirSync(dbDir, { recursive: true });
    client = await PGlite.create(dbDir, { extensions: pgliteExtensions });
    const database = pgliteDatabase(client);
    const owned = client;
    if (!options.serve) {
      return { ...database, close: () => owned.close().finally(() => held.release()) };
    }
    // clients find the schema ready: migrations run before the socket opens
    await database.migrate();
    const socketDir = socketDirFor(dataDir);
    const socketPath = path.join(socketDir, SOCKET_FILE);
    const server = await servePglite({ db: client, socketPath, holdTimeoutMs: options.holdTimeoutMs });
    held.update({ socketDir });
    return {
      ...database,
      close: async () => {
        try {
          await server.close();
          await owned.close();
        } finally {
          held.release();
          if (!socketDir.startsWith(dataDir)) rmSync(socketDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await client?.close().catch(() => undefined);
    held.release();
    throw error;
  }
}

/**
 * The embedded database in `dataDir/db`, which only one process may open: the first one takes
 * `dataDir/db.lock`. A serving owner (the server) also serves it on a local socket, through which
 * other processes (the CLI, workers) then work; a second server stops with a DatabaseInUseError.
 */
export async function openEmbedded(options: EmbeddedOptions): Promise<Database> {
  const dataDir = path.resolve(options.dataDir);
  const dbDir = path.join(dataDir, 'db');
  const lockPath = `${dbDir}.lock`;
  const command = options.command ?? `node ${path.basename(process.argv[1] ?? 'process')}`;
  const deadline = Date.now() + (options.waitMs ?? 600_000);
  mkdirSync(dataDir, { recursive: true });
  let told = false;
  for (;;) {
    const got = await acquireLock(lockPath, command);
    if ('held' in got) return openHeld(got.held, dataDir, dbDir, options);
    const { owner } = got;
    const alive = ownerAlive(lockPath, owner);
    if (alive === false) continue;
    if (options.serve || alive === 'unknown') {
      throw new DatabaseInUseError(inUseMessage(dbDir, lockPath, owner, alive), owner);
    }
    if (owner.pid === process.pid) {
      throw new DatabaseInUseError(`The embedded database ${dbDir} is already open in this process.`, owner);
    }
    if (owner.socketDir) {
      const through = await connect(owner.socketDir, options);
      if (through) return through;
    }
    if (Date.now() > deadline) {
      const message = `Gave up waiting: ${describeOwner(owner)} still holds the embedded database ${dbDir}.`;
      throw new DatabaseInUseError(message, owner);
    }
    if (!told) options.onWait?.(waitingMessage(dbDir, owner));
    told = true;
    await sleep(250);
  }
}

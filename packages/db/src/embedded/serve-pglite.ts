import { rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

// PostgreSQL wire protocol codes this server answers itself
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const PROTOCOL_3 = 196608;
const TERMINATE = 0x58; // 'X'
const READY_FOR_QUERY = 0x5a; // 'Z'

export type ServePgliteOptions = {
  db: PGlite;
  /** Unix socket path; node-postgres reaches `<dir>/.s.PGSQL.5432` with `host: dir`. */
  socketPath: string;
  /** A client holding the database (mid-transaction) that stays silent this long is cut off and rolled back. */
  holdTimeoutMs?: number;
};

export type PgliteSocketServer = {
  /** Stops listening, rolls back and closes every client, then frees the socket path. */
  close(): Promise<void>;
};

function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`);
  const message = Buffer.alloc(5 + body.length);
  message[0] = 0x51; // 'Q'
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}
const SYNC = Uint8Array.from([0x53, 0, 0, 0, 4]);
// rolls back whatever a vanished client left: an explicit transaction, an unsynced extended query, or both
const CLEANUP = [simpleQuery('ROLLBACK'), SYNC, simpleQuery('ROLLBACK')];

/** Follows the backend's replies across chunks to read each ReadyForQuery's transaction status. */
class ReadyScanner {
  private header = Buffer.alloc(5);
  private headerLength = 0;
  private remaining = 0;
  private type = 0;
  status: 'I' | 'T' | 'E' | undefined;

  push(bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length) {
      if (this.remaining === 0) {
        this.header[this.headerLength++] = bytes[i++]!;
        if (this.headerLength === 5) {
          this.type = this.header[0]!;
          this.remaining = this.header.readInt32BE(1) - 4;
          this.headerLength = 0;
        }
        continue;
      }
      const take = Math.min(this.remaining, bytes.length - i);
      if (this.type === READY_FOR_QUERY && this.remaining === 1) this.status = String.fromCharCode(bytes[i]!) as 'I';
      i += take;
      this.remaining -= take;
    }
  }
}

/**
 * Serves an in-process PGlite to other local processes (the CLI) over a Unix socket.
 *
 * PGlite has one session. Each client holds PGlite's transaction lock, the one every query and
 * transaction of the owning process takes, from its first message after being idle until the backend
 * is idle again (ReadyForQuery "I"): an explicit transaction or an extended-protocol exchange
 * (Parse…Sync) runs whole, and nothing from the owner or another client lands inside it.
 */
export async function servePglite(options: ServePgliteOptions): Promise<PgliteSocketServer> {
  const { db, socketPath } = options;
  const holdTimeoutMs = options.holdTimeoutMs ?? 30_000;
  const closings = new Set<Promise<void>>();
  const sockets = new Set<Socket>();

  const acquire = () =>
    new Promise<() => void>((granted) => {
      void db._runExclusiveTransaction(() => new Promise<void>((release) => granted(release)));
    });

  function connection(socket: Socket): void {
    sockets.add(socket);
    const scanner = new ReadyScanner();
    let buffer = Buffer.alloc(0);
    let started = false;
    let closed = false;
    let release: (() => void) | undefined;
    let holdTimer: NodeJS.Timeout | undefined;
    let chain = Promise.resolve();

    const run = async (message: Uint8Array, forward: boolean) => {
      release ??= await acquire();
      // no ReadyForQuery in the reply (Parse, Bind…): the exchange goes on until Sync
      scanner.status = undefined;
      await db._runExclusiveQuery(() =>
        db.execProtocolRawStream(message, {
          onRawData: (bytes) => {
            scanner.push(bytes);
            if (forward && !socket.destroyed) socket.write(Buffer.from(bytes));
          },
        }),
      );
    };

    const letGoIfIdle = () => {
      clearTimeout(holdTimer);
      if (scanner.status === 'I') {
        release?.();
        release = undefined;
      } else if (release) {
        holdTimer = setTimeout(() => socket.destroy(), holdTimeoutMs);
      }
    };

    // each complete message in arrival order; returns when the buffer holds only a partial one
    const drain = async () => {
      while (!closed) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          // a start-up packet is short; anything else is not a PostgreSQL client
          if (length < 8 || length > 10_000) return void socket.destroy();
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write('N');
          } else if (code === PROTOCOL_3) {
            await run(new Uint8Array(message), true);
            started = true;
            letGoIfIdle();
          } else {
            // a cancel request (80877102: PGlite cannot cancel) or an unknown protocol
            socket.destroy();
            return;
          }
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (length < 5) return void socket.destroy();
        if (buffer.length < length) return;
        const message = new Uint8Array(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (message[0] === TERMINATE) {
          socket.end();
          return;
        }
        clearTimeout(holdTimer);
        await run(message, true);
        letGoIfIdle();
      }
    };

    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      chain = chain.then(drain).catch(() => {
        socket.destroy();
      });
    });
    socket.on('error', () => undefined);
    const closing = new Promise<void>((resolve) => {
      socket.once('close', () => {
        closed = true;
        clearTimeout(holdTimer);
        sockets.delete(socket);
        // after the message in progress: roll back what the client left open, then let the owner in
        void chain
          .then(async () => {
            if (!release) return;
            for (const message of CLEANUP) await run(message, false);
          })
          .catch(() => undefined)
          .finally(() => {
            release?.();
            release = undefined;
            resolve();
          });
      });
    });
    closings.add(closing);
    void closing.then(() => closings.delete(closing));
  }

  rmSync(socketPath, { force: true });
  const server = createServer({ pauseOnConnect: false }, connection);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => undefined);

  return {
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await Promise.all([...closings]);
      await stopped;
      rmSync(socketPath, { force: true });
    },
  };
}

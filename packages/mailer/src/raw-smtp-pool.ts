// Prebuilt messages straight onto nodemailer's SMTPConnection, a few kept open and reused.
// Measured against smtp-sink: ~2,300–2,500 msgs/s and 0.22 ms CPU a message (rendering included),
// against 1,100–2,070 msgs/s and 0.32–0.42 ms through a pooled nodemailer transport with `raw`.
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { isSmtpSafe } from './smtp-safe';
import { nodemailerTimeouts } from './smtp-timeouts';
import type { SmtpTimeouts } from './smtp-timeouts';

export type RawSmtpPoolOptions = {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  /** connections kept open (default 5) */
  maxConnections?: number;
  /** messages per connection before it is replaced (default 100, like nodemailer's pool) */
  maxMessages?: number;
  /** an idle connection is closed after this many ms (default 5,000), before the server drops it */
  idleTimeout?: number;
  /** connect 15 s, greeting 15 s, socket 60 s unless set (smtp-timeouts.ts) */
  timeouts?: SmtpTimeouts;
};

/** nodemailer's error (or ours), plus whether the body had started to go out when it failed. */
export type RawSmtpError = Error & {
  /** true once nodemailer read the body, which it does only after the server's 354 reply to DATA */
  dataStarted: boolean;
};

export type RawSmtpPool = {
  /** resolves with the server's final reply; rejects with a RawSmtpError (classify it) */
  send(envelope: { from: string; to: string }, raw: Buffer | Buffer[]): Promise<string>;
  /** greeting, EHLO and AUTH on a connection of its own, then QUIT; rejects with a RawSmtpError (dataStarted false) */
  probe(): Promise<void>;
  close(): Promise<void>;
};

type Job = {
  envelope: { from: string; to: string };
  raw: Buffer | Buffer[];
  resolve(response: string): void;
  reject(error: unknown): void;
};
type Slot = {
  connection: SMTPConnection;
  sent: number;
  idleTimer?: NodeJS.Timeout;
  closed: boolean;
  /** reused for every message of this connection: one message at a time, written before the server's reply */
  buffer?: Buffer;
};

type DataStreamLike = {
  _transform(chunk: Buffer, encoding: string, done: () => void): void;
  push(chunk: Buffer): boolean;
  inByteCount: number;
  outByteCount: number;
  lastByte: number | false;
};
type WithSendStream = { _createSendStream(callback: unknown): DataStreamLike };

/**
 * The message body handed to connection.send: nodemailer pipes it only once DATA got its 354, so its first read
 * tells for certain that the message started to go out (nodemailer's own error fields say 'CONN' at any stage).
 */
class MessageBody extends Readable {
  started = false;
  private body: Buffer | undefined;

  constructor(body: Buffer) {
    super();
    this.body = body;
  }

  override _read(): void {
    if (this.started) return;
    this.started = true;
    const body = this.body as Buffer;
    // the buffer may be the connection's reusable one: drop the reference once handed on
    this.body = undefined;
    this.push(body);
    this.push(null);
  }
}

function staged(error: unknown, dataStarted: boolean): RawSmtpError {
  const result = (error instanceof Error ? error : new Error(String(error))) as RawSmtpError;
  result.dataStarted = dataStarted;
  return result;
}

// a campaign's prebuilt parts are the same Buffer objects for every recipient: checked once
const checkedChunks = new WeakMap<Buffer, boolean>();
function chunkIsSafe(chunk: Buffer): boolean {
  if (chunk.length === 0) return true;
  let safe = checkedChunks.get(chunk);
  if (safe === undefined) {
    safe = isSmtpSafe(chunk);
    checkedChunks.set(chunk, safe);
  }
  return safe;
}

/**
 * The chunks copied into the connection's own buffer: one socket write and no new 50 KB buffer per
 * message (writing chunk by chunk cost a syscall each; a fresh buffer per message made the GC work).
 */
function gather(slot: Slot, chunks: Buffer[]): Buffer {
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  if (!slot.buffer || slot.buffer.length < total) slot.buffer = Buffer.allocUnsafe(Math.max(total, 64 * 1024));
  let at = 0;
  for (const chunk of chunks) at += chunk.copy(slot.buffer, at);
  return slot.buffer.subarray(0, total);
}

// whether the message about to go out on a connection is SMTP-safe (see installFastDataStream)
const safeNext = new WeakMap<SMTPConnection, boolean>();

function passThrough(this: DataStreamLike, chunk: Buffer, _encoding: string, done: () => void): void {
  this.inByteCount += chunk.length;
  this.outByteCount += chunk.length;
  if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1]!;
  this.push(chunk);
  done();
}

/**
 * nodemailer's DATA stream checks every byte for dots and bare line ends: about 40 % of a sending
 * process's CPU (profiled). For a message already SMTP-safe (isSmtpSafe, set per send in safeNext)
 * the stream passes chunks through; its end marker and byte counts stay nodemailer's. Relies on
 * nodemailer 10's internal `_createSendStream` (version pinned; test/send-raw.test.ts checks it).
 */
function installFastDataStream(connection: SMTPConnection): void {
  const target = connection as unknown as WithSendStream;
  const original = target._createSendStream;
  target._createSendStream = function (this: WithSendStream, callback: unknown) {
    const stream = original.call(this, callback);
    if (safeNext.get(connection) === true) stream._transform = passThrough;
    return stream;
  };
}

function connectionOptions(url: string): {
  options: SMTPConnectionOptions;
  auth: { user: string; pass: string } | undefined;
} {
  const parsed = parseConnectionUrl(url) as SMTPConnectionOptions & { auth?: { user?: string; pass?: string } };
  const { auth, ...options } = parsed;
  return { options, auth: auth?.user ? { user: auth.user, pass: auth.pass ?? '' } : undefined };
}

export function createRawSmtpPool(poolOptions: RawSmtpPoolOptions): RawSmtpPool {
  const maxConnections = poolOptions.maxConnections ?? 5;
  const maxMessages = poolOptions.maxMessages ?? 100;
  const idleTimeout = poolOptions.idleTimeout ?? 5000;
  const { options: urlOptions, auth } = connectionOptions(poolOptions.url);
  const options: SMTPConnectionOptions = { ...urlOptions, ...nodemailerTimeouts(poolOptions.timeouts) };
  const queue: Job[] = [];
  const idle: Slot[] = [];
  let open = 0;
  let closing = false;

  function retire(slot: Slot, graceful: boolean): void {
    if (slot.closed) return;
    slot.closed = true;
    clearTimeout(slot.idleTimer);
    const index = idle.indexOf(slot);
    if (index !== -1) idle.splice(index, 1);
    open--;
    if (graceful) slot.connection.quit();
    else slot.connection.close();
    dispatch();
  }

  function release(slot: Slot): void {
    if (slot.closed) return;
    if (slot.sent >= maxMessages || closing) return retire(slot, true);
    slot.idleTimer = setTimeout(() => retire(slot, true), idleTimeout);
    slot.idleTimer.unref();
    idle.push(slot);
    dispatch();
  }

  function run(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    safeNext.set(slot.connection, Array.isArray(job.raw) ? job.raw.every(chunkIsSafe) : isSmtpSafe(job.raw));
    const body = new MessageBody(Array.isArray(job.raw) ? gather(slot, job.raw) : job.raw);
    slot.connection.send({ from: job.envelope.from, to: [job.envelope.to] }, body, (error, info) => {
      slot.sent++;
      if (!error) {
        job.resolve(info?.response ?? '');
        release(slot);
        return;
      }
      job.reject(staged(error, body.started));
      // the server refused this message but the session is sound: reset it and keep it
      if ((error.code === 'EENVELOPE' || error.code === 'EMESSAGE') && error.responseCode !== 421) {
        slot.connection.reset((resetError) => (resetError ? retire(slot, false) : release(slot)));
      } else {
        retire(slot, false);
      }
    });
  }

  function connect(job: Job): void {
    open++;
    const connection = new SMTPConnection(options);
    installFastDataStream(connection);
    const slot: Slot = { connection, sent: 0, closed: false };
    let started = false;
    const fail = (error: unknown) => {
      if (!started) {
        started = true;
        job.reject(staged(error, false));
      }
      retire(slot, false);
    };
    // an error or end on an idle connection only retires it; during a send the callback reports it
    connection.on('error', fail);
    connection.once('end', () => retire(slot, false));
    connection.connect((error) => {
      if (error) return fail(error);
      const go = () => {
        started = true;
        run(slot, job);
      };
      if (!auth) return go();
      connection.login(auth, (loginError) => (loginError ? fail(loginError) : go()));
    });
  }

  function dispatch(): void {
    while (queue.length > 0) {
      const slot = idle.pop();
      if (slot) {
        run(slot, queue.shift() as Job);
        continue;
      }
      if (open >= maxConnections) return;
      connect(queue.shift() as Job);
    }
  }

  return {
    send(envelope, raw) {
      if (closing) return Promise.reject(staged(new Error('the SMTP pool is closed'), false));
      return new Promise<string>((resolve, reject) => {
        queue.push({ envelope, raw, resolve, reject });
        dispatch();
      });
    },
    probe() {
      return new Promise<void>((resolve, reject) => {
        const connection = new SMTPConnection(options);
        let settled = false;
        const settle = (error?: unknown) => {
          if (settled) return;
          settled = true;
          if (error === undefined) {
            connection.quit();
            resolve();
          } else {
            connection.close();
            reject(staged(error, false));
          }
        };
        // kept after settling: an error on the way out (QUIT unanswered) must not be an unhandled 'error' event
        connection.on('error', (error) => settle(error));
        connection.once('end', () => settle(new Error('the SMTP server closed the connection before answering')));
        connection.connect((error) => {
          if (error) return settle(error);
          if (!auth) return settle();
          connection.login(auth, (loginError) => settle(loginError ?? undefined));
        });
      });
    },
    async close() {
      closing = true;
      for (const slot of [...idle]) retire(slot, true);
    },
  };
}

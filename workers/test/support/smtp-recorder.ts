import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type Recorded = {
  to: string;
  raw: string;
  messageId: string | null;
  /** when the message was received whole (ms) */
  at: number;
  /** when its MAIL FROM arrived: the client had begun this message's transaction */
  mailFromAt: number;
  /** the connection was cut (or left unanswered) after the message was received: the client never saw a reply */
  unanswered: boolean;
};

/** Faults on demand, read on every message: change them while a campaign runs. */
export type SmtpFaults = {
  /** share of messages (0–1) after which the connection is cut, once received whole, before the reply */
  cutAfterData: number;
  /** share of messages (0–1) received whole and then never answered (the client's socket timeout decides) */
  silentAfterData: number;
  /** delay before answering RCPT (a struggling server) */
  rcptDelayMs: number;
  /** a reply for RCPT to this address instead of accepting it (e.g. a provider's 421), asked on every attempt */
  rcptReply?: ((address: string) => { code: number; message: string } | undefined) | undefined;
};

export type SmtpRecorder = {
  url: string;
  port: number;
  messages: Recorded[];
  /** RCPT attempts per address, refused ones included */
  attempts: Map<string, number>;
  faults: SmtpFaults;
  /** Reply codes for an address's next RCPT attempts, e.g. [451, 451] then accepted. */
  plan(address: string, codes: { code: number; message: string }[]): void;
  countsByAddress(): Map<string, number>;
  waitUntil(check: () => boolean, ms: number, what: string): Promise<void>;
  /** the server goes away: open connections are cut and the port refuses connections */
  stop(): Promise<void>;
  /** back on the same port */
  start(): Promise<void>;
  close(): Promise<void>;
};

type ConnectionLike = { id: string; _socket?: Socket };

/** A real SMTP server that records every message it received, and can refuse, cut, delay or go silent. */
export async function startSmtpRecorder(options: { port?: number } = {}): Promise<SmtpRecorder> {
  const messages: Recorded[] = [];
  const attempts = new Map<string, number>();
  const plans = new Map<string, { code: number; message: string }[]>();
  const faults: SmtpFaults = { cutAfterData: 0, silentAfterData: 0, rcptDelayMs: 0 };
  // stopping: new transactions get 421 while messages already in DATA finish, as a mail server shuts down
  let down = false;
  const mailFromAt = new Map<string, number>();
  let server: SMTPServer;

  const socketOf = (sessionId: string): Socket | undefined => {
    const connections = (server as unknown as { connections: Set<ConnectionLike> }).connections;
    for (const c of connections) if (c.id === sessionId) return c._socket;
    return undefined;
  };

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 10 * 1024 * 1024,
      closeTimeout: 100,
      onConnect(_session, callback) {
        if (down) return callback(Object.assign(new Error('Service shutting down'), { responseCode: 421 }));
        callback();
      },
      onMailFrom(_address, session, callback) {
        if (down) return callback(Object.assign(new Error('Service shutting down'), { responseCode: 421 }));
        mailFromAt.set(session.id, Date.now());
        callback();
      },
      onRcptTo(address, _session, callback) {
        const to = address.address.toLowerCase();
        attempts.set(to, (attempts.get(to) ?? 0) + 1);
        const next = faults.rcptReply?.(to) ?? plans.get(to)?.shift();
        const answer = () => {
          if (next) {
            const error = new Error(next.message) as Error & { responseCode: number };
            error.responseCode = next.code;
            return callback(error);
          }
          callback();
        };
        if (faults.rcptDelayMs > 0) setTimeout(answer, faults.rcptDelayMs);
        else answer();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const messageId = /^Message-ID:\s*<([^>]+)>/im.exec(raw)?.[1] ?? null;
          const dice = Math.random();
          const cut = dice < faults.cutAfterData;
          const silent = !cut && dice < faults.cutAfterData + faults.silentAfterData;
          const at = Date.now();
          for (const r of session.envelope.rcptTo) {
            messages.push({
              to: r.address.toLowerCase(),
              raw,
              messageId,
              at,
              mailFromAt: mailFromAt.get(session.id) ?? at,
              unanswered: cut || silent,
            });
          }
          // received whole: the message counts as delivered, whatever the client hears next
          if (cut) socketOf(session.id)?.destroy();
          else if (!silent) callback();
        });
      },
    });

  server = create();
  // a client killed mid-session (kill -9) resets its connection: expected here, not a test failure
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };

  const stop = async () => {
    down = true;
    // the port refuses at once; open sessions get 421 on their next message and are cut a moment later
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise((r) => setTimeout(r, 500));
    const connections = (server as unknown as { connections: Set<ConnectionLike> }).connections;
    for (const c of connections) c._socket?.destroy();
    await closed;
  };

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    attempts,
    faults,
    plan: (address, codes) => plans.set(address.toLowerCase(), [...codes]),
    countsByAddress: () => {
      const counts = new Map<string, number>();
      for (const m of messages) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
      return counts;
    },
    waitUntil: async (check, ms, what) => {
      const end = Date.now() + ms;
      while (!check()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    stop,
    start: async () => {
      down = false;
      server = create();
      server.on('error', () => undefined);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    },
    close: stop,
  };
}

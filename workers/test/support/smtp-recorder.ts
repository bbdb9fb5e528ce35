import { SMTPServer } from 'smtp-server';

export type Recorded = { to: string; raw: string; messageId: string | null; /** when the message was accepted (ms) */ at: number };

export type SmtpRecorder = {
  url: string;
  messages: Recorded[];
  /** RCPT attempts per address, refused ones included */
  attempts: Map<string, number>;
  /** Reply codes for an address's next RCPT attempts, e.g. [451, 451] then accepted. */
  plan(address: string, codes: { code: number; message: string }[]): void;
  countsByAddress(): Map<string, number>;
  waitUntil(check: () => boolean, ms: number, what: string): Promise<void>;
  close(): Promise<void>;
};

/** A real SMTP server that records every accepted message, and can refuse chosen addresses. */
export async function startSmtpRecorder(options: { port?: number } = {}): Promise<SmtpRecorder> {
  const messages: Recorded[] = [];
  const attempts = new Map<string, number>();
  const plans = new Map<string, { code: number; message: string }[]>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      attempts.set(to, (attempts.get(to) ?? 0) + 1);
      const next = plans.get(to)?.shift();
      if (next) {
        const error = new Error(next.message) as Error & { responseCode: number };
        error.responseCode = next.code;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID:\s*<([^>]+)>/im.exec(raw)?.[1] ?? null;
        for (const r of session.envelope.rcptTo) messages.push({ to: r.address.toLowerCase(), raw, messageId, at: Date.now() });
        callback();
      });
    },
  });
  // a client killed mid-session (kill -9) resets its connection: expected here, not a test failure
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    attempts,
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

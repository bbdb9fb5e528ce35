import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the server does with a recipient, chosen by its local part. Anything else is accepted (250 after the dot).
 * - later: 451 at RCPT
 * - cut-after-dot: reads the whole message, then closes the socket without a reply
 * - silent-after-dot: reads the whole message, then never answers
 * - refused-after-dot: 554 after the dot
 */
export type ScriptedSmtpOptions = {
  /** a port to listen on (e.g. one that refused connections a moment ago); default a free one */
  port?: number;
  /** whether the n-th connection (from 1) gets its 220 greeting; default all */
  greet?: (connection: number) => boolean;
  /** advertise PIPELINING (MAIL, RCPT and DATA arrive together), as Postfix does; default true */
  pipelining?: boolean;
};

export type ScriptedSmtp = {
  url: string;
  port: number;
  /** connections accepted so far */
  connections(): number;
  /** every command line received, in order, with the number of its connection */
  commands: { connection: number; line: string }[];
  /** recipients whose message was answered 250 */
  delivered: string[];
  close(): Promise<void>;
};

const END_OF_DATA = '\r\n.\r\n';

/** A hand-written SMTP server on node:net, for faults no real server produces on demand. */
export async function startScriptedSmtp(options: ScriptedSmtpOptions = {}): Promise<ScriptedSmtp> {
  const greet = options.greet ?? (() => true);
  const pipelining = options.pipelining ?? true;
  const sockets = new Set<Socket>();
  const commands: ScriptedSmtp['commands'] = [];
  const delivered: string[] = [];
  let connections = 0;

  const server = createServer((socket) => {
    const connection = ++connections;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // the client resets or times out on us: not the test's business
    socket.on('error', () => undefined);
    if (!greet(connection)) return;
    let input = '';
    let inData = false;
    let recipients: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);

    const endOfMessage = () => {
      const local = recipients[0]?.split('@')[0];
      const accepted = recipients;
      recipients = [];
      if (local === 'cut-after-dot') return void socket.destroy();
      if (local === 'silent-after-dot') return;
      if (local === 'refused-after-dot') return reply('554 5.7.1 Message refused');
      delivered.push(...accepted);
      reply('250 2.0.0 Ok: queued');
    };

    const command = (line: string) => {
      commands.push({ connection, line });
      const verb = line.split(' ')[0]?.toUpperCase();
      if (verb === 'EHLO') {
        const extensions = ['8BITMIME', 'AUTH PLAIN LOGIN', ...(pipelining ? ['PIPELINING'] : [])];
        const lines = ['scripted.test', ...extensions];
        return socket.write(lines.map((text, i) => `250${i === lines.length - 1 ? ' ' : '-'}${text}\r\n`).join(''));
      }
      if (verb === 'AUTH') return reply('235 2.7.0 Authentication successful');
      if (verb === 'MAIL' || verb === 'NOOP') return reply('250 2.1.0 Ok');
      if (verb === 'RSET') {
        recipients = [];
        return reply('250 2.0.0 Ok');
      }
      if (verb === 'RCPT') {
        const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
        if (address.startsWith('later@')) return reply('451 4.3.0 Try again later');
        recipients.push(address);
        return reply('250 2.1.5 Ok');
      }
      if (verb === 'DATA') {
        if (recipients.length === 0) return reply('554 5.5.1 No valid recipients');
        inData = true;
        return reply('354 End data with <CR><LF>.<CR><LF>');
      }
      if (verb === 'QUIT') {
        reply('221 2.0.0 Bye');
        return void socket.end();
      }
      reply('502 5.5.2 Command not recognized');
    };

    socket.on('data', (chunk: Buffer) => {
      input += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          // the body starts on a fresh line, so "\r\n" before the first header is implied
          const end = `\r\n${input}`.indexOf(END_OF_DATA);
          if (end === -1) return;
          input = input.slice(end - 2 + END_OF_DATA.length);
          inData = false;
          endOfMessage();
          continue;
        }
        const at = input.indexOf('\r\n');
        if (at === -1 || socket.destroyed) return;
        const line = input.slice(0, at);
        input = input.slice(at + 2);
        command(line);
      }
    });
    reply('220 scripted.test ESMTP');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    commands,
    delivered,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const holder = createServer().listen(0, '127.0.0.1', () => {
      const { port } = holder.address() as AddressInfo;
      holder.close(() => resolve(port));
    });
  });
}

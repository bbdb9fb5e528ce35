// Prebuilt messages over SMTP to Postfix's smtp-sink on loopback: the mailer's sendRaw (its own
// pool of SMTPConnection) against a pooled nodemailer transport given the same `raw` bytes.
// Needs smtp-sink (Debian package postfix; the daemon is never started): without it, prints nothing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { compileNewsletter, PERSONAL_TOKENS, personalTokenValues } from '../../newsletter/src/index.js';
import { blocks, content, LIST_NAMES, membresNewsletter, PUBLIC_URL } from '../../newsletter/test/fixtures.js';
import { createMailer, prepareCampaignMessage } from '../src/index';

const SMTP_SINK = ['/usr/sbin/smtp-sink', '/usr/lib/postfix/smtp-sink'].find((path) => existsSync(path));
const MESSAGES = 4000;
const CONNECTIONS = 5;
const print = (bench: string, value: number, unit: string) =>
  console.log(JSON.stringify({ bench, value: Number(value.toFixed(2)), unit }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function main(sinkPath: string): Promise<void> {
  const port = await freePort();
  // smtp-sink refuses to run as root without -u
  const sink = spawn(
    sinkPath,
    [...(process.getuid?.() === 0 ? ['-u', 'nobody'] : []), '-c', `127.0.0.1:${port}`, '1000'],
    { stdio: 'ignore' },
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  try {
    const compiled = await compileNewsletter(
      content('membres', [...membresNewsletter.blocks, blocks.dossier, blocks.image, blocks.richText]),
      { publicUrl: PUBLIC_URL, listName: LIST_NAMES.membres },
    );
    const prepared = prepareCampaignMessage({
      from: 'ICPC <lettre@icpc.example>',
      subject: 'La lettre des membres',
      html: compiled.html,
      text: compiled.text,
      list: { id: 'membres.icpc.example', name: 'Lettre des membres' },
      tokens: [...PERSONAL_TOKENS],
    });
    const message = (i: number) => {
      const url = `https://icpc.example/unsubscribe/${i}-tok`;
      const values = personalTokenValues({
        firstName: `Prénom${i}`,
        unsubscribeUrl: url,
        preferencesUrl: `https://icpc.example/preferences/${i}-tok`,
        webUrl: 'https://icpc.example/archive/a',
      });
      const messageId = `c1-${i}@icpc.example`;
      return {
        envelope: { from: 'rebonds@icpc.example', to: `r${i}@example.org` },
        messageId,
        raw: prepared.render({
          to: `r${i}@example.org`,
          messageId,
          unsubscribeUrl: url,
          htmlValues: values.html,
          textValues: values.text,
        }),
      };
    };
    // at most two messages waiting per connection, as a campaign worker with that concurrency would
    async function run(send: (i: number) => Promise<unknown>): Promise<{ perSecond: number; cpuMs: number }> {
      const cpu = process.cpuUsage();
      const start = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS * 2 }, async () => {
          while (next < MESSAGES) await send(next++);
        }),
      );
      const used = process.cpuUsage(cpu);
      return {
        perSecond: MESSAGES / ((performance.now() - start) / 1000),
        cpuMs: (used.user + used.system) / 1000 / MESSAGES,
      };
    }
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      outboxDir: '/nonexistent',
      maxConnections: CONNECTIONS,
    });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, pool: true, maxConnections: CONNECTIONS });
    const viaPool = (i: number) => mailer.sendRaw(message(i));
    const viaTransport = (i: number) => {
      const { envelope, raw } = message(i);
      return transport.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw });
    };
    await run(viaPool);
    await run(viaTransport);
    const pool = await run(viaPool);
    const nodemailerPool = await run(viaTransport);
    print('mailer.send_raw_msgs_per_s', pool.perSecond, 'msgs/s');
    print('mailer.send_raw_cpu_ms', pool.cpuMs, 'ms');
    print('mailer.nodemailer_raw_msgs_per_s', nodemailerPool.perSecond, 'msgs/s');
    print('mailer.nodemailer_raw_cpu_ms', nodemailerPool.cpuMs, 'ms');
    await mailer.close();
    transport.close();
  } finally {
    sink.kill();
  }
}

if (SMTP_SINK) await main(SMTP_SINK);
else console.error('send-raw bench skipped: smtp-sink not found (apt-get install -y postfix)');

import { createPrivateKey, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { DKIMOptions, Transporter } from 'nodemailer';
import { buildMailOptions, DKIM_SIGNED_HEADERS } from './build-mail-options';
import { SmtpSendError } from './classify-smtp-error';
import { InvalidMessageError, parseOutboundMessage } from './outbound-message';
import type { OutboundMessage } from './outbound-message';
import { outboxFileName } from './outbox-file-name';
import { RawMessage } from './raw-message';
import { createRawSmtpPool } from './raw-smtp-pool';
import type { RawSmtpPool } from './raw-smtp-pool';
import { nodemailerTimeouts } from './smtp-timeouts';
import type { SmtpTimeouts } from './smtp-timeouts';

export type SendResult = { messageId: string; response: string };
export type Mailer = {
  send(message: OutboundMessage): Promise<SendResult>;
  /** a prebuilt message (prepareCampaignMessage), sent as is: sign it when rendering, never here */
  sendRaw(message: RawMessage): Promise<SendResult>;
  /**
   * Greeting, EHLO (and AUTH) then QUIT, no message: resolves once the server answered, rejects with an
   * SmtpSendError (stage 'before-data'). To wait for a struggling server without spending a recipient's message.
   */
  probe(): Promise<void>;
  close(): Promise<void>;
  kind: 'smtp' | 'outbox';
};

export type CreateMailerOptions = {
  /** e.g. smtp://user:pass@smtp.example.org:587; unset: write .eml files into outboxDir */
  smtpUrl?: string;
  outboxDir: string;
  dkim?: { domain: string; selector: string; privateKey: string };
  /** reuse SMTP connections across messages (default false) */
  pool?: boolean;
  /** pooled connections (nodemailer's default 5; more adds nothing, it is CPU bound); also sendRaw's pool size */
  maxConnections?: number;
  /** connect 15 s, greeting 15 s, socket 60 s unless set; for sendRaw, probe and the nodemailer transport alike */
  timeouts?: SmtpTimeouts;
};

function dkimOptions(dkim: CreateMailerOptions['dkim']): DKIMOptions | undefined {
  if (!dkim) return undefined;
  // a parsed key: nodemailer would otherwise parse the PEM again for every message (~0.5 ms)
  return {
    domainName: dkim.domain,
    keySelector: dkim.selector,
    privateKey: createPrivateKey(dkim.privateKey),
    headerFieldNames: DKIM_SIGNED_HEADERS,
  };
}

function parseRawMessage(input: RawMessage): RawMessage {
  const result = RawMessage.safeParse(input);
  if (!result.success)
    throw new InvalidMessageError(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`),
    );
  return result.data;
}

function newMessageId(message: OutboundMessage): string {
  // the right-hand side names our sending domain (the envelope's, MAIL_FROM), as RFC 5322 suggests
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(message.envelopeFrom ?? message.from)?.[1] ?? 'crieur.invalid';
  return `${randomUUID()}@${domain.toLowerCase()}`;
}

function createSmtpMailer(options: CreateMailerOptions & { smtpUrl: string }): Mailer {
  const dkim = dkimOptions(options.dkim);
  const timeouts = nodemailerTimeouts(options.timeouts);
  const maxConnections = options.maxConnections ? { maxConnections: options.maxConnections } : {};
  const pooled = options.pool ? { pool: true, ...maxConnections } : {};
  const transport: Transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    ...pooled,
    ...timeouts,
    ...(dkim ? { dkim } : {}),
  });
  // prebuilt messages skip nodemailer's transport: ~30 % less CPU a message, twice the rate on one connection (raw-smtp-pool.ts)
  let rawPool: RawSmtpPool | undefined;
  const pool = () =>
    (rawPool ??= createRawSmtpPool({
      url: options.smtpUrl,
      ...maxConnections,
      ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    }));
  return {
    kind: 'smtp',
    async send(input) {
      const message = parseOutboundMessage(input);
      const messageId = message.messageId ?? newMessageId(message);
      try {
        const info: { response?: unknown } = await transport.sendMail(buildMailOptions(message, { messageId }));
        return { messageId, response: typeof info.response === 'string' ? info.response : '' };
      } catch (error) {
        // the original error lists the rejected addresses: keep it out of the thrown one; stage 'unknown'
        throw SmtpSendError.from(error);
      }
    },
    async sendRaw(input) {
      const message = parseRawMessage(input);
      try {
        const response = await pool().send(message.envelope, message.raw);
        return { messageId: message.messageId, response };
      } catch (error) {
        // the pool's errors carry dataStarted: the stage is 'before-data' or 'data', never 'unknown'
        throw SmtpSendError.from(error);
      }
    },
    async probe() {
      try {
        await pool().probe();
      } catch (error) {
        throw SmtpSendError.from(error, 'before-data');
      }
    },
    async close() {
      transport.close();
      await rawPool?.close();
    },
  };
}

function createOutboxMailer(options: CreateMailerOptions): Mailer {
  const dkim = dkimOptions(options.dkim);
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...(dkim ? { dkim } : {}),
  });
  let ready: Promise<unknown> | undefined;
  const write = async (bytes: Buffer) => {
    ready ??= mkdir(options.outboxDir, { recursive: true });
    await ready;
    const file = outboxFileName({ at: new Date() });
    // wx: never overwrite another message, even on a name collision
    await writeFile(join(options.outboxDir, file), bytes, { flag: 'wx' });
    return `250 written to outbox as ${file}`;
  };
  return {
    kind: 'outbox',
    async send(input) {
      const message = parseOutboundMessage(input);
      const messageId = message.messageId ?? newMessageId(message);
      const info = await transport.sendMail(buildMailOptions(message, { messageId }));
      return { messageId, response: await write(info.message as Buffer) };
    },
    async sendRaw(input) {
      const message = parseRawMessage(input);
      const bytes = Array.isArray(message.raw) ? Buffer.concat(message.raw) : message.raw;
      try {
        return { messageId: message.messageId, response: await write(bytes) };
      } catch (error) {
        // no mail server was involved: a failed write delivered nothing
        throw SmtpSendError.from(error, 'before-data');
      }
    },
    async probe() {
      // nothing to wait for: the outbox is a local folder
    },
    async close() {
      transport.close();
    },
  };
}

/** SMTP when smtpUrl is set, otherwise an outbox folder of .eml files (created on first send). */
export function createMailer(options: CreateMailerOptions): Mailer {
  return options.smtpUrl ? createSmtpMailer({ ...options, smtpUrl: options.smtpUrl }) : createOutboxMailer(options);
}

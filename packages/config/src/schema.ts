import { isIP } from 'node:net';
import { z } from 'zod';
import { BouncePauseSetting, SendProvidersSetting } from './send-providers';

// "192.0.2.53", "192.0.2.53:5353", "2001:db8::53" or "[2001:db8::53]:53": what dns.Resolver#setServers takes
const isDnsServer = (server: string) => {
  const m = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(server) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(server);
  if (!m) return isIP(server) === 6;
  return isIP(m[1]!) !== 0 && (m[2] === undefined || Number(m[2]) <= 65535);
};

const url = (protocols: string[], what: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `expected ${what} (${protocols.map((p) => `${p}//…`).join(' or ')})`,
    );

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

// Every setting of DESIGN.md; all optional in development.
export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATA_DIR: z.string().trim().min(1, 'expected a folder path').default('./.data'),
    DATABASE_URL: url(['postgres:', 'postgresql:'], 'a PostgreSQL URL').optional(),
    REDIS_URL: url(['redis:', 'rediss:'], 'a Redis URL').default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'expected 1 to 64 letters, digits, "-" or "_"')
      .default('crieur'),
    SMTP_URL: url(['smtp:', 'smtps:'], 'an SMTP URL').optional(),
    // how long a mail server may take to accept a connection, then to greet (nodemailer's own: 2 min, 30 s)
    SMTP_CONNECT_TIMEOUT: z.coerce
      .number({ error: 'expected a number of seconds' })
      .positive('expected a number of seconds above 0')
      .max(600, 'expected at most 600 seconds')
      .default(15),
    // how long a silent mail server may hold a message before it is given up: after DATA it becomes uncertain
    SMTP_SOCKET_TIMEOUT: z.coerce
      .number({ error: 'expected a number of seconds' })
      .positive('expected a number of seconds above 0')
      .max(600, 'expected at most 600 seconds')
      .default(60),
    PUBLIC_URL: url(['http:', 'https:'], 'an http(s) URL')
      .default('http://localhost:3000')
      .transform((v) => v.replace(/\/+$/, '')),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: z.coerce
      .number({ error: 'expected a port number' })
      .int('expected a whole port number')
      .min(0, 'expected a port between 0 and 65535')
      .max(65535, 'expected a port between 0 and 65535')
      .default(3000),
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    APP_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
    MAIL_FROM: z
      .string()
      .trim()
      .regex(
        /^(.+<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
        'expected an address like "démocratieS <lettre@example.org>"',
      )
      // no display name: From shows the organisation's name (studio settings), never the software's
      .default('lettre@localhost'),
    DKIM_DOMAIN: optionalText,
    DKIM_SELECTOR: optionalText,
    DKIM_PRIVATE_KEY: optionalText,
    SEND_RATE: z.coerce
      .number({ error: 'expected a number of messages per second' })
      .positive('expected a number of messages per second above 0')
      .max(10000, 'expected at most 10000 messages per second')
      .default(10),
    // SMTP connections each sending process keeps open (more adds little: nodemailer is CPU bound)
    SEND_CONCURRENCY: z.coerce
      .number({ error: 'expected a number of connections' })
      .int('expected a whole number of connections')
      .min(1, 'expected between 1 and 50 connections')
      .max(50, 'expected between 1 and 50 connections')
      .default(5),
    // a scheduled campaign later than this (system down) waits for a human instead of going out late
    SEND_LATE_MINUTES: z.coerce
      .number({ error: 'expected a number of minutes' })
      .int('expected a whole number of minutes')
      .min(1, 'expected at least 1 minute')
      .default(60),
    // destination domains paced together, each group at its own rate (send-providers.ts); defaults built in
    SEND_PROVIDERS: SendProvidersSetting,
    // more than this share of a campaign's first recipients refused for good: it pauses itself ("5%/500" or "off")
    SEND_BOUNCE_PAUSE: BouncePauseSetting,
    // the bearer token a mail server's bounce handler uses to POST delivery reports to /api/bounces
    BOUNCE_TOKEN: z.string().min(32, 'expected at least 32 characters').optional(),
    // the DNS servers the preflight asks about SPF, DKIM and DMARC ("1.1.1.1,[::1]:5353"); unset: the system's
    DNS_SERVERS: z
      .string()
      .trim()
      .optional()
      .transform((v) =>
        v
          ? v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : undefined,
      )
      .refine(
        (list) => !list || list.every(isDnsServer),
        'expected IP addresses, each with an optional port ("192.0.2.53", "192.0.2.53:5353", "[2001:db8::53]:53")',
      ),
    // the preflight's link check refuses private and loopback addresses (a sender must not probe the intranet)
    // unless this is true: tests, or letters that really link to a private network
    PREFLIGHT_PRIVATE_LINKS: z
      .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    const dkim = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY];
    if (dkim.some(Boolean) && !dkim.every(Boolean)) {
      for (const key of ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'expected together with the other DKIM_* settings' });
      }
    }
  });

export type RawConfig = z.infer<typeof ConfigSchema>;

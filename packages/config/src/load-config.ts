import path from 'node:path';
import { ConfigSchema } from './schema';
import type { BouncePauseRule, SendProvider } from './send-providers';

export type Config = {
  env: 'development' | 'production' | 'test';
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string;
  redisPrefix: string;
  smtpUrl: string | undefined;
  /** SMTP_CONNECT_TIMEOUT (connect and greeting) and SMTP_SOCKET_TIMEOUT, in ms */
  smtpTimeouts: { connectMs: number; greetingMs: number; socketMs: number };
  publicUrl: string;
  host: string;
  port: number;
  trustProxy: boolean;
  appSecret: string | undefined;
  mailFrom: string;
  dkim: { domain: string; selector: string; privateKey: string } | undefined;
  sendRate: number;
  sendConcurrency: number;
  sendLateMinutes: number;
  bounceToken: string | undefined;
  /** SEND_PROVIDERS: destination domain groups, each paced on its own */
  sendProviders: SendProvider[];
  /** SEND_BOUNCE_PAUSE: when hard bounces early in a send pause the campaign; null: never */
  sendBouncePause: BouncePauseRule | null;
  /** DNS_SERVERS: what the preflight's DNS checks ask; undefined: the system's resolvers */
  dnsServers: string[] | undefined;
  /** PREFLIGHT_PRIVATE_LINKS: the link check may ask private and loopback addresses */
  preflightPrivateLinks: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
};

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: { variable: string; expected: string }[]) {
    super(
      `Invalid settings:\n${problems.map((p) => `  - ${p.variable}: ${p.expected}`).join('\n')}\n` +
        'Fix these environment variables (see the settings table in README.md) and start again.',
    );
    this.name = 'ConfigError';
  }
}

// Pure: the entry file reads process.env once and passes it here.
export function loadConfig(env: Record<string, string | undefined>): Config {
  const known = Object.keys(ConfigSchema.shape);
  const input: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? 'settings'),
      expected: issue.message,
    }));
    throw new ConfigError(problems);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    redisPrefix: c.REDIS_PREFIX,
    smtpUrl: c.SMTP_URL,
    smtpTimeouts: {
      connectMs: Math.round(c.SMTP_CONNECT_TIMEOUT * 1000),
      greetingMs: Math.round(c.SMTP_CONNECT_TIMEOUT * 1000),
      socketMs: Math.round(c.SMTP_SOCKET_TIMEOUT * 1000),
    },
    publicUrl: c.PUBLIC_URL,
    host: c.HOST,
    port: c.PORT,
    trustProxy: c.TRUST_PROXY,
    appSecret: c.APP_SECRET,
    mailFrom: c.MAIL_FROM,
    dkim:
      c.DKIM_DOMAIN && c.DKIM_SELECTOR && c.DKIM_PRIVATE_KEY
        ? { domain: c.DKIM_DOMAIN, selector: c.DKIM_SELECTOR, privateKey: c.DKIM_PRIVATE_KEY }
        : undefined,
    sendRate: c.SEND_RATE,
    sendConcurrency: c.SEND_CONCURRENCY,
    sendLateMinutes: c.SEND_LATE_MINUTES,
    bounceToken: c.BOUNCE_TOKEN,
    sendProviders: c.SEND_PROVIDERS,
    sendBouncePause: c.SEND_BOUNCE_PAUSE,
    dnsServers: c.DNS_SERVERS,
    preflightPrivateLinks: c.PREFLIGHT_PRIVATE_LINKS,
    logLevel: c.LOG_LEVEL,
  };
}

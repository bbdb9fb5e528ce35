import { linkKey } from '@crieur/auth';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { hashPassword, type Role } from '@crieur/auth';
import { loadConfig } from '@crieur/config';
import { createUser, openDatabase, type Database } from '@crieur/db';
import { createTestDatabase } from '@crieur/db/testing';
import { createMailer } from '@crieur/mailer';
import {
  createCampaignQueue,
  createMailQueue,
  createPublishingQueue,
  type CampaignQueue,
  type MailQueue,
  type PublishingQueue,
} from '@crieur/queue';
import { buildServer, createLogger, type ServerDeps } from '../src';

/** The harness server's APP_SECRET: workers started beside it sign links with the same key. */
export const TEST_APP_SECRET = 'test-secret-test-secret-test-secret-123';
export const TEST_LINK_KEY = linkKey(TEST_APP_SECRET);

export const PASSWORD = 'un mot de passe solide';

export type Harness = {
  app: FastifyInstance;
  database: Database;
  redis: Redis;
  prefix: string;
  clock: { now: Date };
  logLines: string[];
  mailQueue: MailQueue;
  publishingQueue: PublishingQueue;
  campaignQueue: CampaignQueue;
  /** Where the default mailer writes .eml files (unused when deps.mailer is given). */
  outboxDir: string;
  createStaff(role: Role, email?: string): Promise<{ id: string; email: string }>;
  /** A browser-like client; `ip` is the address the server sees (127.0.0.1 by default). */
  client(ip?: string): Client;
  close(): Promise<void>;
};

/** A server on a fresh database (PostgreSQL unless asked for PGlite) and a unique Redis prefix. */
export async function startHarness(
  options: {
    backend?: 'postgres' | 'pglite';
    deps?: Partial<ServerDeps>;
    studioDir?: string;
    env?: Record<string, string>;
    /** routes a test adds to the real server (same hooks and error handler) before it is ready */
    beforeReady?: (app: FastifyInstance, database: Database) => void;
  } = {},
): Promise<Harness> {
  const prefix = `test-${randomUUID()}`;
  const testDb = options.backend === 'pglite' ? undefined : await createTestDatabase('server');
  const database = await openDatabase(testDb ? { databaseUrl: testDb.url } : { inMemory: true });
  await database.migrate();
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  const clock = { now: new Date('2026-03-02T09:00:00Z') };
  const logLines: string[] = [];
  const logger: Logger = createLogger({
    level: 'info',
    name: 'test',
    destination: { write: (line: string) => logLines.push(line) },
  });
  const config = loadConfig({ REDIS_PREFIX: prefix, PUBLIC_URL: 'http://localhost:3000', ...options.env });
  const queueRedis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const mailQueue = createMailQueue(queueRedis, prefix);
  const publishingQueue = createPublishingQueue(queueRedis, prefix);
  const campaignQueue = createCampaignQueue(queueRedis, prefix);
  const outboxDir = path.join(tmpdir(), `${prefix}-outbox`);
  const mailer = createMailer({ outboxDir });
  const app = await buildServer({
    mailQueue,
    publishingQueue,
    campaignQueue,
    config,
    appSecret: TEST_APP_SECRET,
    database,
    redis,
    logger,
    now: () => clock.now,
    studioDir: options.studioDir ?? path.join(import.meta.dirname, 'no-studio-build'),
    mailer,
    ...options.deps,
  });
  options.beforeReady?.(app, database);
  await app.ready();
  return {
    app,
    database,
    redis,
    prefix,
    clock,
    logLines,
    mailQueue,
    publishingQueue,
    campaignQueue,
    outboxDir,
    createStaff: async (role, email = `${role}-${randomUUID().slice(0, 8)}@example.org`) => {
      const user = await createUser(database.db, {
        email,
        role,
        status: 'active',
        passwordHash: await hashPassword(PASSWORD),
      });
      return { id: user.id, email: user.email };
    },
    client: (ip) => new Client(app, ip),
    close: async () => {
      await app.close();
      await mailQueue.close();
      await publishingQueue.close();
      await campaignQueue.close();
      queueRedis.disconnect();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await database.close();
      await testDb?.drop();
      await mailer.close();
      await rm(outboxDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: keeps cookies and sends the CSRF token on writes. */
export class Client {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;
  constructor(
    private readonly app: FastifyInstance,
    private readonly ip?: string,
  ) {}

  async request(
    method: string,
    url: string,
    body?: unknown,
    options: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const write = !['GET', 'HEAD'].includes(method);
    if (write && options.csrf !== false && !this.csrfToken) await this.refreshCsrf();
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      ...(this.ip ? { remoteAddress: this.ip } : {}),
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(write && options.csrf !== false && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  /** Sends raw bytes (an image upload) with the session's cookies and the CSRF token. */
  async upload(
    url: string,
    body: Buffer,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    if (!this.csrfToken) await this.refreshCsrf();
    return this.app.inject({
      method: 'POST',
      url,
      ...(this.ip ? { remoteAddress: this.ip } : {}),
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': this.csrfToken!,
        'content-type': contentType,
        ...headers,
      },
      payload: body,
    });
  }

  async refreshCsrf(): Promise<void> {
    const res = await this.request('GET', '/api/session');
    this.csrfToken = res.json().csrfToken;
  }

  login(email: string, password = PASSWORD) {
    return this.request('POST', '/api/login', { email, password });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Carries a cookie over from another client, as a browser moving to another network would. */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}

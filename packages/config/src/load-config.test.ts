import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.smtpUrl).toBeUndefined();
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.redisPrefix).toBe('crieur');
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.dataDir.endsWith('.data')).toBe(true);
    expect(c.sendRate).toBe(10);
    expect(c.smtpTimeouts).toEqual({ connectMs: 15_000, greetingMs: 15_000, socketMs: 60_000 });
  });

  it('reads and coerces given settings', () => {
    const c = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://democraties.example/',
      SEND_RATE: '12.5',
      TRUST_PROXY: 'true',
    });
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe('https://democraties.example');
    expect(c.sendRate).toBe(12.5);
    expect(c.trustProxy).toBe(true);
  });

  it('reads the SMTP timeouts in seconds, the connect one for the greeting too', () => {
    const c = loadConfig({ SMTP_CONNECT_TIMEOUT: '5', SMTP_SOCKET_TIMEOUT: '0.5' });
    expect(c.smtpTimeouts).toEqual({ connectMs: 5000, greetingMs: 5000, socketMs: 500 });
    const problem = (env: Record<string, string>) => () => loadConfig(env);
    expect(problem({ SMTP_CONNECT_TIMEOUT: 'soon' })).toThrow(/SMTP_CONNECT_TIMEOUT: expected a number of seconds/);
    expect(problem({ SMTP_SOCKET_TIMEOUT: '0' })).toThrow(/SMTP_SOCKET_TIMEOUT: expected a number of seconds above 0/);
    expect(problem({ SMTP_SOCKET_TIMEOUT: '3600' })).toThrow(/SMTP_SOCKET_TIMEOUT: expected at most 600 seconds/);
  });

  it('names every wrong variable and what it expects, in one message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SEND_RATE: '-1', REDIS_PREFIX: 'a b' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT: expected a port number/);
    expect(message).toMatch(/DATABASE_URL: expected a PostgreSQL URL/);
    expect(message).toMatch(/SEND_RATE: expected a number of messages per second above 0/);
    expect(message).toMatch(/REDIS_PREFIX: expected 1 to 64 letters/);
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'PORT',
      'REDIS_PREFIX',
      'SEND_RATE',
    ]);
  });

  it('asks for all DKIM settings together', () => {
    expect(() => loadConfig({ DKIM_DOMAIN: 'example.org' })).toThrow(/DKIM_SELECTOR: expected together/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });
});

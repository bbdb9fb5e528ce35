import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkProbe } from '@crieur/sending';
import { siteOrNetwork } from '../src/preflight/campaign-preflight';

// A name whose first DNS answer is public and whose next one is loopback (DNS rebinding): the check must connect
// to the address it approved, never ask the system resolver again (which answers 127.0.0.1 for "localhost").
describe('preflight link check and DNS rebinding', () => {
  let local: Server;
  let port: number;
  let hits = 0;
  const app = Fastify();

  beforeAll(async () => {
    local = createServer((_request, response) => {
      hits++;
      response.writeHead(200).end('intranet');
    });
    local.listen(0, '127.0.0.1');
    await once(local, 'listening');
    port = (local.address() as AddressInfo).port;
  });
  afterAll(async () => {
    local.close();
    await app.close();
  });

  it('asks an outside link at the public address it resolved, not at a second, loopback answer', async () => {
    let asked = 0;
    const rebinding = async () => {
      asked++;
      // a public address (unreachable from the test machine, and never our local server)
      return [{ address: asked === 1 ? '1.1.1.1' : '127.0.0.1', family: 4 }];
    };
    const request = siteOrNetwork(app, 'https://site.example', { privateLinks: false, lookup: rebinding });
    const probe = createLinkProbe({ request, timeoutMs: 800 });
    const result = await probe(`http://localhost:${port}/admin`);
    expect(hits).toBe(0);
    expect(result.kind === 'status' && result.status === 200).toBe(false);
  });

  it('refuses a name that resolves to loopback before any connection', async () => {
    const request = siteOrNetwork(app, 'https://site.example', {
      privateLinks: false,
      lookup: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const result = await createLinkProbe({ request, timeoutMs: 800 })(`http://localhost:${port}/`);
    expect(result).toEqual({ kind: 'unreachable', reason: 'PRIVATE_ADDRESS' });
    expect(hits).toBe(0);
  });
});

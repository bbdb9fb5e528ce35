// Against a real HTTP server on loopback: statuses, HEAD refused, redirects, loops, silence, a closed port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkProbe, networkRequester } from './http-probe';
import { checkLinks } from './link-check';

describe('link probe and link check (local HTTP server)', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url === '/ok') res.writeHead(200).end('ok');
      else if (req.url === '/no-head') res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
      else if (req.url === '/moved') res.writeHead(301, { location: '/ok' }).end();
      else if (req.url === '/a') res.writeHead(302, { location: '/b' }).end();
      else if (req.url === '/b') res.writeHead(302, { location: '/a' }).end();
      else if (req.url === '/down') res.writeHead(503).end();
      else if (req.url === '/silent')
        return; // never answers
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const probe = createLinkProbe({ request: networkRequester, timeoutMs: 400 });

  it('answers with the final status, HEAD first and GET when HEAD is refused', async () => {
    expect(await probe(`${base}/ok`)).toEqual({ kind: 'status', status: 200, url: `${base}/ok` });
    expect(await probe(`${base}/no-head`)).toMatchObject({ kind: 'status', status: 200 });
    expect(seen).toEqual(expect.arrayContaining(['HEAD /no-head', 'GET /no-head']));
    expect(await probe(`${base}/moved`)).toEqual({ kind: 'status', status: 200, url: `${base}/ok` });
    expect(await probe(`${base}/nope`)).toMatchObject({ kind: 'status', status: 404 });
  });

  it('stops redirect loops, gives up on silence, and says when nothing listens', async () => {
    expect(await probe(`${base}/a`)).toEqual({ kind: 'redirect-loop' });
    const started = Date.now();
    expect(await probe(`${base}/silent`)).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await probe(`http://127.0.0.1:${port}/`)).toEqual({ kind: 'unreachable', reason: 'ECONNREFUSED' });
  });

  it('turns broken links into warnings linked to their block, at most 8 requests at once', async () => {
    const blocks = [
      { type: 'button', label: 'A', url: `${base}/ok` },
      { type: 'button', label: 'B', url: `${base}/down` },
      { type: 'button', label: 'C', url: `${base}/silent` },
    ];
    const items = await checkLinks([`${base}/ok`, `${base}/down`, `${base}/silent`], probe, blocks);
    expect(items).toEqual([
      expect.objectContaining({ code: 'links', level: 'warning', detail: `${base}/down`, blockIndex: 1 }),
      expect.objectContaining({ level: 'warning', detail: `${base}/silent`, blockIndex: 2 }),
    ]);
    expect(items[0]!.message).toContain('répond 503');
    expect(items[1]!.message).toContain('impossible à vérifier');
    let inFlight = 0;
    let most = 0;
    const counting = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return { kind: 'status' as const, status: 200, url: '' };
    };
    const urls = Array.from({ length: 30 }, (_, i) => `${base}/ok?${i}`);
    expect(await checkLinks(urls, counting, [])).toEqual([expect.objectContaining({ level: 'ok' })]);
    expect(most).toBe(8);
  });
});

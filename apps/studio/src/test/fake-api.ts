import { vi } from 'vitest';

/** One request the studio made, as the server would have read it. */
export type ApiCall = { method: string; path: string; body: unknown; csrf: string | null };

type Handler = (call: ApiCall) => unknown;

/** A JSON answer with a status, e.g. `answer(409, { error: { code: 'CAMPAIGN_STATE', message: '…' } })`. */
export function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export const FAKE_CSRF = 'csrf-test-token';

/**
 * Replaces `fetch` (what api/client.ts calls) with a table of routes, `'POST /api/campaigns/c1/pause'`
 * → a JSON body, a Response, or a function of the call. The session route is answered by default,
 * so writes get their CSRF token; any other route answers 404 NOT_FOUND. The setup file restores
 * the real fetch after each test.
 */
export function fakeApi(routes: Record<string, unknown> = {}) {
  const calls: ApiCall[] = [];
  const table: Record<string, unknown> = {
    'GET /api/session': { csrfToken: FAKE_CSRF, user: { id: 'u1', email: 'camille@example.org', role: 'sender' } },
    ...routes,
  };
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = String(input);
    const headers = new Headers(init.headers);
    const call: ApiCall = {
      method,
      path,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      csrf: headers.get('x-csrf-token'),
    };
    calls.push(call);
    const route = table[`${method} ${path}`];
    if (route === undefined)
      return answer(404, { error: { code: 'NOT_FOUND', message: `no fake for ${method} ${path}` } });
    const result = typeof route === 'function' ? await (route as Handler)(call) : route;
    return result instanceof Response ? result : answer(200, result);
  });
  vi.stubGlobal('fetch', fetch);
  return {
    calls,
    /** the requests that change something (the session read is not one) */
    writes: () => calls.filter((call) => call.method !== 'GET'),
  };
}

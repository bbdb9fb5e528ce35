// Asks whether an address answers: HEAD, then GET when HEAD is refused; redirects followed by hand, loops stopped.

export type ProbeAnswer = { status: number; location?: string | undefined };
/** One HTTP request, body not read: the server answers site links itself, the others go out on the network. */
export type HttpRequester = (url: string, method: 'HEAD' | 'GET', signal: AbortSignal) => Promise<ProbeAnswer>;

export type ProbeResult =
  | { kind: 'status'; status: number; url: string }
  | { kind: 'timeout' }
  | { kind: 'redirect-loop' }
  | { kind: 'unreachable'; reason: string };
export type LinkProbe = (url: string) => Promise<ProbeResult>;

export const PROBE_DEFAULTS = { timeoutMs: 3000, maxRedirects: 5 } as const;

/** fetch without following redirects; the body is dropped unread. */
export const networkRequester: HttpRequester = async (url, method, signal) => {
  const response = await fetch(url, {
    method,
    redirect: 'manual',
    signal,
    headers: { 'user-agent': 'Mozilla/5.0 (compatible; verification-liens)', accept: '*/*' },
  });
  await response.body?.cancel().catch(() => undefined);
  return { status: response.status, location: response.headers.get('location') ?? undefined };
};

const isTimeout = (error: unknown) =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
const reasonOf = (error: unknown) => {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
};

export function createLinkProbe(options: {
  request: HttpRequester;
  timeoutMs?: number;
  maxRedirects?: number;
}): LinkProbe {
  const timeoutMs = options.timeoutMs ?? PROBE_DEFAULTS.timeoutMs;
  const maxRedirects = options.maxRedirects ?? PROBE_DEFAULTS.maxRedirects;
  return async (url) => {
    // one deadline per link, redirects included
    const signal = AbortSignal.timeout(timeoutMs);
    const seen = new Set<string>();
    let current = url;
    try {
      for (let hop = 0; hop <= maxRedirects; hop++) {
        if (seen.has(current)) return { kind: 'redirect-loop' };
        seen.add(current);
        let answer = await options.request(current, 'HEAD', signal);
        // many servers answer HEAD with 403, 404 or 405 while the page itself is fine
        if (answer.status >= 400) answer = await options.request(current, 'GET', signal);
        if (answer.status >= 300 && answer.status < 400 && answer.location) {
          current = new URL(answer.location, current).href;
          continue;
        }
        return { kind: 'status', status: answer.status, url: current };
      }
      return { kind: 'redirect-loop' };
    } catch (error) {
      if (isTimeout(error) || signal.aborted) return { kind: 'timeout' };
      return { kind: 'unreachable', reason: reasonOf(error) };
    }
  };
}

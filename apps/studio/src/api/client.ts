import type { ApiContract, BodyOf, ParamsOf, QueryOf, ResponseOf, RouteKey, Session } from '@crieur/api';
import { routePath, splitKey } from '@crieur/api/client-path';
import { ApiError, apiErrorFrom } from './api-error';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Called on any 401 UNAUTHENTICATED, so the session can send the user to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' || body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'network error');
  }
}

/** GET /api/session; also keeps the CSRF token every later write sends. */
export async function fetchSession(): Promise<Session> {
  const response = await send('GET', '/api/session', undefined);
  if (!response.ok) throw await apiErrorFrom(response);
  const session = (await response.json()) as Session;
  csrfToken = session.csrfToken;
  return session;
}

/** One JSON request to the staff API. Throws ApiError on any non-2xx answer. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  if (method !== 'GET' && csrfToken === null) await fetchSession();
  // an empty JSON body is refused by the server's parser: writes always send an object
  const payload = method === 'GET' ? undefined : (body ?? {});
  let response = await send(method, path, payload);
  if (!response.ok) {
    let error = await apiErrorFrom(response);
    // the token rotates (login, expiry): fetch a fresh one and retry once
    if (error.code === 'CSRF_INVALID') {
      await fetchSession();
      response = await send(method, path, payload);
      if (!response.ok) error = await apiErrorFrom(response);
    }
    if (!response.ok) {
      if (error.code === 'UNAUTHENTICATED') onUnauthenticated?.();
      throw error;
    }
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** What a contract route takes: only the parts it declares, required when the route has them. */
export type CallInput<K extends RouteKey> = (ParamsOf<ApiContract[K]> extends undefined
  ? { params?: undefined }
  : { params: ParamsOf<ApiContract[K]> }) &
  (QueryOf<ApiContract[K]> extends undefined ? { query?: undefined } : { query?: QueryOf<ApiContract[K]> }) &
  (BodyOf<ApiContract[K]> extends undefined ? { body?: undefined } : { body: BodyOf<ApiContract[K]> });

type Args<K extends RouteKey> =
  Record<never, never> extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];

/**
 * Calls one route of the contract (@crieur/api): the key says method and path, the input and the
 * answer are typed from the route's schemas, which the server checks on its side.
 */
export function call<K extends RouteKey>(key: K, ...[input]: Args<K>): Promise<ResponseOf<ApiContract[K]>> {
  const { method, path } = splitKey(key);
  const url = routePath(
    path,
    input?.params as Record<string, string | number> | undefined,
    input?.query as Record<string, unknown> | undefined,
  );
  return api<ResponseOf<ApiContract[K]>>(method, url, input?.body);
}

export type UploadProgress = { loaded: number; total: number };

function xhrSend(
  path: string,
  body: Blob,
  headers: Record<string, string>,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<{ status: number; statusText: string; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : body.size });
    xhr.onload = () => resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    xhr.onabort = () => reject(new ApiError(0, 'NETWORK', 'aborted'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/**
 * POSTs a file's raw bytes (not JSON) with XMLHttpRequest, so the caller can show the upload
 * progress (fetch cannot report it). Same conventions as api(): CSRF header, one retry on
 * CSRF_INVALID, ApiError on any non-2xx answer.
 */
export async function uploadRaw<T>(
  path: string,
  file: File,
  contentType: string,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  if (csrfToken === null) await fetchSession();
  const attempt = () =>
    xhrSend(
      path,
      file,
      {
        accept: 'application/json',
        'content-type': contentType,
        'x-file-name': encodeURIComponent(file.name),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      onProgress,
      signal,
    );
  const toError = (answer: { status: number; statusText: string; text: string }) =>
    apiErrorFrom(
      new Response(answer.text, { status: Math.min(Math.max(answer.status, 400), 599), statusText: answer.statusText }),
    );

  let answer = await attempt();
  if (answer.status >= 200 && answer.status < 300) return (answer.text ? JSON.parse(answer.text) : undefined) as T;
  let error = await toError(answer);
  if (error.code === 'CSRF_INVALID') {
    await fetchSession();
    answer = await attempt();
    if (answer.status >= 200 && answer.status < 300) return (answer.text ? JSON.parse(answer.text) : undefined) as T;
    error = await toError(answer);
  }
  if (error.code === 'UNAUTHENTICATED') onUnauthenticated?.();
  throw error;
}

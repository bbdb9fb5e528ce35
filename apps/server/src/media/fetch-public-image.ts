// Downloads an image from an address staff typed, without letting that address reach inside our network (SSRF).
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import tls from 'node:tls';
import ipaddr from 'ipaddr.js';

export type ImageImportSettings = {
  /** The whole download, redirects included. Default 10 s. */
  timeoutMs: number;
  /** Default 10 MB, as uploads. */
  maxBytes: number;
  /** Default 3; each hop is checked like the first address. */
  maxRedirects: number;
  /** New downloads in one save. Default 10. */
  maxPerSave: number;
  /** Which resolved IP addresses may be contacted. Default: public unicast only. */
  isAllowedAddress: (address: string) => boolean;
  /** A certificate to trust besides Node's list (a test's own server). Default: none. */
  ca?: string;
};

/** Why an image could not be downloaded, in French, for the editor. */
export class ImageFetchError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ImageFetchError';
  }
}

/** Public unicast only: no loopback, private, link-local (cloud metadata), CGNAT, multicast or reserved range. */
export function isPublicAddress(address: string): boolean {
  // process() reads an IPv4-mapped IPv6 address (::ffff:127.0.0.1) as the IPv4 address it carries
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'unicast';
}

export const IMAGE_IMPORT_DEFAULTS: ImageImportSettings = {
  timeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 3,
  maxPerSave: 10,
  isAllowedAddress: isPublicAddress,
};

const TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CERT_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

function checkUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new ImageFetchError("l'adresse n'est pas valable");
  }
  if (url.protocol !== 'https:') throw new ImageFetchError('seules les adresses https:// sont acceptées');
  if (url.username || url.password) throw new ImageFetchError("l'adresse ne doit pas contenir d'identifiants");
  return url;
}

function beforeDeadline<T>(work: Promise<T>, deadline: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new ImageFetchError("le site n'a pas répondu à temps"));
    if (deadline.aborted) return stop();
    deadline.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => deadline.removeEventListener('abort', stop));
  });
}

/** Resolves once and checks every address; the connection then uses only those (no second, rebound answer). */
async function resolvePublic(url: URL, settings: ImageImportSettings, deadline: AbortSignal): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = await beforeDeadline(lookup(host, { all: true, verbatim: true }), deadline).catch((error) => {
    throw error instanceof ImageFetchError ? error : new ImageFetchError('ce site est introuvable');
  });
  if (addresses.length === 0 || !addresses.every((a) => settings.isAllowedAddress(a.address))) {
    throw new ImageFetchError('cette adresse mène à un réseau privé ou local');
  }
  return addresses;
}

function get(url: URL, addresses: LookupAddress[], settings: ImageImportSettings, deadline: AbortSignal) {
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = https.get(url, {
      agent: false,
      lookup: pinned,
      signal: deadline,
      ...(settings.ca ? { ca: [...tls.rootCertificates, settings.ca] } : {}),
      headers: { accept: [...TYPES].join(', '), 'accept-encoding': 'identity' },
    });
    request.on('response', resolve);
    request.on('error', (error: NodeJS.ErrnoException) => reject(connectionError(error, deadline)));
  });
}

function connectionError(error: NodeJS.ErrnoException, deadline: AbortSignal): ImageFetchError {
  if (error instanceof ImageFetchError) return error;
  if (deadline.aborted) return new ImageFetchError("le site n'a pas répondu à temps");
  if (CERT_ERRORS.test(error.code ?? '')) return new ImageFetchError("le certificat HTTPS du site n'est pas valable");
  return new ImageFetchError('la connexion au site a échoué');
}

async function readBody(response: IncomingMessage, settings: ImageImportSettings, deadline: AbortSignal) {
  const mb = settings.maxBytes / 1_048_576;
  const limit = mb >= 1 ? `${Math.round(mb)} Mo` : `${Math.round(settings.maxBytes / 1000)} ko`;
  const tooBig = () => new ImageFetchError(`l'image dépasse ${limit}`);
  if (Number(response.headers['content-length'] ?? 0) > settings.maxBytes) throw tooBig();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > settings.maxBytes) throw tooBig();
      chunks.push(chunk);
    }
  } catch (error) {
    throw connectionError(error as NodeJS.ErrnoException, deadline);
  } finally {
    response.destroy();
  }
  return Buffer.concat(chunks);
}

/** The bytes of an image at an https address on the public Internet, within the size and time limits. */
export async function fetchPublicImage(address: string, settings: ImageImportSettings): Promise<Buffer> {
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  let url = checkUrl(address);
  for (let hop = 0; ; hop++) {
    const response = await get(url, await resolvePublic(url, settings, deadline), settings, deadline);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.destroy();
      if (hop >= settings.maxRedirects) throw new ImageFetchError('le site redirige trop de fois');
      url = checkUrl(new URL(response.headers.location ?? '', url).href);
      continue;
    }
    if (status !== 200) {
      response.destroy();
      throw new ImageFetchError(`le site a répondu par une erreur (${status})`);
    }
    const type = String(response.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (!TYPES.has(type)) {
      response.destroy();
      throw new ImageFetchError("ce n'est pas une image JPEG, PNG, WebP ou GIF");
    }
    return readBody(response, settings, deadline);
  }
}

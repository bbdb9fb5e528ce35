// An outside link asked at the very addresses that were checked: a second, rebound DNS answer never gets a say.
import http from 'node:http';
import https from 'node:https';
import type { LookupAddress } from 'node:dns';
import { lookup as systemLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { PRIVATE_ADDRESS, type HttpRequester } from '@crieur/sending';
import { isPublicAddress } from '../media/fetch-public-image';

export type HostLookup = (host: string) => Promise<LookupAddress[]>;

const defaultLookup: HostLookup = (host) => systemLookup(host, { all: true, verbatim: true });

/** Resolves the host once, refuses private, loopback or link-local answers, then connects only to those. */
export function pinnedPublicRequester(lookupHost: HostLookup = defaultLookup): HttpRequester {
  return async (address, method, signal) => {
    const url = new URL(address);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = ipaddr.isValid(host)
      ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }]
      : await lookupHost(host);
    if (addresses.length === 0 || !addresses.every((a) => isPublicAddress(a.address)))
      throw Object.assign(new Error('private address'), { code: PRIVATE_ADDRESS });
    const pinned: LookupFunction = (_host, options, callback) => {
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    };
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(url, {
        method,
        agent: false,
        lookup: pinned,
        signal,
        headers: { 'user-agent': 'Mozilla/5.0 (compatible; verification-liens)', accept: '*/*' },
      });
      request.on('response', (response) => {
        const location = response.headers.location;
        response.destroy();
        resolve({ status: response.statusCode ?? 0, location: typeof location === 'string' ? location : undefined });
      });
      request.on('error', reject);
      request.end();
    });
  };
}

import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A browser where an account logged in before: a signed cookie listing a marker per account
 * (a hash of its id, so the cookie names no one). It only lets its holder past an account's soft
 * lock, and the password is still checked: a stranger's failures cannot lock the real person out.
 */
export const DEVICE_COOKIE = 'crieur_device';
const MAX_ACCOUNTS = 5;
const MAX_AGE_SECONDS = 365 * 24 * 3600;

function marker(userId: string): string {
  return createHash('sha256').update(`known-device:${userId}`).digest('base64url').slice(0, 16);
}

function markers(request: FastifyRequest): string[] {
  const raw = request.cookies[DEVICE_COOKIE];
  if (!raw || raw.length > 400) return [];
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return [];
  return unsigned.value
    .split('.')
    .filter((m) => /^[A-Za-z0-9_-]{16}$/.test(m))
    .slice(0, MAX_ACCOUNTS);
}

export function isKnownDevice(request: FastifyRequest, userId: string): boolean {
  return markers(request).includes(marker(userId));
}

/** Marks this browser as known for the account, keeping the few other accounts it knows. */
export function rememberDevice(
  request: FastifyRequest,
  reply: FastifyReply,
  input: { userId: string; secure: boolean },
): void {
  const mine = marker(input.userId);
  const kept = [mine, ...markers(request).filter((m) => m !== mine)].slice(0, MAX_ACCOUNTS);
  void reply.setCookie(DEVICE_COOKIE, kept.join('.'), {
    path: '/api/',
    httpOnly: true,
    sameSite: 'strict',
    secure: input.secure,
    signed: true,
    maxAge: MAX_AGE_SECONDS,
  });
}

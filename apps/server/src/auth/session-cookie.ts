import type { FastifyReply, FastifyRequest } from 'fastify';
import { createSession, deleteSession, findActiveSession, touchSession, type Db, type User } from '@crieur/db';
import { hashToken, newToken } from '@crieur/auth';

export const SESSION_COOKIE = 'crieur_session';

export type SessionSettings = {
  /** Idle time after which a session ends. */
  idleMs: number;
  secureCookies: boolean;
};

declare module 'fastify' {
  interface FastifyRequest {
    staff: User | null;
    sessionIdHash: string | null;
  }
}

export async function startSession(
  db: Db,
  reply: FastifyReply,
  input: { userId: string; now: Date; settings: SessionSettings },
): Promise<void> {
  const token = newToken();
  const expiresAt = new Date(input.now.getTime() + input.settings.idleMs);
  await createSession(db, { idHash: hashToken(token), userId: input.userId, now: input.now, expiresAt });
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: input.settings.secureCookies,
    maxAge: Math.floor(input.settings.idleMs / 1000),
  });
}

export async function endSession(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  settings: SessionSettings,
): Promise<void> {
  if (request.sessionIdHash) await deleteSession(db, request.sessionIdHash);
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secureCookies,
  });
}

const TOUCH_EVERY_MS = 60_000;

/** Loads the staff member behind the session cookie, sliding its expiry at most once a minute. */
export async function loadSession(
  db: Db,
  request: FastifyRequest,
  input: { now: Date; settings: SessionSettings },
): Promise<void> {
  request.staff = null;
  request.sessionIdHash = null;
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return;
  const idHash = hashToken(token);
  const session = await findActiveSession(db, { idHash, now: input.now });
  if (!session) return;
  request.staff = session.user;
  request.sessionIdHash = idHash;
  if (input.now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, {
      idHash,
      now: input.now,
      expiresAt: new Date(input.now.getTime() + input.settings.idleMs),
    });
  }
}

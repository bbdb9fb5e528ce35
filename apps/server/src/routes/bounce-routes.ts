// Asynchronous bounces: a mail server's bounce handler POSTs each delivery report (RFC 3464) raw,
// with `Authorization: Bearer <BOUNCE_TOKEN>`. Outside /api: no session, no CSRF, a machine caller.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { recordBounce } from '@crieur/db';
import { NotADsnError, parseDsn } from '@crieur/mailer';
import { ApiError } from '../http/api-error';
import type { RouteContext } from './context';

export const BOUNCE_PATH = '/inbound/bounces';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function bounceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const token = ctx.config.bounceToken;
  app.register(async (scope) => {
    // the report arrives as the raw message, whatever type the caller names
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(BOUNCE_PATH, { config: { rateLimit: { max: 600, timeWindow: 60_000 } } }, async (request) => {
      if (!token)
        throw new ApiError(
          404,
          'NOT_FOUND',
          'La réception des avis de non-remise est désactivée : définissez BOUNCE_TOKEN pour l’activer.',
        );
      const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      // compare digests: equal length, constant time
      if (!timingSafeEqual(digest(given), digest(token)))
        throw new ApiError(401, 'UNAUTHENTICATED', 'Jeton d’accès absent ou incorrect.');
      const raw = request.body;
      if (!Buffer.isBuffer(raw) || raw.length === 0)
        throw new ApiError(400, 'NOT_A_DSN', 'Envoyez l’avis de non-remise tel quel, comme corps de la requête.');
      const dsn = await parseDsn(raw).catch((error: unknown) => {
        if (error instanceof NotADsnError) throw new ApiError(422, 'NOT_A_DSN', error.message);
        throw error;
      });
      const results = [];
      for (const r of dsn.recipients) {
        if (r.kind === 'none') continue;
        const outcome = await recordBounce(ctx.database.db, {
          email: r.email,
          kind: r.kind,
          status: r.status,
          messageId: dsn.originalMessageId,
          now: ctx.now(),
        });
        results.push({
          kind: r.kind,
          status: r.status,
          known: outcome.known,
          suppressed: outcome.suppressed,
          campaign: outcome.campaignId !== null,
        });
      }
      // counts only: the caller already knows the addresses, logs must not
      request.log.info(
        {
          hard: results.filter((r) => r.kind === 'hard').length,
          soft: results.filter((r) => r.kind === 'soft').length,
        },
        'bounce report recorded',
      );
      return { recorded: results };
    });
  });
}

// The inbound intake: a mail server's handler POSTs each message it received for us raw, with
// `Authorization: Bearer <BOUNCE_TOKEN>`: delivery reports (RFC 3464), feedback-loop complaints (ARF, RFC 5965) and
// unsubscribe requests sent to the List-Unsubscribe mailto target. Outside /api: no session, no CSRF, a machine caller.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { NotInboundMailError, parseInbound } from '@crieur/mailer';
import { recordInboundMail } from '@crieur/sending';
import { ApiError } from '../http/api-error';
import type { RouteContext } from './context';

export const BOUNCE_PATH = '/inbound/bounces';
// the same intake under a name that says it takes more than bounces
export const INBOUND_PATH = '/inbound/mail';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function bounceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const token = ctx.config.bounceToken;
  app.register(async (scope) => {
    // the message arrives raw, whatever type the caller names
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    for (const path of [BOUNCE_PATH, INBOUND_PATH])
      scope.post(path, { config: { rateLimit: { max: 600, timeWindow: 60_000 } } }, async (request) => {
        if (!token)
          throw new ApiError(
            404,
            'NOT_FOUND',
            'La réception du courrier entrant (non-remises, signalements, désinscriptions) est désactivée : définissez BOUNCE_TOKEN pour l’activer.',
          );
        const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
        // compare digests: equal length, constant time
        if (!timingSafeEqual(digest(given), digest(token)))
          throw new ApiError(401, 'UNAUTHENTICATED', 'Jeton d’accès absent ou incorrect.');
        const raw = request.body;
        if (!Buffer.isBuffer(raw) || raw.length === 0)
          throw new ApiError(400, 'NOT_A_DSN', 'Envoyez le message reçu tel quel, comme corps de la requête.');
        const message = await parseInbound(raw).catch((error: unknown) => {
          if (error instanceof NotInboundMailError)
            throw new ApiError(
              422,
              'NOT_A_DSN',
              `Ce message n’est ni un avis de non-remise, ni un signalement de spam, ni une demande de désinscription (${error.message}).`,
            );
          throw error;
        });
        const answer = await recordInboundMail(ctx.database.db, message, ctx.now());
        // kinds, counts and flags only: the caller already knows the addresses, logs must not
        request.log.info({ kind: message.kind, outcome: answer }, 'inbound mail recorded');
        return answer;
      });
  });
}

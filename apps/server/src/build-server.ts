import fastifyCookie from '@fastify/cookie';
import { linkKey, linkTokens } from '@crieur/auth';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '@crieur/config';
import { getOrganisation, siteStamp, type Database } from '@crieur/db';
import type { Mailer } from '@crieur/mailer';
import { describeError } from '@crieur/safe-text';
import type { CampaignQueue, MailQueue, PublishingQueue } from '@crieur/queue';
import { DEFAULT_LOGIN_SETTINGS } from './auth/login-throttle';
import { registerAccessControl } from './auth/register-access';
import { loadSession, type SessionSettings } from './auth/session-cookie';
import { ERROR_MESSAGES } from '@crieur/api/error-codes';
import { ApiError } from './http/api-error';
import { registerContract } from './http/contract';
import { registerErrorHandler } from './http/error-handler';
import { IMAGE_IMPORT_DEFAULTS, type ImageImportSettings } from './media/fetch-public-image';
import { registerInputRule } from './http/input-rule';
import { adminRoutes } from './routes/admin-routes';
import { archiveRoutes } from './routes/archive-routes';
import { campaignRoutes } from './routes/campaign-routes';
import { growthRoutes } from './routes/growth-routes';
import { contributionFillRoutes } from './routes/contribution-fill-routes';
import type { LoginSettings, RouteContext, SubscribeSettings } from './routes/context';
import { preferenceRoutes } from './routes/preference-routes';
import { commentRoutes } from './routes/comment-routes';
import { dossierRoutes } from './routes/dossier-routes';
import { editorialRoutes } from './routes/editorial-routes';
import { importRoutes } from './routes/import-routes';
import { mediaRoutes } from './routes/media-routes';
import { readerRoutes } from './routes/reader-routes';
import { searchRoutes } from './routes/search-routes';
import { feedRoutes } from './routes/feed-routes';
import { contributionReaderRoutes } from './routes/contribution-reader-routes';
import { setSiteIdentity, siteIdentityStamp } from './public/site-identity';
import { createContentStamp } from './public/content-stamp';
import { registerPageCache } from './public/page-cache';
import { subscriberRoutes } from './routes/subscriber-routes';
import { subscriptionRoutes } from './routes/subscription-routes';
import { embedRoutes } from './routes/embed-routes';
import { healthRoutes } from './routes/health-routes';
import { invitationRoutes } from './routes/invitation-routes';
import { passwordResetRoutes } from './routes/password-reset-routes';
import { sessionRoutes } from './routes/session-routes';
import { studioRoutes } from './routes/studio-routes';
import { sendingRoutes } from './routes/sending-routes';
import { preflightRoutes } from './routes/preflight-routes';
import { createCampaignPreflight } from './preflight/campaign-preflight';
import { bounceRoutes } from './routes/bounce-routes';
import { queueDashboard } from './routes/queue-dashboard';
import { userRoutes } from './routes/user-routes';
import { organisationRoutes } from './routes/organisation-routes';
import { legalRoutes } from './routes/legal-routes';
import { proposeRoutes, type ProposeSettings } from './routes/propose-routes';
import { contributionRoutes } from './routes/contribution-routes';

export type ServerDeps = {
  config: Config;
  appSecret: string;
  database: Database;
  /** Shared Redis for health and rate limits; absent means in-memory limits. */
  redis?: Redis;
  logger: Logger;
  studioDir: string;
  now?: () => Date;
  login?: Partial<LoginSettings>;
  sessionIdleMs?: number;
  invitationTtlMs?: number;
  /** Where the server queues transactional mail for the workers. */
  mailQueue: MailQueue;
  /** Where scheduled publications wait for the publishing worker. */
  publishingQueue: PublishingQueue;
  subscribe?: Partial<SubscribeSettings>;
  /** Test sends of newsletters; main.ts builds it from SMTP_URL (or the outbox). */
  mailer: Mailer;
  campaignQueue: CampaignQueue;
  /** Tests shorten the limits or trust their own local https server; defaults: IMAGE_IMPORT_DEFAULTS. */
  imageImport?: Partial<ImageImportSettings>;
  /** The « Proposer » form's limits; defaults: PROPOSE_DEFAULTS. */
  propose?: Partial<ProposeSettings>;
};

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const secure = config.publicUrl.startsWith('https://');
  const ctx: RouteContext = {
    config,
    links: linkTokens(linkKey(deps.appSecret)),
    database: deps.database,
    redis: deps.redis,
    logger: deps.logger,
    now: deps.now ?? (() => new Date()),
    session: { idleMs: deps.sessionIdleMs ?? 12 * 3600_000, secureCookies: secure } satisfies SessionSettings,
    login: { ...DEFAULT_LOGIN_SETTINGS, ...deps.login },
    invitationTtlMs: deps.invitationTtlMs ?? 7 * 24 * 3600_000,
    mailQueue: deps.mailQueue,
    publishingQueue: deps.publishingQueue,
    subscribe: { perIpPerMinute: 10, perAddressPerHour: 5, ...deps.subscribe },
    mailer: deps.mailer,
    campaignQueue: deps.campaignQueue,
    imageImport: { ...IMAGE_IMPORT_DEFAULTS, ...deps.imageImport },
  };

  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Mantine writes its CSS variables inline
        // no outside images: each view would hand the reader's IP to a third party; saves copy them to /media
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    hsts: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie, { secret: deps.appSecret });
  await app.register(fastifyFormbody, { bodyLimit: 65_536 });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'crieur_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    // Redis down must not lock staff out: the per-account lock in PostgreSQL still holds
    skipOnError: true,
    ...(deps.redis ? { redis: deps.redis, nameSpace: `${config.redisPrefix}:ratelimit:` } : {}),
    errorResponseBuilder: (_req, context) =>
      new ApiError(429, 'RATE_LIMITED', ERROR_MESSAGES.RATE_LIMITED, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });

  registerErrorHandler(app);
  await registerContract(app, { title: 'ICPC et démocratieS', url: config.publicUrl });
  app.decorateRequest('staff', null);
  app.decorateRequest('sessionIdHash', null);
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/'))
      await loadSession(ctx.database.db, request, { now: ctx.now(), settings: ctx.session });
  });
  registerAccessControl(app, app.csrfProtection);
  registerInputRule(app);
  // public pages answered from memory while nothing they show has changed (after helmet: its headers stay on)
  registerPageCache(
    app,
    createContentStamp({ read: (now) => siteStamp(ctx.database.db, now), now: ctx.now, local: siteIdentityStamp }),
  );

  healthRoutes(app, ctx);
  sessionRoutes(app, ctx);
  userRoutes(app, ctx);
  organisationRoutes(app, ctx);
  legalRoutes(app, ctx);
  invitationRoutes(app, ctx);
  passwordResetRoutes(app, ctx);
  adminRoutes(app, ctx);
  subscriberRoutes(app, ctx);
  importRoutes(app, ctx);
  editorialRoutes(app, ctx);
  commentRoutes(app, ctx);
  dossierRoutes(app, ctx);
  contributionRoutes(app, ctx);
  mediaRoutes(app, ctx);
  readerRoutes(app, ctx);
  searchRoutes(app, ctx);
  feedRoutes(app, ctx);
  contributionReaderRoutes(app, ctx);
  // the association's name on the public pages; kept fresh for changes saved through another server process
  const readIdentity = () =>
    getOrganisation(ctx.database.db)
      .then(setSiteIdentity)
      .catch((error: unknown) => ctx.logger.warn({ err: describeError(error) }, 'organisation not read'));
  await readIdentity();
  const identityTimer = setInterval(() => void readIdentity(), 60_000).unref();
  app.addHook('onClose', async () => clearInterval(identityTimer));
  embedRoutes(app, ctx, subscriptionRoutes(app, ctx));
  preferenceRoutes(app, ctx);
  proposeRoutes(app, ctx, deps.propose);
  campaignRoutes(app, ctx);
  growthRoutes(app, ctx);
  contributionFillRoutes(app, ctx);
  archiveRoutes(app, ctx);
  const preflight = createCampaignPreflight(app, ctx);
  sendingRoutes(app, ctx, preflight);
  preflightRoutes(app, ctx, preflight);
  bounceRoutes(app, ctx);
  await queueDashboard(app, ctx, { queues: [deps.mailQueue, deps.publishingQueue, deps.campaignQueue] });
  await studioRoutes(app, deps.studioDir);
  return app;
}

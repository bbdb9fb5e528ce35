// The public « Proposer » page (issue 17): GET shows it, POST stores an unconfirmed proposal and answers the same
// whatever the address; the confirmation email is queued after the answer. The follow-up page is in propose-suivi.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_MESSAGES } from '@crieur/api/error-codes';
import type { ContributionKind } from '@crieur/api';
import { receiveProposal } from '@crieur/db';
import { enqueueContributionMail, promptly } from '@crieur/queue';
import { ApiError } from '../http/api-error';
import { addressLimit, localLimits } from '../http/address-limit';
import { KIND_PARAMS, parseKindFields, parseProposer, type FormErrors, type RawForm } from '../public/propose-form';
import { PROPOSE_TEXT_VERSION, proposePage, ProposePage, ProposeThanks } from '../public/propose-page';
import type { RouteContext } from './context';
import { MULTIPART_LIMITS, readProposalBody, storeProposalImage } from './propose-image';
import { proposeSuiviRoutes } from './propose-suivi-routes';
import { sendHtml } from './subscribe-handler';

export type ProposeSettings = {
  /** POST /proposer per IP per minute */
  perIpPerMinute: number;
  /** proposals from one address per hour before they are silently dropped (the answer stays the same) */
  perAddressPerHour: number;
};
export const PROPOSE_DEFAULTS: ProposeSettings = { perIpPerMinute: 10, perAddressPerHour: 10 };
// one confirmation email per address per day, counted from the last one the mail server took
export const PROPOSE_RESEND_AFTER_MS = 24 * 3600_000;

function kindOf(value: unknown): ContributionKind | null {
  if (value === 'event' || value === 'job' || value === 'news') return value;
  return typeof value === 'string' ? (KIND_PARAMS[value] ?? null) : null;
}

export function proposeRoutes(app: FastifyInstance, ctx: RouteContext, settings: Partial<ProposeSettings> = {}): void {
  const limits = { ...PROPOSE_DEFAULTS, ...settings };
  const db = ctx.database.db;
  const local = localLimits();
  // the email owed by a proposal, queued once its answer is written (same answer, same time, for every address)
  const owed = new WeakMap<FastifyRequest, string>();

  const formPage = (
    reply: FastifyReply,
    status: number,
    kind: ContributionKind,
    raw: RawForm,
    errors: FormErrors,
    imageLost = false,
  ) =>
    sendHtml(
      reply,
      status,
      proposePage(
        'Proposer une annonce',
        <ProposePage kind={kind} values={raw} errors={errors} imageLost={imageLost} />,
      ),
    );

  // multipart only in this scope: the rest of the site keeps its parsers
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: false, limits: MULTIPART_LIMITS });

    scope.get('/proposer', async (request, reply) => {
      const kind = kindOf((request.query as { type?: unknown }).type);
      return sendHtml(reply, 200, proposePage('Proposer une annonce', <ProposePage kind={kind} />));
    });

    scope.post(
      '/proposer',
      {
        config: { rateLimit: { max: limits.perIpPerMinute, timeWindow: 60_000 } },
        onResponse: async (request) => {
          const id = owed.get(request);
          if (!id) return;
          // Redis down: the row is in PostgreSQL, and the workers' mail rebuild queues its email later
          await promptly(enqueueContributionMail(ctx.mailQueue, [id])).catch((error: Error) =>
            request.log.warn({ reason: error.message }, 'proposal confirmation left to the mail rebuild'),
          );
        },
      },
      async (request, reply) => {
        const { raw, image } = await readProposalBody(request);
        const kind = kindOf(raw.kind);
        if (!kind) return sendHtml(reply, 400, proposePage('Proposer une annonce', <ProposePage kind={null} />));
        const now = ctx.now();
        const fields = parseKindFields(kind, raw, { now, hasImage: Boolean(image) });
        const proposer = parseProposer(raw);
        if (!fields.ok || !proposer.ok) {
          const errors = { ...(fields.ok ? {} : fields.errors), ...(proposer.ok ? {} : proposer.errors) };
          return formPage(reply, 400, kind, raw, errors, Boolean(image));
        }
        // every outcome below answers the same: the page never tells whether an address is known or adherent
        const thanks = () => sendHtml(reply, 202, proposePage('Vérifiez votre boîte mail', <ProposeThanks />));
        if (raw.website) return thanks();
        const limit = await addressLimit(
          { redis: ctx.redis, redisPrefix: ctx.config.redisPrefix, local, now },
          { scope: 'propose', email: proposer.email, ip: request.ip, ...limits },
        );
        if (limit === 'ip') throw new ApiError(429, 'RATE_LIMITED', ERROR_MESSAGES.RATE_LIMITED);
        if (limit === 'address') return thanks();
        let imageMediaId: string | null = null;
        if (image && kind === 'event') {
          const stored = await storeProposalImage(
            { db, dataDir: ctx.config.dataDir, now },
            image,
            fields.values.imageAlt,
          );
          if ('problem' in stored) return formPage(reply, 400, kind, raw, { image: stored.problem }, true);
          imageMediaId = stored.mediaId;
        }
        const { contributionMailId } = await receiveProposal(db, {
          email: proposer.email,
          name: proposer.name,
          values: { ...fields.values, imageMediaId, imageAlt: imageMediaId ? fields.values.imageAlt : '' },
          consent: { textVersion: PROPOSE_TEXT_VERSION, ip: request.ip },
          now,
          resendAfterMs: PROPOSE_RESEND_AFTER_MS,
        });
        if (contributionMailId) owed.set(request, contributionMailId);
        return thanks();
      },
    );

    proposeSuiviRoutes(scope, ctx);
  });
}

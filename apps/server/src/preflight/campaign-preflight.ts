// The preflight's I/O for the server: the saved campaign, the organisation, DNS_SERVERS, and links asked of
// the site itself (PUBLIC_URL) or of the network.
import type { FastifyInstance } from 'fastify';
import { findCampaignContent, getOrganisation, NotFoundError } from '@crieur/db';
import {
  createDnsResolve,
  createLinkProbe,
  networkRequester,
  runPreflight,
  type HttpRequester,
  type PreflightCode,
  type PreflightItem,
  type SendingHost,
} from '@crieur/sending';
import { ApiError } from '../http/api-error';
import type { RouteContext } from '../routes/context';
import { pinnedPublicRequester, type HostLookup } from './pinned-requester';

export type CampaignPreflight = {
  /** Every check, links and DNS included: the studio's checklist. */
  full(campaignId: string): Promise<{ items: PreflightItem[]; version: number }>;
  /**
   * Only what blocks, without asking links, SPF or DMARC: throws CAMPAIGN_NOT_READY or 422 PREFLIGHT_BLOCKED.
   * Returns the codes of the warnings this shorter run found (long subject, size, DKIM unsigned…), for the audit.
   */
  assertSendable(campaignId: string): Promise<PreflightCode[]>;
};

const LAUNCHABLE = ['draft', 'scheduled', 'held'];

const sendingHostOf = (smtpUrl: string | undefined): SendingHost =>
  smtpUrl ? { kind: 'smtp', host: new URL(smtpUrl).hostname } : { kind: 'outbox' };

/**
 * Links to the site are asked of the server itself (no network, no proxy); the others go out to public addresses
 * only, resolved once and pinned, unless PREFLIGHT_PRIVATE_LINKS (each redirect target is checked again at its hop).
 */
export function siteOrNetwork(
  app: FastifyInstance,
  publicUrl: string,
  options: { privateLinks: boolean; lookup?: HostLookup } = { privateLinks: false },
): HttpRequester {
  const outside = options.privateLinks ? networkRequester : pinnedPublicRequester(options.lookup);
  return async (url, method, signal) => {
    if (url !== publicUrl && !url.startsWith(`${publicUrl}/`) && !url.startsWith(`${publicUrl}?`))
      return outside(url, method, signal);
    const answer = await app.inject({ method, url: url.slice(publicUrl.length) || '/' });
    const location = answer.headers.location;
    return { status: answer.statusCode, location: typeof location === 'string' ? location : undefined };
  };
}

export function createCampaignPreflight(app: FastifyInstance, ctx: RouteContext): CampaignPreflight {
  const db = ctx.database.db;
  const resolve = createDnsResolve({ servers: ctx.config.dnsServers });
  const probe = createLinkProbe({
    request: siteOrNetwork(app, ctx.config.publicUrl, { privateLinks: ctx.config.preflightPrivateLinks }),
  });
  const run = async (campaignId: string, full: boolean) => {
    const campaign = await findCampaignContent(db, campaignId);
    if (!campaign) throw new NotFoundError('campaign', campaignId);
    // a campaign already on its way: the send answers `started: false` as before, nothing to check
    if (!full && !LAUNCHABLE.includes(campaign.status)) return { items: [], notReady: null, version: campaign.version };
    const report = await runPreflight(campaign, {
      publicUrl: ctx.config.publicUrl,
      db,
      mailFrom: ctx.config.mailFrom,
      organisation: await getOrganisation(db),
      dkim: ctx.config.dkim,
      sendingHost: sendingHostOf(ctx.config.smtpUrl),
      resolve,
      // past events and closed offers only warn: the send's own check leaves them out
      ...(full ? { probe, now: ctx.now() } : { blockingOnly: true }),
    });
    return { ...report, version: campaign.version };
  };
  return {
    full: async (campaignId) => run(campaignId, true),
    assertSendable: async (campaignId) => {
      const report = await run(campaignId, false);
      const blocks = report.items.filter((item) => item.level === 'block');
      // content the strict compile refuses (an empty subject, a block half filled) keeps its own answer,
      // CAMPAIGN_NOT_READY with the problems block by block, unless the preflight found more than that
      const ownBlocks = blocks.filter((item) => item.code !== 'content-invalid' && item.code !== 'subject');
      if (report.notReady && ownBlocks.length === 0) throw report.notReady;
      if (blocks.length > 0)
        throw new ApiError(
          422,
          'PREFLIGHT_BLOCKED',
          `Des vérifications bloquent l’envoi\u00a0: ${blocks.map((b) => b.message).join('\u202f; ')}`,
          { items: blocks },
        );
      return [...new Set(report.items.filter((item) => item.level === 'warning').map((item) => item.code))];
    },
  };
}

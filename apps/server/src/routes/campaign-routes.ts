import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fieldLabel, Uuid, validationSummary, type BlockError } from '@crieur/api';
import { EMPTY_DOC } from '@crieur/content';
import {
  appendAudit,
  CampaignNotEditableError,
  createCampaign,
  deleteDraft,
  duplicateCampaign,
  EditConflictError,
  findCampaign,
  findCampaignContent,
  getOrganisation,
  listCampaigns,
  listLists,
  sentCounts,
  UnknownListError,
  updateCampaignDraft,
  type CampaignWithLists,
  type List,
} from '@crieur/db';
import { createDkimSigner, InvalidMessageError, SmtpSendError } from '@crieur/mailer';
import { loadNewsletterTemplates, SECTION_TITLES, type NewsletterKind } from '@crieur/newsletter';
import { requireStaff } from '../auth/register-access';
import { ApiError, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import { compileStrict, renderPreview, type RenderSettings } from './campaign-render';
import { campaignSearchRoutes } from './campaign-search';
import { campaignSlugBase } from './campaign-slug';
import { createTestBudget, TEST_BUDGET } from './campaign-test-budget';
import { testMessages } from './campaign-test-message';
import { campaignDetail, campaignSummary } from './campaign-views';
import type { RouteContext } from './context';

// a new issue starts from the usual shape of its newsletter
const SKELETONS: Record<NewsletterKind, unknown[]> = {
  membres: [
    { type: 'edito', doc: EMPTY_DOC },
    { type: 'sectionTitle', text: 'démocratieS' },
    // the members' news block carries its own heading: no separate section title above it
    { type: 'membersNews', title: SECTION_TITLES.membersNews, items: [{ title: '', text: '' }] },
  ],
  adherents: [{ type: 'edito', doc: EMPTY_DOC }],
  democraties: [{ type: 'edito', doc: EMPTY_DOC }],
};
// one editing session is one audit entry, not one per autosave
const EDIT_SESSION_MS = 30 * 60_000;
const TEST_SENDS_PER_USER = 10;

export function campaignRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  // read once at start: a preview then never touches the disk
  const settings: RenderSettings = { publicUrl: ctx.config.publicUrl, templates: loadNewsletterTemplates(), db };
  // signed as the workers sign campaign mail; the key is parsed once
  const dkim = ctx.config.dkim ? createDkimSigner(ctx.config.dkim) : undefined;

  const testBudget = createTestBudget({
    redis: ctx.redis,
    prefix: ctx.config.redisPrefix,
    settings: TEST_BUDGET,
    now: ctx.now,
  });

  const load = async (id: string): Promise<CampaignWithLists> => {
    const campaign = await findCampaign(db, id);
    if (!campaign) throw notFound('Campaign');
    return campaign;
  };
  /** The lists by slug, or a 400 naming the unknown ones; none given means the kind's own list. */
  const resolveLists = async (kind: NewsletterKind, slugs: string[]): Promise<List[]> => {
    const all = await listLists(db);
    const wanted = slugs.length ? slugs : [kind];
    const unknown = wanted.filter((slug) => !all.some((l) => l.slug === slug));
    if (unknown.length) throw unknownLists(unknown);
    return wanted.map((slug) => all.find((l) => l.slug === slug)!);
  };
  const domainError = (error: unknown): never => {
    if (error instanceof CampaignNotEditableError)
      throw new ApiError(
        409,
        'CAMPAIGN_NOT_EDITABLE',
        `Cette lettre n’est plus un brouillon (${error.status}) : seuls les brouillons se modifient.`,
        {
          status: error.status,
        },
      );
    if (error instanceof UnknownListError) throw unknownLists(error.slugs);
    throw error;
  };

  handle(app, 'GET /api/campaigns', async ({ query: { status } }) => {
    const rows = await listCampaigns(db, { status });
    const sent = await sentCounts(
      db,
      rows.map((c) => c.id),
    );
    return { campaigns: rows.map((c) => ({ ...campaignSummary(c), sentCount: sent.get(c.id) ?? 0 })) };
  });

  handle(app, 'POST /api/campaigns', async ({ body }, request, reply) => {
    const staff = requireStaff(request);
    const now = ctx.now();
    const all = await listLists(db);
    // the kind's own list by default, if it still exists
    const lists = body.lists ?? all.filter((l) => l.slug === body.kind).map((l) => l.slug);
    const campaign = await createCampaign(db, {
      kind: body.kind,
      slugBase: campaignSlugBase({ subject: '', kind: body.kind, at: now }),
      lists,
      blocks: SKELETONS[body.kind],
      userId: staff.id,
      now,
    }).catch(domainError);
    await appendAudit(db, {
      action: 'campaign_created',
      actorId: staff.id,
      targetType: 'campaign',
      targetId: campaign.id,
      data: { kind: body.kind },
      ip: request.ip,
    });
    return reply.status(201).send({ campaign: campaignDetail(campaign) });
  });

  handle(app, 'GET /api/campaigns/:id', async ({ params }) => ({
    campaign: campaignDetail(await load(campaignId(params.id))),
  }));

  handle(app, 'PUT /api/campaigns/:id', async ({ params, body }, request) => {
    const staff = requireStaff(request);
    const id = campaignId(params.id);
    const before = await load(id);
    const now = ctx.now();
    let campaign: CampaignWithLists;
    try {
      campaign = await updateCampaignDraft(db, {
        id,
        version: body.version,
        fields: {
          kind: body.kind,
          subject: body.subject,
          preheader: body.preheader,
          fromName: body.fromName,
          replyTo: body.replyTo.trim(),
          blocks: body.blocks,
        },
        lists: body.lists,
        slugBase: campaignSlugBase({ subject: body.subject, kind: body.kind, at: now }),
        userId: staff.id,
        now,
      });
    } catch (error) {
      if (error instanceof EditConflictError) {
        throw new ApiError(409, 'EDIT_CONFLICT', 'Quelqu’un d’autre a enregistré cette lettre entre-temps.', {
          current: campaignDetail(await load(id)),
        });
      }
      return domainError(error);
    }
    if (before.updatedBy !== staff.id || now.getTime() - before.updatedAt.getTime() > EDIT_SESSION_MS) {
      await appendAudit(db, {
        action: 'campaign_edited',
        actorId: staff.id,
        targetType: 'campaign',
        targetId: id,
        ip: request.ip,
      });
    }
    return { campaign: campaignDetail(campaign) };
  });

  handle(app, 'DELETE /api/campaigns/:id', async ({ params }, request, reply) => {
    const staff = requireStaff(request);
    const id = campaignId(params.id);
    const campaign = await load(id);
    await deleteDraft(db, id).catch(domainError);
    await appendAudit(db, {
      action: 'campaign_deleted',
      actorId: staff.id,
      targetType: 'campaign',
      targetId: id,
      data: { kind: campaign.kind, subject: campaign.subject },
      ip: request.ip,
    });
    return reply.status(204).send();
  });

  handle(app, 'POST /api/campaigns/:id/duplicate', async ({ params }, request, reply) => {
    const staff = requireStaff(request);
    const id = campaignId(params.id);
    const source = await load(id);
    const now = ctx.now();
    const subject = source.subject ? `${source.subject} (copie)` : '';
    const campaign = await duplicateCampaign(db, {
      id,
      slugBase: campaignSlugBase({ subject, kind: source.kind, at: now }),
      userId: staff.id,
      now,
    });
    await appendAudit(db, {
      action: 'campaign_duplicated',
      actorId: staff.id,
      targetType: 'campaign',
      targetId: campaign.id,
      data: { from: id },
      ip: request.ip,
    });
    return reply.status(201).send({ campaign: campaignDetail(campaign) });
  });

  handle(app, 'POST /api/campaigns/preview', async ({ body }) => {
    const lists = await resolveLists(body.kind, body.lists);
    const { kind, subject, preheader, blocks } = body;
    return renderPreview({ kind, subject, preheader, blocks, lists }, settings);
  });

  handle(
    app,
    'POST /api/campaigns/:id/test',
    // each test is a real message from our domain: a stolen session must not turn it into a spam cannon
    {
      config: {
        rateLimit: {
          max: TEST_SENDS_PER_USER,
          timeWindow: 10 * 60_000,
          keyGenerator: (request) => `campaign-test:${request.staff?.id ?? request.ip}`,
        },
      },
    },
    async ({ params, body }, request, reply) => {
      const staff = requireStaff(request);
      const id = campaignId(params.id);
      // split, trimmed and deduplicated by the contract (TestSendBody)
      const addresses = body.addresses;
      const budget = await testBudget.check(staff.id, addresses.length);
      if (!budget.allowed) throw tooManyTests(budget.retryAfterSeconds);
      // the campaign as the real send reads it: every list, in the same order
      const campaign = await findCampaignContent(db, id);
      if (!campaign) throw notFound('Campaign');
      const replyTo =
        campaign.replyTo && !z.email().safeParse(campaign.replyTo).success
          ? [{ path: 'replyTo', message: 'Adresse de réponse invalide' }]
          : [];
      const compiled = await compileStrict(campaign, settings);
      if (!compiled.ok || replyTo.length) {
        const { blockErrors = [], fieldErrors = [], mjmlErrors = [] } = compiled.ok ? {} : compiled;
        throw new ApiError(422, 'NEWSLETTER_INVALID', notReadyMessage(blockErrors, [...fieldErrors, ...replyTo]), {
          blockErrors,
          fieldErrors: [...fieldErrors, ...replyTo],
          mjmlErrors,
        });
      }
      const { html, text } = compiled.compiled;
      let sent = 0;
      try {
        // a draft has no web token yet: its "voir en ligne" link is the issue's archive address
        const messages = testMessages({
          campaign: { ...campaign, html, text, webToken: null },
          addresses,
          settings: {
            publicUrl: ctx.config.publicUrl,
            mailFrom: ctx.config.mailFrom,
            dkim,
            organisation: await getOrganisation(db),
          },
          now: ctx.now(),
        });
        for (const message of messages) {
          await ctx.mailer.sendRaw(message);
          sent++;
        }
      } catch (error) {
        throw testSendError(error, sent) ?? error;
      } finally {
        await testBudget.record(staff.id, sent);
        // never the addresses: only how many and where
        const data = { count: sent, of: addresses.length, via: ctx.mailer.kind };
        const target = { targetType: 'campaign' as const, targetId: id };
        await appendAudit(db, { action: 'campaign_test_sent', actorId: staff.id, ...target, data, ip: request.ip });
      }
      return reply.status(202).send({ sent, outbox: ctx.mailer.kind === 'outbox' });
    },
  );

  campaignSearchRoutes(app, ctx);
}

// ids are uuids: anything else names no campaign (and would make PostgreSQL fail the cast)
function campaignId(id: string): string {
  if (!Uuid.safeParse(id).success) throw notFound('Campaign');
  return id;
}

function unknownLists(slugs: string[]): ApiError {
  const message = `${slugs.length > 1 ? 'Listes inconnues' : 'Liste inconnue'} : ${slugs.join(', ')}.`;
  return new ApiError(400, 'VALIDATION', validationSummary([{ path: ['lists'], message }]), {
    issues: slugs.map((slug) => ({ path: 'lists', message: `Liste inconnue : ${slug}.` })),
    unknownLists: slugs,
  });
}

/** The 422's sentence names the first problem and its place, so an API user needs no list to know where to look. */
function notReadyMessage(blockErrors: BlockError[], fieldErrors: { path: string; message: string }[]): string {
  const first = blockErrors[0]
    ? `${blockErrors[0].where ?? `bloc ${blockErrors[0].index + 1}`} : ${blockErrors[0].message}`
    : fieldErrors[0]
      ? `${fieldLabel([fieldErrors[0].path])} : ${fieldErrors[0].message}`
      : undefined;
  if (!first) return 'La lettre n’est pas prête : corrigez les erreurs signalées.';
  const more = blockErrors.length + fieldErrors.length - 1;
  const rest = more > 0 ? ` (et ${more} ${more > 1 ? 'autres erreurs' : 'autre erreur'})` : '';
  return `La lettre n’est pas prête : ${first.replace(/[.\s]+$/, '')}${rest}.`;
}

function tooManyTests(retryAfterSeconds: number): ApiError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const message =
    `Trop de messages de test : ${TEST_BUDGET.messages} au plus en ${TEST_BUDGET.windowMs / 60_000} minutes. ` +
    `Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
  return new ApiError(429, 'RATE_LIMITED', message, { retryAfterSeconds });
}

/** What staff can act on, in French; the server's reply may quote an address, so it stays out. */
function testSendError(error: unknown, sent: number): ApiError | undefined {
  if (error instanceof InvalidMessageError)
    return new ApiError(422, 'NEWSLETTER_INVALID', `Le message de test est invalide : ${error.issues.join(' ; ')}`, {
      sent,
      blockErrors: [],
      fieldErrors: [],
      mjmlErrors: [],
    });
  if (error instanceof SmtpSendError) {
    const status = [error.code, error.enhancedCode].filter(Boolean).join(' ');
    const message = status
      ? `Le serveur d’envoi a refusé le message (${status}). Vérifiez que l’adresse d’expédition (MAIL_FROM) est autorisée sur ce serveur et que l’adresse de test existe.`
      : 'Le serveur d’envoi ne répond pas. Vérifiez SMTP_URL (hôte, port, identifiants) et que le serveur est joignable.';
    return new ApiError(502, 'SMTP_FAILED', message, {
      sent,
      smtpCode: error.code ?? null,
      enhancedCode: error.enhancedCode ?? null,
    });
  }
  return undefined;
}

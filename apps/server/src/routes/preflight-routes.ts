// « Vérifications avant envoi »: the checklist of the saved campaign, asked by the composer and the send dialog.
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '@crieur/db';
import { handle } from '../http/contract-route';
import { notFound } from '../http/api-error';
import type { CampaignPreflight } from '../preflight/campaign-preflight';
import type { RouteContext } from './context';

export function preflightRoutes(app: FastifyInstance, ctx: RouteContext, preflight: CampaignPreflight): void {
  handle(app, 'POST /api/campaigns/:id/preflight', async ({ params: { id } }) => {
    const checkedAt = ctx.now().toISOString();
    const report = await preflight.full(id).catch((error: unknown) => {
      if (error instanceof NotFoundError) throw notFound('Campaign');
      throw error;
    });
    return { items: report.items, version: report.version, checkedAt };
  });
}

import type { FastifyInstance } from 'fastify';
import { appendAudit, getOrganisation, onboardingStatus, setOrganisationName } from '@crieur/db';
import { requireStaff } from '../auth/register-access';
import { handle } from '../http/contract-route';
import type { RouteContext } from './context';

const organisationView = (o: { name: string; updatedAt: Date | null }) => ({
  name: o.name,
  updatedAt: o.updatedAt?.toISOString() ?? null,
});

/** The organisation's identity (issue 15 adds address, sender, logo, banners) and the first-run checklist. */
export function organisationRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  handle(app, 'GET /api/organisation', async () => ({ organisation: organisationView(await getOrganisation(db)) }));

  handle(app, 'PUT /api/organisation', async ({ body }, request) => {
    const admin = requireStaff(request);
    const before = await getOrganisation(db);
    const organisation = await setOrganisationName(db, { name: body.name, now: ctx.now() });
    if (before.name !== organisation.name) {
      await appendAudit(db, {
        action: 'organisation_renamed',
        actorId: admin.id,
        targetType: 'organisation',
        data: { from: before.name, to: organisation.name },
        ip: request.ip,
      });
    }
    return { organisation: organisationView(organisation) };
  });

  handle(app, 'GET /api/onboarding', async () => {
    const s = await onboardingStatus(db);
    const steps = [
      { step: 'organisation' as const, done: s.organisationNamed },
      { step: 'team' as const, done: s.teamInvited },
      { step: 'import' as const, done: s.listImported },
      { step: 'article' as const, done: s.articleWritten },
      { step: 'testLetter' as const, done: s.testLetterSent },
    ];
    return { steps, allDone: steps.every((x) => x.done) };
  });
}

import type { FastifyInstance } from 'fastify';
import type { IdentityImage, NewsletterBranding, Organisation } from '@crieur/api';
import {
  appendAudit,
  getMedia,
  getNewsletterBranding,
  getOrganisation,
  listNewsletterBrandings,
  onboardingStatus,
  updateNewsletterBranding,
  updateOrganisation,
  type Db,
  type NewsletterBranding as BrandingRow,
  type Organisation as OrganisationRow,
} from '@crieur/db';
import { requireStaff } from '../auth/register-access';
import { notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import { fieldError } from '../http/field-error';
import { mediaUrl } from './media-routes';
import type { RouteContext } from './context';
import { setSiteIdentity } from '../public/site-identity';

/** The login and invitation pages read the name before anyone signs in: cheap, but not a free-for-all. */
export const PUBLIC_NAME_PER_IP_PER_MINUTE = 60;

const MISSING_IMAGE = 'Cette image n’est pas (ou plus) dans la médiathèque : choisissez-en une autre.';

async function imageView(db: Db, id: string | null): Promise<IdentityImage | null> {
  const row = id ? await getMedia(db, id) : null;
  return row ? { id: row.id, url: mediaUrl(row.id, 'w800'), alt: row.alt } : null;
}

async function organisationView(db: Db, o: OrganisationRow): Promise<Organisation> {
  const { logoMediaId, updatedAt, ...text } = o;
  return { ...text, logo: await imageView(db, logoMediaId), updatedAt: updatedAt?.toISOString() ?? null };
}

async function brandingView(db: Db, b: BrandingRow): Promise<NewsletterBranding> {
  const { bannerMediaId, updatedAt, titleFont, ...text } = b;
  return {
    ...text,
    titleFont: titleFont === 'serif' ? 'serif' : 'sans',
    banner: await imageView(db, bannerMediaId),
    updatedAt: updatedAt.toISOString(),
  };
}

/** The names of the fields whose value a save changed (audited by name only: no values, no addresses). */
function changedFields<T extends Record<string, unknown>>(before: T, after: T, keys: readonly (keyof T)[]): string[] {
  return keys.filter((k) => before[k] !== after[k]).map(String);
}

const ORGANISATION_FIELDS = ['name', 'postalAddress', 'senderName', 'senderEmail', 'replyTo', 'logoMediaId'] as const;
const BRANDING_FIELDS = [
  'title',
  'kicker',
  'tagline',
  'accent',
  'tint',
  'titleFont',
  'bannerMediaId',
  'identity',
  'notice',
  'welcomeText',
] as const;

/** The organisation's identity, each newsletter's branding, and the first-run checklist. */
export function organisationRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  const requireImage = async (field: string, id: string | null | undefined) => {
    if (id && !(await getMedia(db, id))) throw fieldError(field, MISSING_IMAGE);
  };

  handle(app, 'GET /api/organisation', async () => ({
    organisation: await organisationView(db, await getOrganisation(db)),
  }));

  handle(
    app,
    'GET /api/organisation/public',
    { config: { rateLimit: { max: PUBLIC_NAME_PER_IP_PER_MINUTE, timeWindow: 60_000 } } },
    async () => {
      const o = await getOrganisation(db);
      const logo = await imageView(db, o.logoMediaId);
      return { organisation: { name: o.name, logo: logo && { url: mediaUrl(logo.id, 'w400'), alt: logo.alt } } };
    },
  );

  handle(app, 'PUT /api/organisation', async ({ body }, request) => {
    const admin = requireStaff(request);
    await requireImage('logoMediaId', body.logoMediaId);
    const before = await getOrganisation(db);
    const after = await updateOrganisation(db, body, ctx.now());
    setSiteIdentity(after);
    const fields = changedFields(before, after, ORGANISATION_FIELDS);
    // a rename alone keeps its own sentence (the first-run checklist's step)
    const renamed = before.name !== after.name ? { from: before.name, to: after.name } : {};
    if (fields.length > 0) {
      await appendAudit(db, {
        action: fields.length === 1 && fields[0] === 'name' ? 'organisation_renamed' : 'organisation_updated',
        actorId: admin.id,
        targetType: 'organisation',
        data: { fields, ...renamed },
        ip: request.ip,
      });
    }
    return { organisation: await organisationView(db, after) };
  });

  handle(app, 'GET /api/newsletters/branding', async () => ({
    brandings: await Promise.all((await listNewsletterBrandings(db)).map((b) => brandingView(db, b))),
  }));

  handle(app, 'PUT /api/newsletters/:kind/branding', async ({ params: { kind }, body }, request) => {
    const admin = requireStaff(request);
    await requireImage('bannerMediaId', body.bannerMediaId);
    const before = await getNewsletterBranding(db, kind);
    const after = before ? await updateNewsletterBranding(db, kind, body, ctx.now()) : null;
    if (!before || !after) throw notFound('Newsletter');
    const fields = changedFields(before, after, BRANDING_FIELDS);
    if (fields.length > 0) {
      await appendAudit(db, {
        action: 'newsletter_branding_updated',
        actorId: admin.id,
        targetType: 'newsletter',
        targetId: kind,
        data: { fields },
        ip: request.ip,
      });
    }
    return { branding: await brandingView(db, after) };
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

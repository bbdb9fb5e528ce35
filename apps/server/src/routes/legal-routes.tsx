// The legal pages: admins edit them through the API; readers get /mentions-legales, /confidentialite and /contact.
import type { FastifyInstance } from 'fastify';
import { legalFieldsSchema, LEGAL_SLUGS, type LegalPage, type LegalSlug } from '@crieur/api';
import { frenchTypography, renderWebHtml, type ArticleDoc } from '@crieur/content';
import {
  getLegalPage,
  getOrganisation,
  listLegalPages,
  listLists,
  updateLegalPage,
  type Db,
  type LegalPage as LegalPageRow,
} from '@crieur/db';
import { requireStaff } from '../auth/register-access';
import { ApiError, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import { sendCached } from '../http/send-cached';
import { renderPage } from '../public/layout';
import { LegalPageView } from '../public/legal-pages';
import { privacyFacts, type PrivacyFactsInput } from '../public/privacy-facts';
import type { RouteContext } from './context';

const view = (row: LegalPageRow): LegalPage => ({
  slug: row.slug,
  title: row.title,
  body: row.body as ArticleDoc,
  fields: row.fields,
  path: `/${row.slug}`,
  updatedAt: row.updatedAt.toISOString(),
});

/** SMTP_URL's host alone (never its user or password); null when mail stays in the outbox. */
function smtpHost(smtpUrl: string | undefined): string | null {
  if (!smtpUrl) return null;
  try {
    return new URL(smtpUrl).hostname || null;
  } catch {
    return null;
  }
}

/** The facts the privacy page is generated from: the lists in the database, the settings this server runs with. */
async function privacyInput(db: Db, ctx: RouteContext, fields: Record<string, string>, orgName: string) {
  const [lists, mentions] = await Promise.all([listLists(db), getLegalPage(db, 'mentions-legales')]);
  return {
    organisationName: orgName,
    lists: lists.map((l) => ({ name: l.name, visibility: l.visibility, legalBasis: l.legalBasis })),
    smtpHost: smtpHost(ctx.config.smtpUrl),
    staffSessionIdleMs: ctx.session.idleMs,
    controller: fields.controller,
    // no address of its own: the contact address of the mentions légales, so readers always have one
    privacyEmail: fields.privacyEmail || mentions?.fields.email,
    dpo: fields.dpo,
    hostName: mentions?.fields.hostName,
  } satisfies PrivacyFactsInput;
}

export function legalRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  handle(app, 'GET /api/legal-pages', async () => ({ pages: (await listLegalPages(db)).map(view) }));

  handle(app, 'PUT /api/legal-pages/:slug', async ({ params: { slug }, body }, request) => {
    const admin = requireStaff(request);
    // the fields depend on the page: checked here, each message naming its field in French
    const fields = legalFieldsSchema(slug).safeParse(body.fields);
    if (!fields.success) {
      const issues = fields.error.issues.map((i) => ({ path: ['fields', ...i.path].join('.'), message: i.message }));
      throw new ApiError(400, 'VALIDATION', issues.map((i) => i.message).join(' '), { issues });
    }
    if (!(await getLegalPage(db, slug))) throw notFound('Page');
    const saved = await updateLegalPage(db, {
      slug,
      title: body.title,
      body: body.body as unknown as Record<string, unknown>,
      fields: fields.data,
      userId: admin.id,
      ip: request.ip,
      now: ctx.now(),
    });
    return { page: view(saved) };
  });

  for (const slug of LEGAL_SLUGS) {
    app.get(`/${slug}`, async (request, reply) => {
      const [page, org] = await Promise.all([getLegalPage(db, slug), getOrganisation(db)]);
      if (!page) return reply.callNotFound();
      const organisation = {
        name: org.name.trim() || 'l’association',
        postalAddress: org.postalAddress,
        replyTo: org.replyTo,
      };
      const privacy =
        slug === 'confidentialite'
          ? privacyFacts(await privacyInput(db, ctx, page.fields, organisation.name))
          : undefined;
      const data = {
        slug: slug as LegalSlug,
        title: page.title,
        bodyHtml: renderWebHtml(page.body as ArticleDoc),
        fields: page.fields,
        updatedAt: page.updatedAt,
      };
      const html = renderPage(
        frenchTypography(page.title),
        <LegalPageView page={data} org={organisation} privacy={privacy} />,
        {
          indexable: true,
        },
      );
      return sendCached(request, reply, html);
    });
  }
}

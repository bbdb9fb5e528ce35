// « Mes propositions » at /proposer/suivi/:token: the link of every proposer email. The token in the path is the
// secret (as for /preferences/:token); POSTs also refuse another site's Origin, and answer with a redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hashToken } from '@crieur/auth';
import {
  confirmProposals,
  findProposerByLink,
  listProposerContributions,
  resubmitProposal,
  withdrawProposal,
  type ProposerContribution,
} from '@crieur/db';
import { rawFromBody, rawFromRow, parseKindFields, type FormErrors, type RawForm } from '../public/propose-form';
import { proposePage } from '../public/propose-page';
import { ResubmitPage, SuiviLinkInvalid, SuiviPage } from '../public/propose-suivi-page';
import type { RouteContext } from './context';
import { sendHtml } from './subscribe-handler';
import { Token } from './subscription-routes';

// a person reading and acting on their own proposals needs a few requests a minute; a token guesser needs millions
export const SUIVI_PER_IP_PER_MINUTE = 60;
const limited = { config: { rateLimit: { max: SUIVI_PER_IP_PER_MINUTE, timeWindow: 60_000 } } };

const SuiviAction = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('confirm'),
    ids: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(500)),
  }),
  z.object({ action: z.literal('withdraw'), id: z.uuid() }),
  z.object({ action: z.literal('resubmit'), id: z.uuid() }),
]);
type SuiviAction = z.infer<typeof SuiviAction>;

const SuiviQuery = z.object({
  fait: z.string().max(20).optional(),
  modifier: z.uuid().optional().catch(undefined),
});

/** A browser posting from another site names it in Origin (or Sec-Fetch-Site): refused, nothing changes. */
function fromAnotherSite(request: FastifyRequest, publicUrl: string): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  return origin === 'null' || origin !== new URL(publicUrl).origin;
}

export function proposeSuiviRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const path = (token: string) => `/proposer/suivi/${encodeURIComponent(token)}`;
  const invalid = (reply: FastifyReply) => sendHtml(reply, 410, proposePage('Lien expiré', <SuiviLinkInvalid />));

  const proposerOf = async (request: FastifyRequest) => {
    const token = Token.safeParse((request.params as { token: string }).token);
    if (!token.success) return null;
    const proposer = await findProposerByLink(db, { tokenHash: hashToken(token.data), now: ctx.now() });
    return proposer && { ...proposer, token: token.data };
  };

  const resubmitPage = (
    reply: FastifyReply,
    status: number,
    token: string,
    proposal: ProposerContribution,
    values: RawForm,
    errors?: FormErrors,
  ) =>
    sendHtml(
      reply,
      status,
      proposePage(
        'Modifier ma proposition',
        <ResubmitPage token={token} proposal={proposal} values={values} errors={errors} />,
      ),
    );

  app.get('/proposer/suivi/:token', limited, async (request, reply) => {
    const proposer = await proposerOf(request);
    if (!proposer) return invalid(reply);
    const query = SuiviQuery.safeParse(request.query ?? {});
    const { fait, modifier } = query.success ? query.data : {};
    const proposals = await listProposerContributions(db, { proposerId: proposer.proposerId });
    const editing = modifier && proposals.find((p) => p.id === modifier && p.status === 'changes_requested');
    if (editing) return resubmitPage(reply, 200, proposer.token, editing, rawFromRow(editing));
    return sendHtml(
      reply,
      200,
      proposePage(
        'Mes propositions',
        <SuiviPage token={proposer.token} email={proposer.email} proposals={proposals} now={ctx.now()} done={fait} />,
      ),
    );
  });

  app.post('/proposer/suivi/:token', limited, async (request, reply) => {
    if (fromAnotherSite(request, ctx.config.publicUrl))
      return sendHtml(reply, 403, proposePage('Formulaire refusé', <SuiviLinkInvalid />));
    const proposer = await proposerOf(request);
    if (!proposer) return invalid(reply);
    const parsed = SuiviAction.safeParse(request.body ?? {});
    // a body no page of ours sends: show the page again, nothing changed
    if (!parsed.success) return reply.redirect(path(proposer.token), 303);
    const action: SuiviAction = parsed.data;
    const now = ctx.now();
    const done = (fait: string) => reply.redirect(`${path(proposer.token)}?fait=${fait}`, 303);
    const { proposerId } = proposer;
    if (action.action === 'confirm') {
      if (!action.ids.length) return done('rien');
      const result = await confirmProposals(db, {
        proposerId,
        email: proposer.email,
        contributionIds: action.ids,
        now,
      });
      return done(result.notAdherent.length ? 'non-adherent' : 'confirme');
    }
    if (action.action === 'withdraw') {
      await withdrawProposal(db, { proposerId, contributionId: action.id, now });
      return done('retire');
    }
    const proposals = await listProposerContributions(db, { proposerId });
    const proposal = proposals.find((p) => p.id === action.id && p.status === 'changes_requested');
    if (!proposal) return reply.redirect(path(proposer.token), 303);
    const raw = rawFromBody(request.body);
    const fields = parseKindFields(proposal.kind, raw, { now });
    if (!fields.ok) return resubmitPage(reply, 400, proposer.token, proposal, raw, fields.errors);
    const { kind: _kind, ...values } = fields.values;
    const imageAlt = proposal.imageMediaId ? values.imageAlt || proposal.imageAlt : '';
    await resubmitProposal(db, { proposerId, contributionId: proposal.id, values: { ...values, imageAlt }, now });
    return done('renvoye');
  });
}

// Email to a proposer: one `contribution_mail` row becomes one message (the confirmation of their address, or a
// moderation outcome), sent once, with a fresh « Mes propositions » link whose hash only is stored.
import { CONTRIBUTION_ERASE_DAYS, UNCONFIRMED_ERASE_DAYS } from '@crieur/api/enums/contributions';
import { hashToken, newToken } from '@crieur/auth';
import {
  markContributionMailSent,
  prepareContributionMail,
  PROPOSER_LINK_VALID_DAYS,
  PROPOSER_LINK_VALID_MS,
  type ContributionMailSubject,
  type Db,
} from '@crieur/db';
import {
  renderContributionAccepted,
  renderContributionChanges,
  renderContributionConfirm,
  renderContributionRefused,
  type RenderedEmail,
} from '@crieur/emails';
import type { Mailer } from '@crieur/mailer';
import { readSender } from './mail-identity';

export type ContributionMailDeps = { db: Db; mailer: Mailer; publicUrl: string; mailFrom: string; now: () => Date };
export type ContributionMailOutcome = { sent: boolean; reason?: string };

// the reader site's page of an accepted item (its routes are the site's, issue 17)
const PUBLIC_SECTIONS = { event: 'agenda', job: 'offres', news: 'actualites-adherents' } as const;

/** The public address of an accepted item, or null before it has a slug. */
export function contributionPublicPath(kind: keyof typeof PUBLIC_SECTIONS, slug: string | null): string | null {
  return slug ? `/${PUBLIC_SECTIONS[kind]}/${encodeURIComponent(slug)}` : null;
}

/** The proposer's page: the token is in the path, only in this email. */
export const proposerFollowPath = (token: string) => `/proposer/suivi/${token}`;

/**
 * Prepares the row (skipped when it no longer makes sense: sent, erased, suppressed address, decision changed),
 * renders its email, sends it as transactional mail, then stamps it sent (and, for a confirmation, the
 * proposer's one-a-day clock).
 */
export async function sendContributionMail(
  deps: ContributionMailDeps,
  contributionMailId: string,
): Promise<ContributionMailOutcome> {
  const token = newToken();
  const now = deps.now();
  const prepared = await prepareContributionMail(deps.db, {
    contributionMailId,
    tokenHash: hashToken(token),
    now,
    validMs: PROPOSER_LINK_VALID_MS,
  });
  if ('skip' in prepared) return { sent: false, reason: prepared.skip };
  const { identity, sender } = await readSender(deps);
  const followUrl = `${deps.publicUrl}${proposerFollowPath(token)}`;
  const linkValidDays = PROPOSER_LINK_VALID_DAYS;
  let email: RenderedEmail;
  if (prepared.kind === 'confirm') {
    email = await renderContributionConfirm({
      identity,
      followUrl,
      linkValidDays,
      unconfirmedEraseDays: UNCONFIRMED_ERASE_DAYS,
    });
  } else {
    const c: ContributionMailSubject = prepared.contribution!;
    const contribution = { kind: c.kind, title: c.title, staffMessage: c.staffMessage };
    if (prepared.kind === 'accepted') {
      const path = contributionPublicPath(c.kind, c.slug);
      email = await renderContributionAccepted({
        identity,
        contribution,
        publishAt: c.publishAt,
        now,
        publicUrl: path ? `${deps.publicUrl}${path}` : null,
        followUrl,
        linkValidDays,
      });
    } else if (prepared.kind === 'changes_requested') {
      email = await renderContributionChanges({ identity, contribution, followUrl, linkValidDays });
    } else {
      email = await renderContributionRefused({
        identity,
        contribution,
        followUrl,
        linkValidDays,
        eraseDays: CONTRIBUTION_ERASE_DAYS,
      });
    }
  }
  await deps.mailer.send({ kind: 'transactional', to: prepared.email, ...sender, ...email });
  await markContributionMailSent(deps.db, { contributionMailId, now: deps.now() });
  return { sent: true };
}

// Email to a member of the team: one `staff_mail` row becomes one message, sent once.
import { hashToken, newToken } from '@crieur/auth';
import {
  campaignMailData,
  findStaffMail,
  markStaffMailSent,
  prepareInvitationEmail,
  preparePasswordResetEmail,
  reviewMailData,
  type Db,
  type StaffMailRow,
} from '@crieur/db';
import {
  INVITATION_VALID_DAYS,
  renderCampaignStopped,
  renderPasswordReset,
  renderReviewNotification,
  renderStaffInvitation,
  STAFF_ROLE_LABELS,
  type EmailIdentity,
  type RenderedEmail,
} from '@crieur/emails';
import type { Mailer } from '@crieur/mailer';
import { readSender } from './mail-identity';

export const INVITATION_VALID_MS = INVITATION_VALID_DAYS * 24 * 3600_000;
export const PASSWORD_RESET_VALID_MS = 3600_000;

// the studio's own pages (apps/studio/src/App.tsx, basename /studio)
export const studioPaths = {
  invitation: (token: string) => `/studio/invitation/${token}`,
  passwordReset: (token: string) => `/studio/password-reset/${token}`,
  article: (id: string) => `/studio/editorial/articles/${id}`,
  dossier: (id: string) => `/studio/editorial/dossiers/${id}`,
  settings: '/studio/settings',
  campaign: (id: string) => `/studio/campaigns/${id}`,
};

/** What sending a staff email needs (the mail worker's deps have it all). */
export type StaffMailDeps = { db: Db; mailer: Mailer; publicUrl: string; mailFrom: string; now: () => Date };
export type StaffMailOutcome = { sent: boolean; reason?: string };

type Message = { to: string; email: RenderedEmail };

/**
 * Reads the row, renders its email (a fresh token for links: only its hash is stored), sends it as
 * transactional mail, then stamps it sent. A row already sent, or one that no longer makes sense (a used
 * invitation, a deactivated person, review emails turned off, a stopped campaign since sent, resumed, cancelled
 * or deleted), sends nothing and says why.
 */
export async function sendStaffMail(deps: StaffMailDeps, staffMailId: string): Promise<StaffMailOutcome> {
  const row = await findStaffMail(deps.db, staffMailId);
  if (!row) return { sent: false, reason: 'staff mail gone' };
  if (row.sentAt) return { sent: false, reason: 'already sent' };
  const { identity, sender } = await readSender(deps);
  const message = await messageFor(deps, row, identity);
  if ('skip' in message) return { sent: false, reason: message.skip };
  await deps.mailer.send({ kind: 'transactional', to: message.to, ...sender, ...message.email });
  await markStaffMailSent(deps.db, { staffMailId, now: deps.now() });
  return { sent: true };
}

async function messageFor(
  deps: StaffMailDeps,
  row: StaffMailRow,
  identity: EmailIdentity,
): Promise<Message | { skip: string }> {
  const url = (path: string) => `${deps.publicUrl}${path}`;
  if (row.kind === 'invitation') {
    const token = newToken();
    const target = await prepareInvitationEmail(deps.db, {
      staffMailId: row.id,
      tokenHash: hashToken(token),
      now: deps.now(),
      validMs: INVITATION_VALID_MS,
    });
    if ('skip' in target) return target;
    const email = await renderStaffInvitation({
      identity,
      inviteUrl: url(studioPaths.invitation(token)),
      roleLabel: STAFF_ROLE_LABELS[target.role],
      invitedBy: target.invitedBy,
    });
    return { to: target.email, email };
  }
  if (row.kind === 'password_reset') {
    const token = newToken();
    const target = await preparePasswordResetEmail(deps.db, {
      staffMailId: row.id,
      tokenHash: hashToken(token),
      now: deps.now(),
      validMs: PASSWORD_RESET_VALID_MS,
    });
    if ('skip' in target) return target;
    const resetUrl = url(studioPaths.passwordReset(token));
    const email = await renderPasswordReset({ identity, resetUrl, name: target.name });
    return { to: target.email, email };
  }
  if (row.kind === 'campaign_held' || row.kind === 'campaign_paused') {
    // a send that stopped unwatched; nothing when the campaign is gone or staff already acted on it
    const data = await campaignMailData(deps.db, row.id);
    if ('skip' in data) return data;
    const email = await renderCampaignStopped({
      identity,
      stop: data.kind === 'campaign_held' ? 'held' : 'paused',
      campaign: data.campaign,
      openUrl: url(studioPaths.campaign(data.campaign.id)),
    });
    return { to: data.recipient.email, email };
  }
  const data = await reviewMailData(deps.db, row.id);
  if ('skip' in data) return data;
  const { subject } = data;
  const email = await renderReviewNotification({
    identity,
    event: data.event,
    piece: { kind: subject.kind, title: subject.title, scheduledAt: subject.scheduledAt },
    actor: data.actor,
    comment: data.comment,
    openUrl: url(subject.kind === 'article' ? studioPaths.article(subject.id) : studioPaths.dossier(subject.id)),
    settingsUrl: url(studioPaths.settings),
  });
  return { to: data.recipient.email, email };
}

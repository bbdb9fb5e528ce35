import { hashToken, newToken } from '@crieur/auth';
import { issueInvitationToken, latestInvitations, type Database } from '@crieur/db';
import type { Client } from './harness';

const WEEK_MS = 7 * 24 * 3600_000;

/**
 * What the mail worker does as it sends an invitation email: a fresh token whose hash goes on the person's newest
 * invitation, valid 7 days from now. Tests that do not run the worker get the link this way.
 */
export async function issueInvitationLink(
  h: { database: Database; clock: { now: Date } },
  userId: string,
  publicUrl = 'http://localhost:3000',
): Promise<{ token: string; inviteUrl: string }> {
  const invitation = (await latestInvitations(h.database.db, [userId])).get(userId);
  if (!invitation) throw new Error('no invitation for this user');
  const token = newToken();
  const issued = await issueInvitationToken(h.database.db, {
    invitationId: invitation.invitationId,
    tokenHash: hashToken(token),
    expiresAt: new Date(h.clock.now.getTime() + WEEK_MS),
  });
  if (!issued) throw new Error('the invitation was already used');
  return { token, inviteUrl: `${publicUrl}/studio/invitation/${token}` };
}

/**
 * An admin invites someone (201 expected), then the email's link is made as the worker would. With workers running
 * beside the server, pass `waitForEmailMs`: their email goes first, so its token cannot replace this one.
 */
export async function inviteWithLink(
  h: { database: Database; clock: { now: Date } },
  admin: Client,
  body: { email: string; name?: string; role: string },
  options: { waitForEmailMs?: number; publicUrl?: string } = {},
): Promise<{ token: string; inviteUrl: string; user: { id: string; email: string; name: string; role: string } }> {
  const res = await admin.request('POST', '/api/users/invitations', body);
  if (res.statusCode !== 201) throw new Error(`invitation refused: ${res.statusCode} ${res.body}`);
  const { user } = res.json();
  const until = Date.now() + (options.waitForEmailMs ?? 0);
  while (Date.now() < until) {
    if ((await latestInvitations(h.database.db, [user.id])).get(user.id)?.emailSentAt) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ...(await issueInvitationLink(h, user.id, options.publicUrl)), user };
}

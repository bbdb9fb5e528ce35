import type { User } from '@crieur/db';

export const sessionUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, role: u.role });

type InvitationState = { createdAt: Date; expiresAt: Date; emailSentAt: Date | null };

export const adminUserView = (u: User, invitation?: InvitationState) => ({
  ...sessionUser(u),
  status: u.status,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  // only while the person has not joined: when the email went out and until when its link works
  invitation:
    u.status === 'invited' && invitation
      ? {
          createdAt: invitation.createdAt.toISOString(),
          expiresAt: invitation.expiresAt.toISOString(),
          emailSentAt: invitation.emailSentAt?.toISOString() ?? null,
        }
      : null,
});

/** Shapes of the staff API (/api), as the server sends them. */

export const ROLES = ['admin', 'editor', 'author', 'sender'] as const;
export type Role = (typeof ROLES)[number];

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
};

export type Session = {
  user: SessionUser | null;
  csrfToken: string;
};

export type UserStatus = 'invited' | 'active' | 'deactivated';

export type StaffUser = SessionUser & {
  status: UserStatus;
  lastLoginAt: string | null;
  createdAt: string;
};

export type Invitation = { email: string; name: string };

export type ListVisibility = 'public' | 'private';
export type LegalBasis = 'consent' | 'legitimate_interest';

export type MailingList = {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: ListVisibility;
  legalBasis: LegalBasis;
};

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_INVALID',
  'VALIDATION',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'NOT_FOUND',
  'DUPLICATE_EMAIL',
  'INVITATION_INVALID',
  'CANNOT_CHANGE_SELF',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ValidationIssue = { path: string; message: string };

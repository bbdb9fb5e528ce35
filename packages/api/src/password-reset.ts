import { z } from 'zod';
import { Ok } from './common';
import { defineRoutes } from './route';
import { TokenParams } from './users';

export const PasswordResetRequestBody = z.object({ email: z.email().max(320) });
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBody>;

/** Whose link it is: the address fills the password manager's username, the name counts as a weak word. */
export const PasswordResetLink = z.object({ email: z.string(), name: z.string() });
export type PasswordResetLink = z.infer<typeof PasswordResetLink>;

// the length and strength rules (with the person's name and address as weak words) are the server's: @crieur/auth
export const PasswordResetBody = z.object({ password: z.string().max(256) });
export type PasswordResetBody = z.infer<typeof PasswordResetBody>;

export const passwordResetRoutes = defineRoutes({
  'POST /api/password-reset': {
    summary: 'Ask for a password reset link by email (the same answer whether the address has an account or not)',
    body: PasswordResetRequestBody,
    status: 202,
    response: Ok,
  },
  'GET /api/password-reset/:token': {
    summary: 'Whether a password reset link can still be used',
    params: TokenParams,
    response: PasswordResetLink,
  },
  'POST /api/password-reset/:token': {
    summary: 'Choose a new password with a reset link (single use); ends every session of the account',
    params: TokenParams,
    body: PasswordResetBody,
    response: Ok,
  },
});

import type { User } from '@crieur/db';

export const sessionUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, role: u.role });

export const adminUserView = (u: User) => ({
  ...sessionUser(u),
  status: u.status,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

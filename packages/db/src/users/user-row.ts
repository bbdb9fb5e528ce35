import type { users } from '../schema';

export type UserRow = typeof users.$inferSelect;
export type Role = UserRow['role'];
export type UserStatus = UserRow['status'];

/** What may leave the database layer about a user: never the password hash. */
export type User = Omit<UserRow, 'passwordHash' | 'failedLogins' | 'lockedUntil'>;

export function toUser(row: UserRow): User {
  const { passwordHash: _p, failedLogins: _f, lockedUntil: _l, ...user } = row;
  return user;
}

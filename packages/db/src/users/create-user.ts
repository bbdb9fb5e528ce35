import type { Db } from '../database';
import { DuplicateEmailError, isUniqueViolation } from '../errors';
import { users } from '../schema';
import { toUser, type Role, type User, type UserStatus } from './user-row';

export async function createUser(
  db: Db,
  input: { email: string; name?: string; role: Role; status: UserStatus; passwordHash?: string | null },
): Promise<User> {
  try {
    const [row] = await db
      .insert(users)
      .values({
        email: input.email.trim(),
        name: input.name?.trim() ?? '',
        role: input.role,
        status: input.status,
        passwordHash: input.passwordHash ?? null,
      })
      .returning();
    return toUser(row!);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateEmailError();
    throw error;
  }
}

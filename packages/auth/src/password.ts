import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './password-strength';

// OWASP's argon2id floor: 19 MiB, 2 passes, 1 lane.
// algorithm 2 is Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot import)
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`)
  .max(256, 'Le mot de passe doit compter au plus 256 caractères.');

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so timing does not tell which emails exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  return dummyHash;
}

import type { Db } from '@crieur/db';

export type CommandIo = { out(line: string): void; readSecret(prompt: string): Promise<string> };
export type Command = (db: Db, argv: string[], io: CommandIo) => Promise<void>;

/** A mistake of the user's: printed without a stack trace, exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

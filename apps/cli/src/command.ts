import type { Db } from '@crieur/db';

import type { Writable } from 'node:stream';

export type CommandIo = {
  out(line: string): void;
  /** a transient status line (a terminal shows it in place; pipes get nothing) */
  progress?(line: string): void;
  readSecret(prompt: string): Promise<string>;
  stdout: Writable;
};
export type Command = (db: Db, argv: string[], io: CommandIo) => Promise<void>;

/** A mistake of the user's: printed without a stack trace, exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

import type { LockOwner } from './data-dir-lock';

/** The embedded database is held by another process that this one cannot work through. */
export class DatabaseInUseError extends Error {
  readonly code = 'DATABASE_IN_USE';
  constructor(
    message: string,
    readonly owner: LockOwner,
  ) {
    super(message);
    this.name = 'DatabaseInUseError';
  }
}

const since = (owner: LockOwner) =>
  new Date(owner.since).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' });
export const describeOwner = (owner: LockOwner) => `\`${owner.command}\` (pid ${owner.pid}, since ${since(owner)})`;
const isCli = (owner: LockOwner) => owner.command.startsWith('pnpm cli');
const isServer = (owner: LockOwner) => /^pnpm start(:server)?$/.test(owner.command);

/** For a second server: it never waits and never shares. */
export function inUseMessage(dbDir: string, lockPath: string, owner: LockOwner, alive: boolean | 'unknown'): string {
  if (alive === 'unknown') {
    return [
      `The embedded database ${dbDir} is locked by ${describeOwner(owner)} on host ${owner.hostname}.`,
      `If nothing on ${owner.hostname} uses it any more, delete ${lockPath} and start again.`,
    ].join('\n');
  }
  const what = `The embedded database ${dbDir} is already in use by ${describeOwner(owner)}.`;
  if (isCli(owner)) return `${what}\nWait for that command to finish, then start again.`;
  // a workers-only process holding it alone serves nobody
  if (!owner.socketDir && !isServer(owner)) {
    return `${what}\nStop it first (Ctrl-C in its terminal), then start again.`;
  }
  return [
    what,
    'Only one server may use a DATA_DIR: stop that one first (Ctrl-C in its terminal),',
    'or give this one its own DATA_DIR. While it runs, `pnpm cli …` commands work through it.',
  ].join('\n');
}

/** For a command that waits for the owner to serve the database or to let it go. */
export function waitingMessage(dbDir: string, owner: LockOwner): string {
  return isServer(owner)
    ? `Waiting for ${describeOwner(owner)} to open the embedded database ${dbDir}…`
    : `Waiting for ${describeOwner(owner)} to finish with the embedded database ${dbDir}…`;
}

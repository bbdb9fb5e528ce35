import { randomBytes } from 'node:crypto';
import {
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';

/** What the lock file says about the process holding the embedded database. */
export type LockOwner = {
  pid: number;
  hostname: string;
  /** the command a person ran, shown to whoever finds the database in use */
  command: string;
  since: string;
  token: string;
  /** Linux start time of the pid, so a pid reused after a crash is not taken for the owner */
  procStart?: string;
  /** set once the owner serves the database on `<socketDir>/.s.PGSQL.5432` */
  socketDir?: string;
};

export type HeldLock = {
  readonly owner: LockOwner;
  update(patch: Partial<Pick<LockOwner, 'socketDir'>>): void;
  release(): void;
};

// locks held by this process: a second open in the same process must see them as alive
const heldHere = new Set<string>();
// a takeover guard older than this was left by a process that died in the middle of one
const GUARD_STALE_MS = 10_000;
const UNREADABLE_GRACE_MS = 2_000;

function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // field 22 (starttime); the command name in parentheses may itself hold spaces
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether the lock's owner still runs: `unknown` when it was written on another host. */
export function ownerAlive(lockPath: string, owner: LockOwner): boolean | 'unknown' {
  if (heldHere.has(lockPath)) return true;
  if (owner.hostname !== hostname()) return 'unknown';
  // our own pid in someone else's lock: a restarted container, or a reused pid
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = owner.procStart ? procStart(owner.pid) : undefined;
  return !(start && start !== owner.procStart);
}

function readRaw(lockPath: string): string | undefined {
  try {
    return readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parse(raw: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(raw) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.token === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

export function readLock(lockPath: string): LockOwner | undefined {
  const raw = readRaw(lockPath);
  return raw === undefined ? undefined : parse(raw);
}

// the whole content becomes visible at once: link() and rename() are atomic, a write is not
function writeWhole(lockPath: string, owner: LockOwner, place: 'link' | 'rename'): void {
  const content = `${JSON.stringify(owner)}\n`;
  const tmp = `${lockPath}.${owner.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  try {
    if (place === 'link') linkSync(tmp, lockPath);
    else renameSync(tmp, lockPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (place === 'rename' || !['EPERM', 'ENOTSUP', 'ENOSYS'].includes(code ?? '')) throw error;
    // a file system without hard links: exclusive create, a reader may briefly see it empty
    writeFileSync(lockPath, content, { flag: 'wx', mode: 0o600 });
  } finally {
    if (place === 'link') rmSync(tmp, { force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ageMs = (file: string) => {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
};

/**
 * Removes a stale lock whose content is still `staleRaw`, under a guard directory, so that two
 * processes finding the same stale lock never both remove it (the second would remove the first's new lock).
 */
async function removeStale(lockPath: string, staleRaw: string): Promise<void> {
  const guard = `${lockPath}.takeover`;
  try {
    mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) rmdirSync(guard);
    } catch {
      // another process removed it first
    }
    await sleep(20 + Math.random() * 30);
    return;
  }
  try {
    if (readRaw(lockPath) === staleRaw) unlinkSync(lockPath);
  } finally {
    rmdirSync(guard);
  }
}

/**
 * Takes the lock at `lockPath`, or names the live process that holds it.
 * A lock left by a dead process (kill -9, power cut) is taken over.
 */
export async function acquireLock(
  lockPath: string,
  command: string,
): Promise<{ held: HeldLock } | { owner: LockOwner }> {
  const mine: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    command,
    since: new Date().toISOString(),
    token: randomBytes(12).toString('base64url'),
    procStart: procStart(process.pid),
  };
  for (;;) {
    try {
      writeWhole(lockPath, mine, 'link');
      return { held: holding(lockPath, mine) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const raw = readRaw(lockPath);
    if (raw === undefined) continue;
    const owner = parse(raw);
    if (!owner && ageMs(lockPath) < UNREADABLE_GRACE_MS) {
      // being written without link(), or left half-written by a crash: only the latter stays so
      await sleep(50);
      continue;
    }
    if (owner && ownerAlive(lockPath, owner) !== false) return { owner };
    await removeStale(lockPath, raw);
  }
}

function holding(lockPath: string, initial: LockOwner): HeldLock {
  let owner = initial;
  heldHere.add(lockPath);
  const onExit = () => release();
  // a process that exits without closing the database frees it at once rather than at the next takeover
  process.once('exit', onExit);
  function release(): void {
    if (!heldHere.delete(lockPath)) return;
    process.removeListener('exit', onExit);
    if (readLock(lockPath)?.token === owner.token) unlinkSync(lockPath);
  }
  return {
    get owner() {
      return owner;
    },
    update(patch) {
      owner = { ...owner, ...patch };
      writeWhole(lockPath, owner, 'rename');
    },
    release,
  };
}

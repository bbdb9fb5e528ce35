import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { outboxFileTime } from './outbox-file-name';
import { readEmlHeaders } from './read-eml-headers';

export type OutboxEntry = { file: string; at: Date; to: string; subject: string; size: number };

// headers of our messages fit well within this; bodies are never read
const HEADER_BYTES = 32 * 1024;

async function readEntry(outboxDir: string, file: string): Promise<OutboxEntry | undefined> {
  let handle;
  try {
    handle = await open(join(outboxDir, file), 'r');
  } catch {
    return undefined; // removed between readdir and open
  }
  try {
    const { size, mtime } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, HEADER_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const headers = readEmlHeaders(buffer.subarray(0, bytesRead).toString('utf8'));
    const dated = headers.date ? new Date(headers.date) : undefined;
    const at = outboxFileTime(file) ?? (dated && !Number.isNaN(dated.getTime()) ? dated : mtime);
    return { file, at, to: headers.to, subject: headers.subject, size };
  } finally {
    await handle.close();
  }
}

/** The .eml files of the outbox, newest first (default limit 100); a missing folder is empty. */
export async function listOutbox(outboxDir: string, options: { limit?: number } = {}): Promise<OutboxEntry[]> {
  const limit = options.limit ?? 100;
  let names: string[];
  try {
    names = await readdir(outboxDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  // names start with an ISO time, so a reverse sort is newest first without a stat per file
  const files = names
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .reverse()
    .slice(0, Math.max(0, limit));
  const entries = await Promise.all(files.map((file) => readEntry(outboxDir, file)));
  return entries.filter((entry): entry is OutboxEntry => entry !== undefined);
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

/** The emails the outbox mailer wrote to `address` (one .eml file each), oldest first; none while the folder is absent. */
export async function outboxEmailsTo(outbox: string, address: string): Promise<ParsedMail[]> {
  const files = (await readdir(outbox).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(outbox, f)))));
  return mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address);
}

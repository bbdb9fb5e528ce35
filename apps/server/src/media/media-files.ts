// A media's files on disk: written before its row, and the email copy made on demand for older media.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emailFileName, type EmailFormat } from './email-variant';
import { emailVariantFromWebp, type ResizedImage } from './resize-image';

/** Writes every file of a new media under `dir/id`; on failure removes them all (no row may point at half). */
export async function writeMediaFiles(dir: string, id: string, resized: ResizedImage): Promise<void> {
  const folder = path.join(dir, id);
  try {
    await mkdir(folder, { recursive: true });
    for (const [variant, file] of Object.entries(resized.webp))
      await writeFile(path.join(folder, `${variant}.webp`), file);
    for (const [format, file] of Object.entries(resized.email))
      await writeFile(path.join(folder, emailFileName(format as EmailFormat)), file);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

// one conversion per file at a time: a letter's first readers all ask for the same image at once
const inFlight = new Map<string, Promise<boolean>>();

/**
 * Makes `email.jpg|png` of a media stored before email variants existed, from its widest WebP; a second request
 * waits for the first. Written to a temporary name then renamed, so no reader ever gets half a file.
 * False when the media has no WebP to start from.
 */
export function ensureEmailVariant(dir: string, id: string, format: EmailFormat): Promise<boolean> {
  const target = path.join(dir, id, emailFileName(format));
  const running = inFlight.get(target);
  if (running) return running;
  const work = (async () => {
    const webp = await readFile(path.join(dir, id, 'w1600.webp')).catch(() => null);
    if (!webp) return false;
    const out = await emailVariantFromWebp(webp, format);
    const temporary = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, out);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return true;
  })().finally(() => inFlight.delete(target));
  inFlight.set(target, work);
  return work;
}

// A proposal's body: form-encoded, or multipart when an event comes with its image. The image goes through the
// media pipeline (header checked before decoding, resized once, metadata dropped) and becomes an anonymous media.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { MEDIA_MAX_BYTES, MEDIA_TYPES } from '@crieur/api/enums/dossiers';
import { createProposalMedia, type Db } from '@crieur/db';
import { fileNameHeader } from '../http/file-name-header';
import { writeMediaFiles } from '../media/media-files';
import { ImageRejectedError, readImageHeader, resizeImage } from '../media/resize-image';
import { rawFromBody, type RawForm } from '../public/propose-form';

/** The image part of a multipart post, read whole (or cut at the size limit). */
export type UploadedImage = { data: Buffer; mime: string; fileName: string; truncated: boolean };
export type ProposalBody = { raw: RawForm; image: UploadedImage | null };

/** Limits of the multipart reader: one file, a few dozen short fields. */
export const MULTIPART_LIMITS = { fileSize: MEDIA_MAX_BYTES, files: 1, fields: 40, fieldSize: 65_536, parts: 42 };

/** Reads either body; a file input left empty (no name, no bytes) is no image. */
export async function readProposalBody(request: FastifyRequest): Promise<ProposalBody> {
  if (!request.isMultipart()) return { raw: rawFromBody(request.body), image: null };
  const fields: Record<string, string> = {};
  let image: UploadedImage | null = null;
  for await (const part of request.parts({ limits: MULTIPART_LIMITS })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string' && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
      continue;
    }
    const data = await part.toBuffer();
    if (part.fieldname === 'image' && part.filename && data.length > 0)
      image = { data, mime: part.mimetype, fileName: part.filename, truncated: part.file.truncated };
  }
  return { raw: rawFromBody(fields), image };
}

const MB = MEDIA_MAX_BYTES / 1024 / 1024;
const TYPES: readonly string[] = MEDIA_TYPES;

/** A French message about the file itself, or null when it may be stored. */
export function imageProblem(image: UploadedImage): string | null {
  if (image.truncated) return `Cette image dépasse ${MB} Mo : choisissez un fichier plus léger.`;
  if (!TYPES.includes(image.mime))
    return 'Ce fichier n’est pas une image : choisissez une image JPEG, PNG, WebP ou GIF.';
  return null;
}

/**
 * Stores the image as a media without author: files first, then the row, so a refused or broken image leaves
 * nothing. Returns its id, or the French reason it was refused.
 */
export async function storeProposalImage(
  deps: { db: Db; dataDir: string; now: Date },
  image: UploadedImage,
  alt: string,
): Promise<{ mediaId: string } | { problem: string }> {
  const problem = imageProblem(image);
  if (problem) return { problem };
  let resized: Awaited<ReturnType<typeof resizeImage>>;
  let header: Awaited<ReturnType<typeof readImageHeader>>;
  try {
    header = await readImageHeader(image.data);
    resized = await resizeImage(image.data, header);
  } catch (error) {
    if (!(error instanceof ImageRejectedError)) throw error;
    return {
      problem:
        error.reason === 'too_large'
          ? 'Cette image est trop grande : 40 mégapixels au plus (par exemple 7 000 × 5 700 pixels).'
          : 'Ce fichier n’est pas une image lisible : il est peut-être incomplet ou endommagé.',
    };
  }
  const dir = path.join(deps.dataDir, 'uploads', 'media');
  const id = randomUUID();
  await writeMediaFiles(dir, id, resized);
  await createProposalMedia(deps.db, {
    id,
    fileName: fileNameHeader(encodeURIComponent(image.fileName), 'image'),
    mime: image.mime,
    width: header.upright.width,
    height: header.upright.height,
    bytes: image.data.length,
    hasAlpha: resized.hasAlpha,
    alt,
    now: deps.now,
  }).catch(async (error: unknown) => {
    await rm(path.join(dir, id), { recursive: true, force: true });
    throw error;
  });
  return { mediaId: id };
}

import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import send from '@fastify/send';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MEDIA_MAX_BYTES, MEDIA_TYPES } from '@crieur/api/enums/dossiers';
import { createMedia, getMedia, listMedia, updateMedia, type MediaRow } from '@crieur/db';
import { requireStaff } from '../auth/register-access';
import { ApiError, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import { fileNameHeader } from '../http/file-name-header';
import { EMAIL_FORMATS, emailFileName, type EmailFormat } from '../media/email-variant';
import { ensureEmailVariant, writeMediaFiles } from '../media/media-files';
import { ImageRejectedError, readImageHeader, resizeImage } from '../media/resize-image';
import type { ImageHeader, ResizedImage, Variant } from '../media/resize-image';
import type { RouteContext } from './context';

const TYPES: readonly string[] = MEDIA_TYPES;
export { VARIANTS } from '../media/resize-image';
const REJECTED: Record<ImageRejectedError['reason'], string> = {
  too_large: 'Cette image est trop grande : 40 mégapixels au plus (par exemple 7 000 × 5 700 pixels).',
  unreadable: 'Ce fichier n’est pas une image lisible : il est peut-être incomplet ou endommagé.',
};
// a malformed %-escape or a control character in the name must not fail an upload
const fileNameFrom = (header: unknown) => fileNameHeader(header, 'image');

// the public files' address, not a staff route: checked here, answered 404 rather than 400
const FileParams = z.object({
  id: z.uuid(),
  file: z.enum(['w400.webp', 'w800.webp', 'w1600.webp', ...EMAIL_FORMATS.map(emailFileName)]),
});
const emailFormatOf = (file: string) => EMAIL_FORMATS.find((format) => emailFileName(format) === file);
// webmails show mail inside their own pages, the composer's preview is a sandboxed frame (an opaque origin): both
// load these images from elsewhere, so /media alone is cross-origin; the rest of the site stays same-origin
const MEDIA_HELMET = { crossOriginResourcePolicy: { policy: 'cross-origin' as const } };

export const mediaUrl = (id: string, variant: Variant = 'w1600') => `/media/${id}/${variant}.webp`;
const view = (m: MediaRow) => ({
  id: m.id,
  url: mediaUrl(m.id),
  thumbUrl: mediaUrl(m.id, 'w400'),
  alt: m.alt,
  caption: m.caption,
  credit: m.credit,
  width: m.width,
  height: m.height,
  mime: m.mime,
  createdAt: m.createdAt.toISOString(),
});

export function mediaRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const dir = path.join(ctx.config.dataDir, 'uploads', 'media');
  app.addContentTypeParser([...TYPES], { parseAs: 'buffer', bodyLimit: MEDIA_MAX_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  handle(app, 'GET /api/media', async () => ({ media: (await listMedia(db)).map(view) }));

  // the body is the image itself (the parser above), its alt text, caption and credit the query string
  handle(app, 'POST /api/media', { bodyLimit: MEDIA_MAX_BYTES }, async ({ query }, request, reply) => {
    const staff = requireStaff(request);
    const type = String(request.headers['content-type'] ?? '').split(';')[0]!;
    if (!TYPES.includes(type) || !Buffer.isBuffer(request.body) || request.body.length === 0) {
      throw new ApiError(400, 'MEDIA_INVALID', 'Envoyez une image JPEG, PNG, WebP ou GIF de 10 Mo au plus.');
    }
    const image = request.body;
    let resized: ResizedImage;
    let meta: ImageHeader;
    try {
      meta = await readImageHeader(image);
      resized = await resizeImage(image, meta);
    } catch (error) {
      if (!(error instanceof ImageRejectedError)) throw error;
      throw new ApiError(400, 'MEDIA_INVALID', REJECTED[error.reason], { reason: error.reason });
    }
    // files first, then the row: a media row always has its files, a failure leaves nothing behind
    const id = randomUUID();
    await writeMediaFiles(dir, id, resized);
    const row = await createMedia(db, {
      id,
      fileName: fileNameFrom(request.headers['x-file-name']),
      mime: type,
      // the size readers see: a phone's portrait photo is stored landscape with an EXIF orientation
      width: meta.upright.width,
      height: meta.upright.height,
      bytes: image.length,
      hasAlpha: resized.hasAlpha,
      alt: query.alt,
      caption: query.caption,
      credit: query.credit,
      createdBy: staff.id,
      now: ctx.now(),
    }).catch(async (error: unknown) => {
      await rm(path.join(dir, id), { recursive: true, force: true });
      throw error;
    });
    return reply.status(201).send({ media: view(row) });
  });

  handle(app, 'PATCH /api/media/:id', async ({ params: { id }, body }) => {
    const row = await updateMedia(db, { id, ...body });
    if (!row) throw notFound('Media');
    return { media: view(row) };
  });

  // public: images of published pieces (names are unguessable ids); files never change once written
  const sendFile = async (request: FastifyRequest, reply: FastifyReply, file: string) => {
    const sent = await send(request.raw, `/${file}`, {
      root: dir,
      // its Cache-Control would say nothing of shared caches: set below, the same image for everyone
      cacheControl: false,
      index: false,
      dotfiles: 'deny',
    });
    if (sent.type !== 'file') return null;
    return reply
      .status(sent.statusCode)
      .headers({ ...sent.headers, 'cache-control': 'public, max-age=31536000, immutable' })
      .send(sent.stream);
  };

  app.get('/media/:id/:file', { helmet: MEDIA_HELMET }, async (request, reply) => {
    const parsed = FileParams.safeParse(request.params);
    if (!parsed.success || !(await getMedia(db, parsed.data.id))) throw notFound('Image');
    const { id, file } = parsed.data;
    const served = await sendFile(request, reply, `${id}/${file}`);
    if (served) return served;
    // a media stored before email variants existed gets them on first request
    const format: EmailFormat | undefined = emailFormatOf(file);
    if (!format || !(await ensureEmailVariant(dir, id, format))) throw notFound('Image');
    return (await sendFile(request, reply, `${id}/${file}`)) ?? Promise.reject(notFound('Image'));
  });
  app.get('/media/*', { helmet: MEDIA_HELMET }, async () => {
    throw notFound('Image');
  });
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp, { type Metadata } from 'sharp';
import { z } from 'zod';
import { createMedia, getMedia, listMedia, updateMedia, type MediaRow } from '@crieur/db';
import { requireStaff } from '../auth/register-access';
import { ApiError, notFound } from '../http/api-error';
import { parse } from '../http/parse-body';
import type { RouteContext } from './context';

const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
// resized once at upload, served as files: readers never wait for an image library
export const VARIANTS = { w400: 400, w800: 800, w1600: 1600 } as const;
type Variant = keyof typeof VARIANTS;

const UploadQuery = z.object({ alt: z.string().trim().min(1, 'Alternative text is required').max(300), caption: z.string().trim().max(500).default('') });
const PatchBody = z.object({ alt: z.string().trim().min(1, 'Alternative text is required').max(300).optional(), caption: z.string().trim().max(500).optional() });
const FileParams = z.object({ id: z.uuid(), variant: z.enum(['w400', 'w800', 'w1600']) });

export const mediaUrl = (id: string, variant: Variant = 'w1600') => `/media/${id}/${variant}.webp`;
const view = (m: MediaRow) => ({ id: m.id, url: mediaUrl(m.id), thumbUrl: mediaUrl(m.id, 'w400'), alt: m.alt, caption: m.caption, width: m.width, height: m.height, mime: m.mime, createdAt: m.createdAt.toISOString() });

export function mediaRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const dir = path.join(ctx.config.dataDir, 'uploads', 'media');
  app.addContentTypeParser(TYPES, { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_request, body, done) => done(null, body));

  app.get('/api/media', async () => ({ media: (await listMedia(db)).map(view) }));

  app.post('/api/media', { bodyLimit: MAX_BYTES }, async (request, reply) => {
    const staff = requireStaff(request);
    const query = parse(UploadQuery, request.query);
    const type = String(request.headers['content-type'] ?? '').split(';')[0]!;
    if (!TYPES.includes(type) || !Buffer.isBuffer(request.body)) throw new ApiError(400, 'MEDIA_INVALID', 'Send a JPEG, PNG, WebP or GIF image of at most 10 MB');
    let meta: Metadata;
    try {
      meta = await sharp(request.body).metadata();
    } catch {
      throw new ApiError(400, 'MEDIA_INVALID', 'This file is not a readable image');
    }
    if (!meta.width || !meta.height || !['jpeg', 'png', 'webp', 'gif'].includes(meta.format ?? '')) throw new ApiError(400, 'MEDIA_INVALID', 'This file is not a readable image');
    const row = await createMedia(db, {
      fileName: decodeURIComponent(String(request.headers['x-file-name'] ?? 'image')).slice(0, 200),
      mime: type,
      width: meta.width,
      height: meta.height,
      bytes: request.body.length,
      alt: query.alt,
      caption: query.caption,
      createdBy: staff.id,
      now: ctx.now(),
    });
    await mkdir(path.join(dir, row.id), { recursive: true });
    // metadata (EXIF, GPS) is dropped: a photo must not tell readers where it was taken
    for (const [variant, width] of Object.entries(VARIANTS)) {
      const out = await sharp(request.body).rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
      await writeFile(path.join(dir, row.id, `${variant}.webp`), out);
    }
    return reply.status(201).send({ media: view(row) });
  });

  app.patch('/api/media/:id', async (request) => {
    const { id } = parse(z.object({ id: z.uuid() }), request.params);
    const row = await updateMedia(db, { id, ...parse(PatchBody, request.body) });
    if (!row) throw notFound('Media');
    return { media: view(row) };
  });

  // public: images of published pieces (names are unguessable ids)
  app.get('/media/:id/:variant', async (request, reply) => {
    const parsed = FileParams.safeParse({ ...(request.params as object), variant: String((request.params as { variant: string }).variant).replace(/\.webp$/, '') });
    if (!parsed.success || !(await getMedia(db, parsed.data.id))) throw notFound('Image');
    const file = await readFile(path.join(dir, parsed.data.id, `${parsed.data.variant}.webp`)).catch(() => null);
    if (!file) throw notFound('Image');
    return reply.type('image/webp').header('cache-control', 'public, max-age=31536000, immutable').send(file);
  });
}

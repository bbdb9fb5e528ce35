import { z } from 'zod';
import { Timestamp, Uuid } from './common';
import { MEDIA_TYPES } from './enums/dossiers';
import { defineRoutes } from './route';

/** An image of the media library; `url` is its 1600-pixel WebP, `thumbUrl` its 400-pixel one. */
export const Media = z.object({
  id: Uuid,
  url: z.string(),
  thumbUrl: z.string(),
  alt: z.string(),
  caption: z.string(),
  /** The photographer, agency or source, shown under the image on the site (« Photo : … »). */
  credit: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  mime: z.string(),
  createdAt: Timestamp,
});
export type Media = z.infer<typeof Media>;

const Alt = z.string().trim().min(1, 'Le texte alternatif est obligatoire.').max(300);
const Caption = z.string().trim().max(500);
export const MEDIA_CREDIT_MAX = 200;
const Credit = z
  .string()
  .trim()
  .max(MEDIA_CREDIT_MAX, `Le crédit tient en ${MEDIA_CREDIT_MAX} caractères au plus.`)
  .refine((value) => !/[\r\n]/.test(value), 'Le crédit tient sur une ligne.');

/** The upload's body is the image itself: its alt text, caption and credit come in the query string. */
export const UploadMediaQuery = z.object({ alt: Alt, caption: Caption.default(''), credit: Credit.default('') });
export type UploadMediaQuery = z.input<typeof UploadMediaQuery>;

export const MediaParams = z.object({ id: Uuid });

// an empty PATCH is a client mistake (400), not a database error
export const PatchMediaBody = z
  .object({ alt: Alt.optional(), caption: Caption.optional(), credit: Credit.optional() })
  .refine((b) => b.alt !== undefined || b.caption !== undefined || b.credit !== undefined, {
    message: 'Indiquez un texte alternatif, une légende ou un crédit à modifier.',
    path: ['alt'],
  });
export type PatchMediaBody = z.infer<typeof PatchMediaBody>;

const MediaAnswer = z.object({ media: Media });

export const mediaRoutes = defineRoutes({
  'GET /api/media': {
    summary: 'The media library, newest first (200 at most)',
    response: z.object({ media: z.array(Media) }),
  },
  'POST /api/media': {
    summary: 'Upload an image (raw bytes, 10 MB at most; x-file-name header): stored as WebP in three widths',
    query: UploadMediaQuery,
    consumes: MEDIA_TYPES,
    status: 201,
    response: MediaAnswer,
  },
  'PATCH /api/media/:id': {
    summary: 'Change an image’s alt text, caption or credit',
    params: MediaParams,
    body: PatchMediaBody,
    response: MediaAnswer,
  },
});

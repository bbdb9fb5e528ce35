// No zod here: the studio imports these lists at run time (status switch, upload form checks).

export const DOSSIER_STATUSES = ['draft', 'published'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/**
 * A dossier's steps: publish a draft now, schedule it (a draft with a date) or take the date back,
 * "Mettre à jour" (the working version goes live), unpublish.
 */
export const DOSSIER_ACTIONS = ['publish', 'schedule', 'unschedule', 'update', 'unpublish'] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** The image types the media library takes (POST /api/media's raw body). */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
/** The largest image the media library takes, in bytes (10 MB). */
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;

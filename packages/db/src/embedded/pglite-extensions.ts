import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

// What the migrations need beyond core PostgreSQL (accent-insensitive search); every PGlite opens with it
export const pgliteExtensions = { unaccent };

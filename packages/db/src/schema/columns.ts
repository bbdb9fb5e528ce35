import { customType } from 'drizzle-orm/pg-core';

// PostgreSQL's full-text vector: filled by a trigger or a generated column, never by the application
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

import { z } from 'zod';
import { defineRoutes } from './route';

export const EMBED_ORIGINS_MAX = 20;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A site as browsers name it in the `Origin` header: scheme, host and port only (https; http for a local test).
 * Returns the normalised origin, or why the text is not one (French, naming what was typed).
 */
export function parseEmbedOrigin(text: string): { origin: string } | { error: string } {
  const typed = text.trim();
  const example = 'par exemple https://www.exemple.fr';
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { error: `« ${typed} » n’est pas l’adresse d’un site : écrivez-la en entier, ${example}.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { error: `« ${typed} » : l’adresse d’un site commence par https://, ${example}.` };
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname))
    return { error: `« ${typed} » : seule une adresse en https:// est acceptée (http:// pour localhost seulement).` };
  // a trailing slash is what browsers show after a site's name: accepted, anything more is not
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash || /[?#]/.test(typed))
    return { error: `« ${typed} » : indiquez le site seul, sans chemin ni paramètre, ${example}.` };
  return { origin: url.origin };
}

const EmbedOrigin = z.string().transform((text, ctx) => {
  const parsed = parseEmbedOrigin(text);
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.origin;
});

/** The whole list at once; the same site written twice is kept once. */
export const PutEmbedFormBody = z.object({
  origins: z
    .array(z.string().max(300, 'Une adresse de site tient en 300 caractères au plus.').pipe(EmbedOrigin))
    .transform((origins) => [...new Set(origins)])
    .pipe(z.array(z.string()).max(EMBED_ORIGINS_MAX, `Au plus ${EMBED_ORIGINS_MAX} sites.`)),
});
export type PutEmbedFormBody = z.input<typeof PutEmbedFormBody>;

/** A public list the form may offer; name and description with their French typography. */
export const EmbedList = z.object({ slug: z.string(), name: z.string(), description: z.string() });
export type EmbedList = z.infer<typeof EmbedList>;

/** What the studio needs to show the snippet: the allowed sites and the parts of the subscribe page's form. */
export const EmbedForm = z.object({
  origins: z.array(z.string()),
  /** the absolute address the form posts to */
  action: z.string(),
  lists: z.array(EmbedList),
  /** the consent sentence of the subscribe page */
  notice: z.string(),
  /** the honeypot field's name: people never fill it, robots do */
  honeypot: z.string(),
});
export type EmbedForm = z.infer<typeof EmbedForm>;

const EmbedFormAnswer = z.object({ embedForm: EmbedForm });

export const embedFormRoutes = defineRoutes({
  'GET /api/embed-form': {
    summary: 'The embeddable subscribe form: the sites allowed to post it, and what its HTML is made of',
    response: EmbedFormAnswer,
  },
  'PUT /api/embed-form': {
    summary: 'Replace the sites allowed to post the embeddable subscribe form (20 at most)',
    body: PutEmbedFormBody,
    response: EmbedFormAnswer,
  },
});

import type { FastifyInstance } from 'fastify';
import type { PublishedItem } from '@crieur/api';
import { excerpt, type ArticleDoc } from '@crieur/content';
import { searchPublishedArticles, searchPublishedDossiers, type PublishedCard } from '@crieur/db';
import { handle } from '../http/contract-route';
import type { RouteContext } from './context';
import { mediaUrl } from './media-routes';

const LIMIT = 20;

// the card's limits in @crieur/newsletter: a longer lede would make the block invalid
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** A published piece as the composer inserts it: an ArticleBlock or DossierBlock as is (absolute links, w800 image). */
export function cardItem(
  card: PublishedCard,
  input: { publicUrl: string; path: 'articles' | 'dossiers'; lede: string; maxLede: number },
): PublishedItem {
  return {
    id: card.id,
    title: clip(card.title, 300),
    lede: clip(input.lede, input.maxLede),
    url: `${input.publicUrl}/${input.path}/${card.slug}`,
    ...(card.rubrique ? { rubrique: clip(card.rubrique, 80) } : {}),
    // an image without its text alternative would make the card invalid: leave it out
    ...(card.cover?.alt.trim()
      ? {
          image: { src: `${input.publicUrl}${mediaUrl(card.cover.id, 'w800')}`, alt: clip(card.cover.alt.trim(), 300) },
        }
      : {}),
    publishedAt: card.publishedAt?.toISOString() ?? null,
  };
}

export function campaignSearchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const publicUrl = ctx.config.publicUrl;

  handle(app, 'GET /api/campaigns/articles', async ({ query: { q } }) => {
    const rows = await searchPublishedArticles(db, { q: q || undefined, limit: LIMIT, now: ctx.now() });
    // no chapô: the start of the text stands in, as on the reader site
    return {
      items: rows.map((a) =>
        cardItem(a, {
          publicUrl,
          path: 'articles',
          lede: a.lede.trim() || excerpt(a.body as unknown as ArticleDoc, 300),
          maxLede: 600,
        }),
      ),
    };
  });

  handle(app, 'GET /api/campaigns/dossiers', async ({ query: { q } }) => {
    const rows = await searchPublishedDossiers(db, { q: q || undefined, limit: LIMIT });
    return { items: rows.map((d) => cardItem(d, { publicUrl, path: 'dossiers', lede: d.lede.trim(), maxLede: 800 })) };
  });
}

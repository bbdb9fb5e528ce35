// `/recherche?q=…&page=n`: French full-text search of the published articles, a plain GET form (no script).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { frenchTypography as ft } from '@crieur/content';
import { listRubriques, searchArticles, searchContributions, SEARCH_QUERY_MAX } from '@crieur/db';
import { sendCached } from '../http/send-cached';
import { renderPage } from '../public/layout';
import { SearchPage } from '../public/search-page';
import type { RouteContext } from './context';
import { withCovers } from './reader-covers';

export const SEARCH_PAGE_SIZE = 10;
/** Events, offers and members' news shown beside the articles, on the first page of results. */
export const SEARCH_CONTRIBUTIONS = 5;
// far past any real search's last page; a larger number is read as page 1, like any other bad value
const MAX_PAGE = 10_000;
// searches the page cache does not answer, per address and minute: far above a reader's, far below a flood's
export const SEARCH_PER_IP_PER_MINUTE = 60;

// a repeated parameter (?q=a&q=b) counts once; anything unreadable is no query or page 1, never an error
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
export const SearchQuery = z.object({
  q: z.preprocess(
    first,
    z
      .string()
      .transform((s) => s.slice(0, SEARCH_QUERY_MAX).replace(/\s+/g, ' ').trim())
      .catch(''),
  ),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE).catch(1)),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export function searchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  // the limit is checked after the page cache: a search already answered costs nothing and is not counted
  const limit = { config: { rateLimit: { max: SEARCH_PER_IP_PER_MINUTE, timeWindow: 60_000 } } };
  app.get('/recherche', limit, async (request, reply) => {
    const { q, page } = SearchQuery.parse(request.query ?? {});
    const [result, rubriques, contributions] = await Promise.all([
      q ? searchArticles(db, { q, now: ctx.now(), page, pageSize: SEARCH_PAGE_SIZE }) : { total: 0, items: [] },
      listRubriques(db),
      q && page === 1
        ? searchContributions(db, { q, now: ctx.now(), limit: SEARCH_CONTRIBUTIONS })
        : { total: 0, items: [] },
    ]);
    const items = await withCovers(db, result.items);
    const html = renderPage(
      q ? ft(`Recherche « ${q} »`) : 'Rechercher',
      <SearchPage
        q={q}
        page={page}
        pageSize={SEARCH_PAGE_SIZE}
        total={result.total}
        items={items}
        rubriques={rubriques.map((r) => ({ slug: r.slug, name: r.name }))}
        contributions={contributions}
      />,
      { wide: true },
    );
    // short: a new article should show up in searches soon; the page cache keys by the whole address
    return sendCached(request, reply, html, 'text/html; charset=utf-8', 60);
  });
}

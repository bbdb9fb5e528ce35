// What the composer's e2e tests share: published articles to insert, and the block list as it is announced.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Client } from '../harness';

/** Publishes an article through the API, as an editor would. */
export async function publishArticle(editor: Client, title: string, lede: string): Promise<void> {
  const article = (
    await editor.request('POST', '/api/articles', { title, rubrique: 'sur-le-terrain', dossierId: null })
  ).json().article;
  await editor.request('PUT', `/api/articles/${article.id}`, {
    version: article.version,
    title,
    slug: article.slug,
    lede,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: lede }] }] },
    rubrique: 'sur-le-terrain',
    dossierId: null,
    tags: [],
    authors: ['Nora'],
    coverMediaId: null,
  });
  for (const action of ['submit', 'approve', 'publish']) {
    const res = await editor.request('POST', `/api/articles/${article.id}/transition`, { action });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
}

/** Titles of the block cards, top to bottom, as the list announces them. */
export async function blockLabels(page: Page): Promise<string[]> {
  const cards = await page
    .getByRole('list', { name: 'Blocs de la newsletter, dans l’ordre' })
    .locator(':scope > li > section')
    .all();
  return Promise.all(cards.map(async (card) => (await card.getAttribute('aria-label')) ?? ''));
}

// « Remplir avec les contributions »: accepted contributions as the items of a letter's agenda, job offers or
// members' news block, linking to their page on the site (it has the details) and keeping their contributionId.
import type { FastifyInstance } from 'fastify';
import { instantToParisWallClock, type FillEvent, type FillNews, type FillOffer } from '@crieur/api';
import { fillCandidates, type FillCandidate } from '@crieur/db';
import { notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import type { RouteContext } from './context';

// the block items' limits in @crieur/newsletter: a longer text would make the letter invalid
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** Where each kind is read on the site. */
export const CONTRIBUTION_PATHS = { event: 'agenda', job: 'offres', news: 'actualites-adherents' } as const;

const pageUrl = (publicUrl: string, c: FillCandidate) => `${publicUrl}/${CONTRIBUTION_PATHS[c.kind]}/${c.slug}`;

/** « En ligne », the place, or both for an event held in a place and online. */
export function eventPlace(c: Pick<FillCandidate, 'online' | 'place'>): string {
  const place = c.place.trim();
  if (!c.online) return clip(place, 200);
  return place ? clip(`${place} et en ligne`, 200) : 'En ligne';
}

/** The offer's place, « Télétravail » when it is remote and names none. */
export function offerPlace(c: Pick<FillCandidate, 'remote' | 'place'>): string {
  const place = c.place.trim();
  if (!c.remote) return clip(place, 200);
  return place ? clip(`${place} ou télétravail`, 200) : 'Télétravail';
}

export function fillEvent(c: FillCandidate, publicUrl: string): FillEvent {
  return {
    title: clip(c.title, 200),
    date: instantToParisWallClock(c.startsAt!),
    place: eventPlace(c),
    url: pageUrl(publicUrl, c),
    contributionId: c.id,
  };
}

export function fillOffer(c: FillCandidate, publicUrl: string): FillOffer {
  return {
    title: clip(c.title, 200),
    organisation: clip(c.organisation.trim() || '–', 200),
    place: offerPlace(c),
    url: pageUrl(publicUrl, c),
    closesOn: c.closesOn!,
    contributionId: c.id,
  };
}

export function fillNews(c: FillCandidate, publicUrl: string): FillNews {
  const organisation = c.organisation.trim();
  return {
    title: clip(organisation ? `${organisation} : ${c.title}` : c.title, 200),
    text: clip(c.description.trim(), 2000),
    url: pageUrl(publicUrl, c),
    contributionId: c.id,
  };
}

export function contributionFillRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const publicUrl = ctx.config.publicUrl;
  handle(app, 'GET /api/contributions/fill', async ({ query: { kind, campaignId } }) => {
    const rows = await fillCandidates(ctx.database.db, { kind, campaignId, now: ctx.now() });
    if (!rows) throw notFound('Campaign');
    switch (kind) {
      case 'event':
        return { kind, items: rows.filter((c) => c.startsAt).map((c) => fillEvent(c, publicUrl)) };
      case 'job':
        return { kind, items: rows.filter((c) => c.closesOn).map((c) => fillOffer(c, publicUrl)) };
      case 'news':
        return { kind, items: rows.map((c) => fillNews(c, publicUrl)) };
    }
  });
}

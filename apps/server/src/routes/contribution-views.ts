import {
  CONTRIBUTION_ERASE_DAYS,
  contributionPath,
  instantToParisWallClock,
  parisWallClockToInstant,
  type ContributionDetail,
  type ContributionFields,
  type ContributionRow,
  type JobContract,
} from '@crieur/api';
import type { ContributionEdit, ContributionForStaff, ContributionQueueRow } from '@crieur/db';
import { mediaUrl } from './media-routes';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const paris = (d: Date | null) => (d ? instantToParisWallClock(d) : null);
const DAY = 86_400_000;

// the Paris day erasure comes: the 90-day rule of the form and the privacy page
function erasedOn(closedAt: Date | null): string | null {
  if (!closedAt) return null;
  const day = new Date(closedAt.getTime() + CONTRIBUTION_ERASE_DAYS * DAY);
  return instantToParisWallClock(day).slice(0, 10);
}

/** A queue row; senders get no proposer address (they read what is published, not who sent it). */
export function contributionRow(r: ContributionQueueRow, moderator: boolean): ContributionRow {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    proposerName: r.proposerName,
    proposerEmail: moderator ? r.proposerEmail : null,
    organisation: r.organisation,
    createdAt: r.createdAt.toISOString(),
    confirmedAt: iso(r.confirmedAt),
    startsAt: iso(r.startsAt),
    endsAt: iso(r.endsAt),
    closesOn: r.closesOn,
    publishAt: iso(r.publishAt),
    expiredAt: iso(r.expiredAt),
  };
}

export function contributionDetail(c: ContributionForStaff, moderator: boolean): ContributionDetail {
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    slug: c.slug,
    path: c.slug && c.status === 'accepted' ? contributionPath(c.kind, c.slug) : null,
    title: c.title,
    description: c.description,
    url: c.url,
    image: c.imageMediaId ? { id: c.imageMediaId, url: mediaUrl(c.imageMediaId, 'w800'), alt: c.imageAlt } : null,
    imageAlt: c.imageAlt,
    startsAt: iso(c.startsAt),
    endsAt: iso(c.endsAt),
    startsAtParis: paris(c.startsAt),
    endsAtParis: paris(c.endsAt),
    online: c.online,
    place: c.place,
    organiser: c.organiser,
    organisation: c.organisation,
    contractType: c.contractType as JobContract | null,
    remote: c.remote,
    closesOn: c.closesOn,
    staffMessage: c.staffMessage,
    decidedBy: c.decidedByName,
    decidedAt: iso(c.decidedAt),
    publishAt: iso(c.publishAt),
    expiredAt: iso(c.expiredAt),
    closedAt: iso(c.closedAt),
    erasedOn: c.status === 'refused' || c.status === 'withdrawn' ? erasedOn(c.closedAt) : null,
    confirmedAt: iso(c.confirmedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    proposer: moderator
      ? {
          name: c.proposerName,
          email: c.proposerEmail,
          consentAt: c.consentAt.toISOString(),
          consentTextVersion: c.consentTextVersion,
        }
      : null,
    history: c.history.map((h) => ({
      id: h.id,
      at: h.at.toISOString(),
      type: h.type,
      actor: h.actorName,
      message: h.message,
    })),
  };
}

/** The edit form's fields as columns: only the kind's own, dates from the Paris wall clock (checked by the schema). */
export function contributionEdit(fields: ContributionFields): ContributionEdit {
  const common = { title: fields.title, description: fields.description, url: fields.url };
  switch (fields.kind) {
    case 'event':
      return {
        ...common,
        startsAt: parisWallClockToInstant(fields.startsAt),
        endsAt: parisWallClockToInstant(fields.endsAt),
        online: fields.online,
        place: fields.place,
        organiser: fields.organiser,
        imageAlt: fields.imageAlt,
      };
    case 'job':
      return {
        ...common,
        organisation: fields.organisation,
        place: fields.place,
        remote: fields.remote,
        contractType: fields.contractType,
        closesOn: fields.closesOn,
      };
    case 'news':
      return { ...common, organisation: fields.organisation };
  }
}

// The studio's « Contributions » (issue 17): the moderation queue, one proposal with its history, and the decisions.
import { z } from 'zod';
import { Day, Timestamp, Uuid } from './common';
import { ContributionFields, ContributionKind, ContributionStatus, JobContract } from './contributions';
import type { ContributionKind as Kind } from './enums/contributions';
import { defineRoutes } from './route';

/** Where an accepted item lives on the site (its slug is set at acceptance). */
export const CONTRIBUTION_PATHS: Record<Kind, string> = {
  event: '/agenda',
  job: '/offres',
  news: '/actualites-adherents',
};
export const contributionPath = (kind: Kind, slug: string) => `${CONTRIBUTION_PATHS[kind]}/${slug}`;

export const CONTRIBUTIONS_PAGE_SIZE = 50;
export const STAFF_MESSAGE_MAX = 2000;

/** The queue's tabs: `unconfirmed` only when asked (not staff's business until the address is confirmed). */
export const ContributionListQuery = z.object({
  status: ContributionStatus.optional(),
  kind: ContributionKind.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ContributionListQuery = z.infer<typeof ContributionListQuery>;

export const ContributionRow = z.object({
  id: Uuid,
  kind: ContributionKind,
  status: ContributionStatus,
  title: z.string(),
  proposerName: z.string(),
  /** null for senders: they read what is published, not who sent it */
  proposerEmail: z.string().nullable(),
  organisation: z.string(),
  createdAt: Timestamp,
  confirmedAt: Timestamp.nullable(),
  startsAt: Timestamp.nullable(),
  endsAt: Timestamp.nullable(),
  closesOn: Day.nullable(),
  publishAt: Timestamp.nullable(),
  expiredAt: Timestamp.nullable(),
});
export type ContributionRow = z.infer<typeof ContributionRow>;

export const ContributionCounts = z.object({
  unconfirmed: z.number().int(),
  pending: z.number().int(),
  changes_requested: z.number().int(),
  accepted: z.number().int(),
  refused: z.number().int(),
  withdrawn: z.number().int(),
});
export type ContributionCounts = z.infer<typeof ContributionCounts>;

export const ContributionList = z.object({
  contributions: z.array(ContributionRow),
  /** the status shown (the default depends on the role) */
  status: ContributionStatus,
  counts: ContributionCounts,
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type ContributionList = z.infer<typeof ContributionList>;

export const ContributionHistoryEntry = z.object({
  id: z.number().int(),
  at: Timestamp,
  type: z.enum([
    'proposed',
    'confirmed',
    'edited',
    'resubmitted',
    'accepted',
    'changes_requested',
    'refused',
    'withdrawn',
    'expired',
    'not_adherent',
  ]),
  /** the staff member who acted; null for the proposer's own steps and the system's */
  actor: z.string().nullable(),
  message: z.string(),
});
export type ContributionHistoryEntry = z.infer<typeof ContributionHistoryEntry>;

export const ContributionDetail = z.object({
  id: Uuid,
  kind: ContributionKind,
  status: ContributionStatus,
  slug: z.string().nullable(),
  /** the public page, once accepted */
  path: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  url: z.string().nullable(),
  image: z.object({ id: Uuid, url: z.string(), alt: z.string() }).nullable(),
  imageAlt: z.string(),
  startsAt: Timestamp.nullable(),
  endsAt: Timestamp.nullable(),
  /** the same instants as the Paris wall clock the edit form shows ("2027-03-28T09:30") */
  startsAtParis: z.string().nullable(),
  endsAtParis: z.string().nullable(),
  online: z.boolean().nullable(),
  place: z.string(),
  organiser: z.string(),
  organisation: z.string(),
  contractType: JobContract.nullable(),
  remote: z.boolean().nullable(),
  closesOn: Day.nullable(),
  staffMessage: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  publishAt: Timestamp.nullable(),
  expiredAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  /** refused or withdrawn: the day it is erased */
  erasedOn: Day.nullable(),
  confirmedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  /** the optimistic version an edit names */
  updatedAt: Timestamp,
  /** null for senders */
  proposer: z
    .object({
      name: z.string(),
      email: z.string().nullable(),
      consentAt: Timestamp,
      consentTextVersion: z.string(),
    })
    .nullable(),
  history: z.array(ContributionHistoryEntry),
});
export type ContributionDetail = z.infer<typeof ContributionDetail>;

export const PutContributionBody = z.object({
  /** the `updatedAt` the edit started from: someone else's change in between is a 409, never overwritten */
  updatedAt: Timestamp,
  fields: ContributionFields,
});
export type PutContributionBody = z.infer<typeof PutContributionBody>;

export const AcceptContributionBody = z.object({
  /** absent: public now */
  publishAt: Timestamp.optional(),
});
export type AcceptContributionBody = z.infer<typeof AcceptContributionBody>;

export const StaffMessageBody = z.object({
  message: z
    .string('Écrivez le message à envoyer')
    .trim()
    .min(1, 'Écrivez le message : il est envoyé par e-mail à la personne qui a proposé')
    .max(STAFF_MESSAGE_MAX, `${STAFF_MESSAGE_MAX} caractères au plus`),
});
export type StaffMessageBody = z.infer<typeof StaffMessageBody>;

const IdParams = z.object({ id: Uuid });
const DetailAnswer = z.object({ contribution: ContributionDetail });

export const contributionsRoutes = defineRoutes({
  'GET /api/contributions': {
    summary: 'The moderation queue: one status at a time (default: to moderate, oldest first), counts per status',
    query: ContributionListQuery,
    response: ContributionList,
  },
  'GET /api/contributions/:id': {
    summary: 'One proposal: every field sent, its proposer and consent, and its history',
    params: IdParams,
    response: DetailAnswer,
  },
  'PUT /api/contributions/:id': {
    summary: 'Edit a proposal’s fields (same kind), over the version it started from',
    params: IdParams,
    body: PutContributionBody,
    response: DetailAnswer,
  },
  'POST /api/contributions/:id/accept': {
    summary: 'Accept: public now or from a date; the proposer is told by email',
    params: IdParams,
    body: AcceptContributionBody,
    response: DetailAnswer,
  },
  'POST /api/contributions/:id/request-changes': {
    summary: 'Ask the proposer for changes, with a message emailed to them',
    params: IdParams,
    body: StaffMessageBody,
    response: DetailAnswer,
  },
  'POST /api/contributions/:id/refuse': {
    summary: 'Refuse (or take down an accepted item), with a message emailed to the proposer; erased 90 days later',
    params: IdParams,
    body: StaffMessageBody,
    response: DetailAnswer,
  },
});

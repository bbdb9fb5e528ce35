// No zod here: the studio and the public pages read these lists at run time (selects, filters, labels).

export const CONTRIBUTION_KINDS = ['event', 'job', 'news'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
export const CONTRIBUTION_KIND_LABELS: Record<ContributionKind, string> = {
  event: 'Événement',
  job: 'Offre d’emploi ou de stage',
  news: 'Actualité d’adhérent·e',
};

export const CONTRIBUTION_STATUSES = [
  'unconfirmed',
  'pending',
  'changes_requested',
  'accepted',
  'refused',
  'withdrawn',
] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
export const CONTRIBUTION_STATUS_LABELS: Record<ContributionStatus, string> = {
  unconfirmed: 'Adresse à confirmer',
  pending: 'À modérer',
  changes_requested: 'Modifications demandées',
  accepted: 'Acceptée',
  refused: 'Refusée',
  withdrawn: 'Retirée',
};

export const JOB_CONTRACTS = ['cdi', 'cdd', 'stage', 'alternance', 'service_civique', 'independant', 'autre'] as const;
export type JobContract = (typeof JOB_CONTRACTS)[number];
export const JOB_CONTRACT_LABELS: Record<JobContract, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  stage: 'Stage',
  alternance: 'Alternance',
  service_civique: 'Service civique',
  independant: 'Mission (indépendant·e)',
  autre: 'Autre',
};

/** Refused and withdrawn proposals are erased this many days later (said on the form and the privacy page). */
export const CONTRIBUTION_ERASE_DAYS = 90;
/** Proposals whose address was never confirmed are erased this many days after they were made (said on the form). */
export const UNCONFIRMED_ERASE_DAYS = 30;

// taken under /agenda by the archive and the feed: never a contribution's slug
export const RESERVED_CONTRIBUTION_SLUGS = ['archives', 'feed.xml'] as const;

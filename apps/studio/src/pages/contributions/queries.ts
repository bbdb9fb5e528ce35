import type { ContributionKind, ContributionStatus } from '@crieur/api';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { errorMessage } from '../../i18n/error-message';

/** The queue's tabs, in the order a moderator works them (unconfirmed ones are not staff's business). */
export const QUEUE_TABS = ['pending', 'changes_requested', 'accepted', 'refused', 'withdrawn'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export function useContributionQueue(input: { status?: ContributionStatus; kind?: ContributionKind; page: number }) {
  return useApiQuery(
    'GET /api/contributions',
    { query: { status: input.status, kind: input.kind, page: input.page } },
    { keepPrevious: true },
  );
}

export function useContribution(id: string) {
  return useApiQuery('GET /api/contributions/:id', { params: { id } });
}

// a decision changes the tabs' counts and the item: both reload
const AFTER = ['GET /api/contributions', 'GET /api/contributions/:id', 'GET /api/audit'] as const;

export const useEditContribution = () => useApiMutation('PUT /api/contributions/:id', { invalidates: AFTER });
export const useAcceptContribution = () => useApiMutation('POST /api/contributions/:id/accept', { invalidates: AFTER });
export const useRequestChanges = () =>
  useApiMutation('POST /api/contributions/:id/request-changes', { invalidates: AFTER });
export const useRefuseContribution = () => useApiMutation('POST /api/contributions/:id/refuse', { invalidates: AFTER });

/** The server's own sentence for a state change or a conflict (it names the state); the catalog's otherwise. */
export function moderationError(t: TFunction, error: unknown): string {
  if (
    error instanceof ApiError &&
    ['TRANSITION_NOT_ALLOWED', 'EDIT_CONFLICT', 'NOT_FOUND', 'FORBIDDEN'].includes(error.code) &&
    error.message
  )
    return error.message;
  return errorMessage(t, error);
}

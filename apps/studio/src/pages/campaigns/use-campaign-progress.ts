import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CampaignProgress } from '@crieur/api';
import { queryKeyOf, useApiQuery } from '../../api/queries';
import { LIVE_STATUSES, paceFrom, processedOf, type Pace, type PaceSample } from './format';

export const POLL_MS = 1500;

export type ProgressState = {
  progress: CampaignProgress | null;
  /** the pace seen by this page's polls while sending; null until they span a few seconds */
  pace: Pace | null;
  /** the last failed request; polling goes on while the campaign is live */
  error: unknown;
  /** an action's answer is fresher than any poll in flight: it wins */
  set: (progress: CampaignProgress) => void;
  refresh: () => void;
};

const isLive = (progress: CampaignProgress | undefined) =>
  progress !== undefined && LIVE_STATUSES.includes(progress.status);

/**
 * The campaign's progress, fetched on mount and then every 1.5 s while it is sending, paused or
 * scheduled; polling stops once it is over. A poll never starts while the previous one is in flight.
 */
export function useCampaignProgress(id: string): ProgressState {
  const queryClient = useQueryClient();
  const input = { params: { id } };
  const query = useApiQuery('GET /api/campaigns/:id/progress', input, {
    refetchInterval: (q) => (isLive(q.state.data?.progress) ? POLL_MS : false),
  });
  const progress = query.data?.progress ?? null;

  // the server's rate is an average over the last minute; the page measures its own between polls
  const samples = useRef<PaceSample[]>([]);
  const [pace, setPace] = useState<{ id: string; pace: Pace | null }>({ id, pace: null });
  useEffect(() => {
    samples.current = []; // another campaign: its pace starts afresh
  }, [id]);
  useEffect(() => {
    if (!progress) return;
    if (progress.status === 'sending')
      samples.current = [...samples.current.slice(-30), { at: Date.now(), processed: processedOf(progress.counts) }];
    else samples.current = [];
    setPace({ id, pace: paceFrom(samples.current, progress.counts.queued + progress.counts.sending) });
  }, [query.dataUpdatedAt]); // one sample per answer (a poll or an action's)

  const set = useCallback(
    (next: CampaignProgress) => {
      const key = queryKeyOf('GET /api/campaigns/:id/progress', { params: { id } });
      // a poll in flight would bring an older state back: it is dropped (and its state reverted) first
      void queryClient
        .cancelQueries({ queryKey: key, exact: true })
        .then(() => queryClient.setQueryData(key, { progress: next }));
    },
    [queryClient, id],
  );
  const refresh = useCallback(() => void query.refetch(), [query.refetch]);

  return {
    progress,
    pace: pace.id === id ? pace.pace : null,
    error: query.isError ? query.error : null,
    set,
    refresh,
  };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { getCampaignProgress } from '../../api/endpoints';
import type { CampaignProgress } from '../../api/types';
import { LIVE_STATUSES } from './format';

export const POLL_MS = 1500;

export type ProgressState = {
  progress: CampaignProgress | null;
  /** the last failed request; polling goes on while the campaign is live */
  error: unknown;
  /** an action's answer is fresher than any poll in flight: it wins */
  set: (progress: CampaignProgress) => void;
  refresh: () => void;
};

/**
 * The campaign's progress, fetched on mount and then every 1.5 s while it is sending, paused or
 * scheduled. Each request waits for the previous answer, so a slow server never piles them up.
 */
export function useCampaignProgress(id: string): ProgressState {
  const [state, setState] = useState<{ id: string; progress: CampaignProgress | null; error: unknown }>({ id, progress: null, error: null });
  const [tick, setTick] = useState(0);
  // answers to requests older than the latest request or action are dropped
  const sequence = useRef(0);

  useEffect(() => {
    const mine = ++sequence.current;
    getCampaignProgress(id).then(
      (answer) => mine === sequence.current && setState({ id, progress: answer.progress, error: null }),
      (error: unknown) => mine === sequence.current && setState((s) => ({ ...s, id, error })),
    );
  }, [id, tick]);

  const current = state.id === id ? state : { id, progress: null, error: null };
  const live = current.progress !== null && LIVE_STATUSES.includes(current.progress.status);
  useEffect(() => {
    if (!live) return;
    // re-armed after every answer (state changes), so requests never overlap
    const timer = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [live, state]);

  const set = useCallback(
    (progress: CampaignProgress) => {
      sequence.current++;
      setState({ id, progress, error: null });
    },
    [id],
  );
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { progress: current.progress, error: current.error, set, refresh };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { getCampaignProgress } from '../../api/endpoints';
import type { CampaignProgress } from '../../api/types';
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

type State = { id: string; progress: CampaignProgress | null; pace: Pace | null; error: unknown };

/**
 * The campaign's progress, fetched on mount and then every 1.5 s while it is sending, paused or
 * scheduled. Each request waits for the previous answer, so a slow server never piles them up.
 */
export function useCampaignProgress(id: string): ProgressState {
  const [state, setState] = useState<State>({ id, progress: null, pace: null, error: null });
  const [tick, setTick] = useState(0);
  // answers to requests older than the latest request or action are dropped
  const sequence = useRef(0);
  // the server's rate is an average over the last minute; the page measures its own between polls
  const samples = useRef<PaceSample[]>([]);

  const accept = useCallback(
    (progress: CampaignProgress) => {
      if (progress.status === 'sending')
        samples.current = [...samples.current.slice(-30), { at: Date.now(), processed: processedOf(progress.counts) }];
      else samples.current = [];
      const remaining = progress.counts.queued + progress.counts.sending;
      setState({ id, progress, pace: paceFrom(samples.current, remaining), error: null });
    },
    [id],
  );

  useEffect(() => {
    samples.current = []; // another campaign: its pace starts afresh
  }, [id]);

  useEffect(() => {
    const mine = ++sequence.current;
    getCampaignProgress(id).then(
      (answer) => mine === sequence.current && accept(answer.progress),
      (error: unknown) => mine === sequence.current && setState((s) => ({ ...s, id, error })),
    );
  }, [id, tick, accept]);

  const current = state.id === id ? state : { id, progress: null, pace: null, error: null };
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
      accept(progress);
    },
    [accept],
  );
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { progress: current.progress, pace: current.pace, error: current.error, set, refresh };
}

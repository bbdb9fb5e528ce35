import { useCallback, useEffect, useRef, useState } from 'react';
import type { PreflightAnswer, PreflightItem } from '@crieur/api';
import { ApiError } from '../../api/api-error';
import { call } from '../../api/client';

export type PreflightState = {
  answer: PreflightAnswer | null;
  /** true while links and DNS are asked (a few seconds at most) */
  checking: boolean;
  error: unknown;
  run: () => void;
  /** the blocks a refused send answered with (422 PREFLIGHT_BLOCKED) replace the last answer */
  showBlocked: (error: unknown) => boolean;
};

/** The checklist of one saved campaign: asked at once, then on demand; only the newest answer is kept. */
export function usePreflight(campaignId: string, options: { auto?: boolean } = {}): PreflightState {
  const [answer, setAnswer] = useState<PreflightAnswer | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);

  const run = useCallback(() => {
    const ticket = ++latest.current;
    setChecking(true);
    setError(null);
    call('POST /api/campaigns/:id/preflight', { params: { id: campaignId } })
      .then((fresh) => {
        if (ticket === latest.current) setAnswer(fresh);
      })
      .catch((failure: unknown) => {
        if (ticket === latest.current) setError(failure);
      })
      .finally(() => {
        if (ticket === latest.current) setChecking(false);
      });
  }, [campaignId]);

  useEffect(() => {
    if (options.auto !== false) run();
    return () => {
      latest.current++;
    };
  }, [run, options.auto]);

  const showBlocked = useCallback((failure: unknown) => {
    if (!(failure instanceof ApiError) || failure.code !== 'PREFLIGHT_BLOCKED') return false;
    const items = Array.isArray(failure.details.items) ? (failure.details.items as PreflightItem[]) : [];
    setAnswer((current) => ({
      version: current?.version ?? 0,
      checkedAt: new Date().toISOString(),
      // the server's blocks first, then what the last full check said apart from them
      items: [...items, ...(current?.items ?? []).filter((i) => i.level !== 'block')],
    }));
    return true;
  }, []);

  return { answer, checking, error, run, showBlocked };
}

/** Warnings' codes, once each: what "Envoyer quand même" acknowledges. */
export const warningCodes = (items: readonly PreflightItem[]) => [
  ...new Set(items.filter((i) => i.level === 'warning').map((i) => i.code)),
];

import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { CampaignPreview, PreviewBody } from '@crieur/api';
import { call } from '../../api/client';

export const PREVIEW_DELAY_MS = 400;

export type LivePreview = {
  preview: CampaignPreview | null;
  loading: boolean;
  error: unknown;
};

/**
 * Renders the unsaved state on the server 400 ms after the last change. The render is cached by
 * what it was asked with, so only the latest state's answer is shown: a slow render never replaces
 * a fresher one, and the last preview stays on screen while the next one is made.
 */
export function useLivePreview(input: PreviewBody): LivePreview {
  const body = JSON.stringify(input);
  const [settled] = useDebouncedValue(body, PREVIEW_DELAY_MS);
  // a POST that changes nothing: cached like a read, keyed by the body it renders
  const query = useQuery({
    queryKey: ['POST /api/campaigns/preview', settled],
    queryFn: () => call('POST /api/campaigns/preview', { body: JSON.parse(settled) as PreviewBody }),
    placeholderData: keepPreviousData,
    retry: false,
    // each state typed is its own render: keep none of them once the composer moved on (a render weighs ~100 KB)
    gcTime: 0,
  });
  // a failed render keeps the last good preview on screen, with the error above it
  const lastGood = useRef<CampaignPreview | null>(null);
  if (query.data) lastGood.current = query.data;
  return {
    preview: query.data ?? lastGood.current,
    loading: settled !== body || query.isFetching,
    error: query.isError ? query.error : null,
  };
}

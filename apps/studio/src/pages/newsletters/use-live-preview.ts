import { useEffect, useRef, useState } from 'react';
import { previewCampaign } from '../../api/endpoints';
import type { BlockError, CampaignPreview, CampaignPreviewInput } from '../../api/types';

export const PREVIEW_DELAY_MS = 400;

export type LivePreview = {
  preview: CampaignPreview | null;
  loading: boolean;
  error: unknown;
};

// the server may name a field as "events.0.date", "/events/0/date" or ["events", 0, "date"]: one form here
function normalisePath(path: unknown): string {
  if (Array.isArray(path)) return path.join('.');
  if (typeof path !== 'string') return '';
  return path
    .replace(/^\/+/, '')
    .replace(/[/[\]]+/g, '.')
    .replace(/\.+$/, '')
    .replace(/^\./, '');
}

function normalise(preview: CampaignPreview): CampaignPreview {
  const blockErrors: BlockError[] = (preview.blockErrors ?? []).map((error) => ({
    ...error,
    path: normalisePath(error.path),
  }));
  return { ...preview, blockErrors, mjmlErrors: preview.mjmlErrors ?? [], fieldErrors: preview.fieldErrors ?? [] };
}

/**
 * Renders the unsaved state on the server 400 ms after the last change. Answers that arrive
 * after a newer request was sent are dropped, so a slow render never replaces a fresher one.
 */
export function useLivePreview(input: CampaignPreviewInput): LivePreview {
  const [state, setState] = useState<LivePreview>({ preview: null, loading: true, error: null });
  const sequence = useRef(0);
  const body = JSON.stringify(input);

  useEffect(() => {
    const ticket = ++sequence.current;
    setState((current) => ({ ...current, loading: true }));
    const timer = setTimeout(() => {
      previewCampaign(JSON.parse(body) as CampaignPreviewInput).then(
        (preview) =>
          ticket === sequence.current && setState({ preview: normalise(preview), loading: false, error: null }),
        (error: unknown) =>
          ticket === sequence.current && setState((current) => ({ ...current, loading: false, error })),
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [body]);

  return state;
}

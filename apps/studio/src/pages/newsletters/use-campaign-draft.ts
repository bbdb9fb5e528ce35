import { useCallback, useEffect, useRef, useState } from 'react';
import { saveCampaign } from '../../api/endpoints';
import type { Campaign, CampaignInput, NewsletterKind } from '../../api/types';
import { fromStored, toPayload, type KeyedBlock } from './blocks';
import { rawCode } from './format';

export type DraftFields = {
  kind: NewsletterKind;
  subject: string;
  preheader: string;
  fromName: string;
  replyTo: string;
  lists: string[];
  blocks: KeyedBlock[];
};

export type DraftSaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict' };

export const CAMPAIGN_AUTOSAVE_MS = 1500;

export function draftOf(campaign: Campaign): DraftFields {
  return {
    kind: campaign.kind,
    subject: campaign.subject,
    preheader: campaign.preheader,
    fromName: campaign.fromName,
    replyTo: campaign.replyTo,
    lists: campaign.lists.map((list) => list.slug),
    blocks: fromStored(campaign.blocks),
  };
}

/** The body of PUT and of the preview: blocks without their local keys. */
export function payloadOf(fields: DraftFields): Omit<CampaignInput, 'version'> {
  return { ...fields, blocks: fields.blocks.map((item) => toPayload(item.block)) };
}

/**
 * The composer's local copy of a draft, saved whole (PUT with its version) 1.5 s after the last
 * change. One save at a time; a 409 EDIT_CONFLICT stops saving until the user reloads the other
 * version or chooses to overwrite it: nothing is overwritten without asking.
 */
export function useCampaignDraft(initial: Campaign, editable: boolean, onSaved: (campaign: Campaign) => void) {
  const [fields, setFields] = useState<DraftFields>(() => draftOf(initial));
  const [state, setState] = useState<DraftSaveState>({ kind: 'idle' });
  const fieldsRef = useRef(fields);
  const versionRef = useRef(initial.version);
  const edits = useRef(0);
  const savedEdits = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(!editable);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimer();
    while (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    if (edits.current === savedEdits.current) return true;
    const covering = edits.current;
    const body: CampaignInput = { ...payloadOf(fieldsRef.current), version: versionRef.current };
    setState({ kind: 'saving' });
    const attempt = saveCampaign(initial.id, body).then(
      ({ campaign }) => {
        versionRef.current = campaign.version;
        savedEdits.current = covering;
        setState(edits.current === covering ? { kind: 'saved', at: new Date() } : { kind: 'dirty' });
        onSavedRef.current(campaign);
        return true;
      },
      (error: unknown) => {
        if (rawCode(error) === 'EDIT_CONFLICT') {
          blocked.current = true;
          setState({ kind: 'conflict' });
        } else setState({ kind: 'error', error });
        return false;
      },
    );
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, [initial.id]);

  const flushRef = useRef(flush);
  flushRef.current = flush;

  const schedule = () => {
    clearTimer();
    timer.current = setTimeout(() => void flushRef.current(), CAMPAIGN_AUTOSAVE_MS);
  };

  /** `change` gets the latest fields: several edits in one tick (drag, undo) never lose each other. */
  const update = useCallback((change: Partial<DraftFields> | ((current: DraftFields) => Partial<DraftFields>)) => {
    if (!editable) return;
    const patch = typeof change === 'function' ? change(fieldsRef.current) : change;
    const next = { ...fieldsRef.current, ...patch };
    fieldsRef.current = next;
    edits.current += 1;
    setFields(next);
    if (blocked.current) return;
    setState((current) => (current.kind === 'saving' ? current : { kind: 'dirty' }));
    schedule();
  }, [editable]); // schedule only touches refs

  /** Takes the server's copy as the new base (their version after a conflict). */
  const reset = useCallback((campaign: Campaign) => {
    clearTimer();
    const next = draftOf(campaign);
    fieldsRef.current = next;
    versionRef.current = campaign.version;
    edits.current = 0;
    savedEdits.current = 0;
    blocked.current = campaign.status !== 'draft';
    setFields(next);
    setState({ kind: 'idle' });
  }, []);

  /** Keeps the local copy and saves it over `latestVersion` (the user chose to overwrite). */
  const overwrite = useCallback(async (latestVersion: number) => {
    versionRef.current = latestVersion;
    blocked.current = false;
    edits.current += 1; // make sure the local copy goes out even if it was "saved" before
    return flushRef.current();
  }, []);

  // leaving the page: save what is pending; closing the tab: the browser asks first
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (edits.current !== savedEdits.current && !blocked.current) {
        void flushRef.current();
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (edits.current !== savedEdits.current && !blocked.current) void flushRef.current();
      clearTimer();
    };
  }, []);

  return { fields, state, update, flush, reset, overwrite, hasUnsaved: () => edits.current !== savedEdits.current };
}

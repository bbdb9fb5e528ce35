import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditConflict } from '@crieur/api';
import { ApiError } from '../api/api-error';

/** The `EDIT_CONFLICT` answer of a versioned save (articles, dossiers) as the conflict dialog reads it; else null. */
export function editConflictOf(error: unknown, fallbackVersion: number): EditConflict | null {
  if (!(error instanceof ApiError) || error.code !== 'EDIT_CONFLICT') return null;
  const current = error.details.current as Partial<EditConflict> | undefined;
  return {
    version: typeof current?.version === 'number' ? current.version : fallbackVersion,
    updatedAt: typeof current?.updatedAt === 'string' ? current.updatedAt : new Date().toISOString(),
    updatedBy: typeof current?.updatedBy === 'string' ? current.updatedBy : null,
  };
}

export type AutosaveState<C> =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict'; conflict: C };

export type AutosaveOptions<F, R, C> = {
  /** Saves the fields over `version` (PUT with optimistic locking); answers the saved record and its new version. */
  save(fields: F, version: number): Promise<{ saved: R; version: number }>;
  /** What to show for a failed save that is an edit conflict; null for any other error. */
  conflictOf(error: unknown, version: number): C | null;
  delayMs: number;
  onSaved(saved: R): void;
  /** The first copy, when it is known at mount (otherwise call reset once it is loaded). */
  initial?: { fields: F; version: number; blocked: boolean };
};

/**
 * A local copy of a versioned record, saved whole `delayMs` after the last change. One save at a
 * time; an edit conflict blocks every later save until the page takes the other version (reset)
 * or the user chooses to overwrite it: nothing is ever overwritten silently.
 */
export function useVersionedAutosave<F, R, C>(options: AutosaveOptions<F, R, C>) {
  const [fields, setFields] = useState<F | null>(() => options.initial?.fields ?? null);
  const [state, setState] = useState<AutosaveState<C>>({ kind: 'idle' });
  const fieldsRef = useRef<F | null>(options.initial?.fields ?? null);
  const versionRef = useRef(options.initial?.version ?? 0);
  const edits = useRef(0); // bumps on each local change
  const savedEdits = useRef(0); // the changes the server has
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(options.initial?.blocked ?? false); // conflict or read-only: no saves
  // the latest callbacks, without making flush change identity on every render
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimer();
    while (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    if (edits.current === savedEdits.current || !fieldsRef.current) return true;
    const covering = edits.current;
    const { save, conflictOf } = optionsRef.current;
    setState({ kind: 'saving' });
    const attempt = save(fieldsRef.current, versionRef.current).then(
      ({ saved, version }) => {
        versionRef.current = version;
        savedEdits.current = covering;
        setState(edits.current === covering ? { kind: 'saved', at: new Date() } : { kind: 'dirty' });
        optionsRef.current.onSaved(saved);
        return true;
      },
      (error: unknown) => {
        const conflict = conflictOf(error, versionRef.current);
        if (conflict !== null) {
          blocked.current = true;
          setState({ kind: 'conflict', conflict });
        } else {
          setState({ kind: 'error', error });
        }
        return false;
      },
    );
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, []);

  const flushRef = useRef(flush);
  flushRef.current = flush;

  /** `change` may read the latest fields: several edits in one tick (drag, undo) never lose each other. */
  const update = useCallback((change: Partial<F> | ((current: F) => Partial<F>)) => {
    const current = fieldsRef.current;
    if (!current) return;
    const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
    fieldsRef.current = next;
    edits.current += 1;
    setFields(next);
    if (blocked.current) return;
    setState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
    clearTimer();
    timer.current = setTimeout(() => void flushRef.current(), optionsRef.current.delayMs);
  }, []);

  /** Takes the server's copy as the new base (first load, their version after a conflict, a restore). */
  const reset = useCallback((next: F, version: number, readOnly = false) => {
    clearTimer();
    fieldsRef.current = next;
    versionRef.current = version;
    edits.current = 0;
    savedEdits.current = 0;
    blocked.current = readOnly;
    setFields(next);
    setState({ kind: 'idle' });
  }, []);

  /** Something else moved the version without touching the fields (a workflow step, a comment). */
  const setVersion = useCallback((version: number) => {
    versionRef.current = version;
  }, []);

  /** Keeps the local copy and saves it over `latestVersion` (the user chose to overwrite). */
  const overwrite = useCallback(async (latestVersion: number) => {
    versionRef.current = latestVersion;
    blocked.current = false;
    edits.current += 1; // the local copy goes out even if it was "saved" before
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

  return {
    fields,
    state,
    update,
    flush,
    reset,
    setVersion,
    overwrite,
    hasUnsaved: () => edits.current !== savedEdits.current,
    version: () => versionRef.current,
  };
}

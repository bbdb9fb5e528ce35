import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { saveArticle } from '../../../api/endpoints';
import type { ArticleDetail, ArticleInput, EditConflict } from '../../../api/types';

export type ArticleFields = Omit<ArticleInput, 'version'>;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict'; current: EditConflict };

export const AUTOSAVE_DELAY_MS = 2000;

export function fieldsOf(article: ArticleDetail): ArticleFields {
  return {
    title: article.title,
    slug: article.slug,
    lede: article.lede,
    body: article.body,
    rubrique: article.rubrique.slug,
    dossierId: article.dossier?.id ?? null,
    tags: article.tags,
    authors: article.authors,
    coverMediaId: article.coverMediaId,
  };
}

function conflictOf(error: ApiError, fallback: number): EditConflict {
  const current = error.details.current as Partial<EditConflict> | undefined;
  return {
    version: typeof current?.version === 'number' ? current.version : fallback,
    updatedAt: typeof current?.updatedAt === 'string' ? current.updatedAt : new Date().toISOString(),
    updatedBy: typeof current?.updatedBy === 'string' ? current.updatedBy : null,
  };
}

/**
 * Local copy of an article's fields, saved whole (PUT with its version) 2 s after the last
 * change. One save at a time; a 409 EDIT_CONFLICT stops every later save until the page loads
 * the other version: nothing is ever overwritten silently.
 */
export function useAutosave(articleId: string, onSaved: (article: ArticleDetail) => void) {
  const [fields, setFields] = useState<ArticleFields | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const fieldsRef = useRef<ArticleFields | null>(null);
  const versionRef = useRef(0);
  const edits = useRef(0); // bumps on each local change
  const savedEdits = useRef(0); // the changes the server has
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false); // conflict: no more saves
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  /** Takes the server's copy as the new base (first load, reload after a conflict, restore). */
  const reset = useCallback((article: ArticleDetail) => {
    clearTimer();
    const next = fieldsOf(article);
    fieldsRef.current = next;
    versionRef.current = article.version;
    edits.current = 0;
    savedEdits.current = 0;
    blocked.current = false;
    setFields(next);
    setState({ kind: 'idle' });
  }, []);

  /** A transition or a comment changed the version without touching the fields. */
  const setVersion = useCallback((version: number) => {
    versionRef.current = version;
  }, []);

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimer();
    while (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    if (edits.current === savedEdits.current || !fieldsRef.current) return true;
    const covering = edits.current;
    const body: ArticleInput = { ...fieldsRef.current, version: versionRef.current };
    setState({ kind: 'saving' });
    const attempt = saveArticle(articleId, body).then(
      ({ article }) => {
        versionRef.current = article.version;
        savedEdits.current = covering;
        setState(edits.current === covering ? { kind: 'saved', at: new Date() } : { kind: 'dirty' });
        onSavedRef.current(article);
        return true;
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'EDIT_CONFLICT') {
          blocked.current = true;
          setState({ kind: 'conflict', current: conflictOf(error, versionRef.current) });
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
  }, [articleId]);

  const flushRef = useRef(flush);
  flushRef.current = flush;

  const update = useCallback((patch: Partial<ArticleFields>) => {
    if (!fieldsRef.current) return;
    const next = { ...fieldsRef.current, ...patch };
    fieldsRef.current = next;
    edits.current += 1;
    setFields(next);
    if (blocked.current) return;
    setState((current) => (current.kind === 'saving' ? current : { kind: 'dirty' }));
    clearTimer();
    timer.current = setTimeout(() => void flushRef.current(), AUTOSAVE_DELAY_MS);
  }, []);

  const hasUnsaved = () => edits.current !== savedEdits.current;

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
      if (timer.current && edits.current !== savedEdits.current && !blocked.current) void flushRef.current();
      clearTimer();
    };
  }, []);

  return { fields, state, update, flush, reset, setVersion, hasUnsaved, version: () => versionRef.current };
}

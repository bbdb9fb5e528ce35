import { useCallback, useEffect, useState } from 'react';

export type ApiData<T> =
  | { status: 'loading'; reload: () => void }
  | { status: 'failed'; error: unknown; reload: () => void }
  | { status: 'ready'; data: T; reload: () => void };

/** Loads `load()` on mount (and on reload()); the latest answer wins. */
export function useApiData<T>(load: () => Promise<T>): ApiData<T> {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; data: T }
  >({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [generation]); // `load` is not a dependency: callers pass an inline closure; reload() re-runs it

  return { ...state, reload };
}

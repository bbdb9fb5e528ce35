import { useCallback, useEffect, useState } from 'react';

export type ApiData<T> =
  | { status: 'loading'; reload: () => void }
  | { status: 'failed'; error: unknown; reload: () => void }
  | { status: 'ready'; data: T; reload: () => void };

/**
 * Loads `load()` on mount, on reload(), and whenever `key` changes (e.g. the id in the route,
 * which shows "loading" again); the latest answer wins.
 */
export function useApiData<T>(load: () => Promise<T>, key?: string): ApiData<T> {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; data: T }
  >({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const [loadedKey, setLoadedKey] = useState(key);
  if (loadedKey !== key) {
    // another record: never show the previous one's data under the new address
    setLoadedKey(key);
    setState({ status: 'loading' });
  }

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [generation, key]); // `load` is not a dependency: callers pass an inline closure; reload() or a new key re-runs it

  return { ...state, reload };
}

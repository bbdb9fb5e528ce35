import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list page's filters, kept in the address (back from a record finds the same search). Text
 * filters (`typed`) follow the keyboard at once and reach the address 300 ms after the last key.
 */
export function useUrlFilters<K extends string>(keys: readonly K[], typed: readonly K[] = []) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;

  const [text, setText] = useState(
    () => Object.fromEntries(typed.map((key) => [key, values[key]])) as Record<K, string>,
  );
  const [debounced] = useDebouncedValue(text, 300);

  const set = (key: K, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  /** Several filters in one change of address (a date range): two set() calls in a row would keep only the last. */
  const setAll = (changes: Partial<Record<K, string>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    const changes: Partial<Record<K, string>> = {};
    for (const key of typed) {
      const value = (debounced[key] ?? '').trim();
      if (value !== values[key]) changes[key] = value;
    }
    // one change of address: two fields typed within the same pause must both reach it
    if (Object.keys(changes).length > 0) setAll(changes);
  }, [debounced]); // only the typed text drives this; the address follows it

  const type = (key: K, value: string) => setText((current) => ({ ...current, [key]: value }));
  const clear = () => {
    setText(Object.fromEntries(typed.map((key) => [key, ''])) as Record<K, string>);
    setParams(new URLSearchParams(), { replace: true });
  };
  const active = keys.some((key) => values[key]) || typed.some((key) => (text[key] ?? '').trim());

  return { values, text, set, setAll, type, clear, active };
}

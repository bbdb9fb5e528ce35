import {
  keepPreviousData,
  QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useRef } from 'react';
import type { ApiContract, ResponseOf, RouteKey } from '@crieur/api';
import { ApiError } from './api-error';
import { call, type CallInput } from './client';

/** A 4xx will answer the same again: only network and server failures are retried (twice). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
        // staff switch windows often (studio ↔ public site): no surprise reloads under their cursor
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

// call()'s rest-argument form keeps callers honest; here the input is already typed
const callWith = <K extends RouteKey>(key: K, input?: CallInput<K>) =>
  (call as (key: K, input?: CallInput<K>) => Promise<ResponseOf<ApiContract[K]>>)(key, input);

/** The cache key of a route's answer: the route, then what it was asked with. */
export const queryKeyOf = <K extends RouteKey>(key: K, input?: CallInput<K>) =>
  [key, input?.params ?? null, input?.query ?? null] as const;

type QueryOptions<K extends RouteKey> = Omit<
  UseQueryOptions<ResponseOf<ApiContract[K]>, unknown>,
  'queryKey' | 'queryFn' | 'placeholderData'
> & {
  /** filters changing: keep showing the last answer until the new one arrives (no flash of "loading") */
  keepPrevious?: boolean;
};

/** One GET route of the contract, cached by route and input. */
export function useApiQuery<K extends RouteKey>(key: K, input?: CallInput<K>, options: QueryOptions<K> = {}) {
  const { keepPrevious, ...rest } = options;
  return useQuery({
    queryKey: queryKeyOf(key, input),
    queryFn: () => callWith(key, input),
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...rest,
  });
}

/**
 * One write route of the contract. After success, the answers of the `invalidates` routes are
 * reloaded (every input), so lists and counts follow.
 */
export function useApiMutation<K extends RouteKey>(
  key: K,
  options: {
    invalidates?: readonly RouteKey[];
    onSuccess?: (data: ResponseOf<ApiContract[K]>, input: CallInput<K>) => void | Promise<void>;
  } = {},
) {
  const client = useQueryClient();
  return useMutation<ResponseOf<ApiContract[K]>, unknown, CallInput<K>>({
    mutationFn: (input) => callWith(key, input),
    onSuccess: async (data, input) => {
      await options.onSuccess?.(data, input);
      if (options.invalidates?.length)
        await client.invalidateQueries({ predicate: (q) => options.invalidates!.includes(q.queryKey[0] as RouteKey) });
    },
  });
}

/**
 * A cursor-paged GET route ("Charger plus"): pages are fetched with `cursor` added to the query, the
 * next cursor read from each answer by `nextCursor`; changing the query starts again from the first page.
 */
export function useApiInfiniteQuery<K extends RouteKey>(
  key: K,
  input: CallInput<K>,
  nextCursor: (page: ResponseOf<ApiContract[K]>) => string | null | undefined,
  options: { enabled?: boolean } = {},
) {
  return useInfiniteQuery({
    queryKey: [...queryKeyOf(key, input), 'pages'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      callWith(key, {
        ...input,
        query: { ...(input.query as object), ...(pageParam ? { cursor: pageParam } : {}) },
      } as CallInput<K>),
    getNextPageParam: (page) => nextCursor(page) ?? undefined,
    placeholderData: keepPreviousData,
    ...options,
  });
}

/**
 * A mutation's `mutate` that starts at most once at a time: TanStack's `isPending` reaches the button a
 * render late, so a double click would otherwise act twice (send, schedule, delete…).
 */
export function useSingleFlight<TVariables>(
  mutate: (variables: TVariables, options: { onSettled: () => void }) => void,
): (variables: TVariables) => void {
  const inFlight = useRef(false);
  return (variables) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutate(variables, { onSettled: () => (inFlight.current = false) });
  };
}

import { Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { LoadError } from './LoadError';

type Props<T> = {
  query: UseQueryResult<T, unknown>;
  /** shown on a 404 (the record was deleted or never existed); a load error otherwise */
  notFound?: ReactNode;
  children: (data: T) => ReactNode;
};

/** The one load shell of a page: a spinner, "introuvable", the error with a retry, or the page. */
export function QueryView<T>({ query, notFound, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader aria-label={t('app.loading')} />;
  if (query.isError) {
    if (notFound && query.error instanceof ApiError && query.error.code === 'NOT_FOUND') return <>{notFound}</>;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}

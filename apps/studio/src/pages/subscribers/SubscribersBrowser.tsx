import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  useMatches,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { searchSubscribers } from '../../api/endpoints';
import {
  SUBSCRIPTION_STATUSES,
  type MailingList,
  type SubscriberSummary,
  type SubscriptionStatus,
} from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../i18n/error-message';
import { formatDate, formatNumber, STATUS_COLORS } from './format';

type Results = { items: SubscriberSummary[]; nextCursor: string | null; loaded: boolean };
type Props = { lists: MailingList[] | null; reloadKey: number };

// Mantine pickers want a non-empty value for "no filter"
const ALL = 'all';

const isStatus = (value: string | null): value is SubscriptionStatus =>
  value !== null && (SUBSCRIPTION_STATUSES as readonly string[]).includes(value);

/** Search box, list and status filters, and the table, loaded 50 at a time ("Charger plus"). */
export function SubscribersBrowser({ lists, reloadKey }: Props) {
  const { t, i18n } = useTranslation();
  const compact = useMatches({ base: true, sm: false });
  // filters live in the address: back from a subscriber's page finds the same search
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const list = params.get('list') ?? '';
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : '';

  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    if (debounced !== q) setParam('q', debounced);
  }, [debounced]); // only the typed text drives this; q follows it

  const [results, setResults] = useState<Results>({ items: [], nextCursor: null, loaded: false });
  const [busy, setBusy] = useState<'first' | 'more' | null>('first');
  const [error, setError] = useState<unknown>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [retry, setRetry] = useState(0);
  const request = useRef(0); // the latest request wins: typing fast must not show an older answer

  useEffect(() => {
    const id = ++request.current;
    setBusy('first');
    setError(null);
    setMoreError(null);
    searchSubscribers({ q: q || undefined, list: list || undefined, status: status || undefined }).then(
      (answer) => {
        if (id !== request.current) return;
        setResults({ items: answer.subscribers, nextCursor: answer.nextCursor, loaded: true });
        setBusy(null);
      },
      (caught: unknown) => {
        if (id !== request.current) return;
        setError(caught);
        setBusy(null);
      },
    );
  }, [q, list, status, reloadKey, retry]);

  const loadMore = () => {
    if (!results.nextCursor) return;
    const id = ++request.current;
    setBusy('more');
    setMoreError(null);
    searchSubscribers({
      q: q || undefined,
      list: list || undefined,
      status: status || undefined,
      cursor: results.nextCursor,
    }).then(
      (answer) => {
        if (id !== request.current) return;
        setResults((current) => ({
          items: [...current.items, ...answer.subscribers],
          nextCursor: answer.nextCursor,
          loaded: true,
        }));
        setBusy(null);
      },
      (caught: unknown) => {
        if (id !== request.current) return;
        setMoreError(caught);
        setBusy(null);
      },
    );
  };

  const filtered = Boolean(q || list || status || search.trim());
  const clearFilters = () => {
    setSearch('');
    setParams(new URLSearchParams(), { replace: true });
  };

  const statusOptions = [
    { value: ALL, label: t('subscribers.statusFilterValues.all') },
    ...SUBSCRIPTION_STATUSES.map((value) => ({ value, label: t(`subscribers.statusFilterValues.${value}`) })),
  ];
  const listOptions = [
    { value: ALL, label: t('subscribers.allLists') },
    ...(lists ?? []).map((item) => ({ value: item.slug, label: item.name })),
  ];

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('subscribers.search')}
          placeholder={t('subscribers.searchPlaceholder')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            search ? (
              <CloseButton size="sm" aria-label={t('subscribers.clearSearch')} onClick={() => setSearch('')} />
            ) : null
          }
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter searches at once, without waiting for the pause
            if (event.key === 'Enter') setParam('q', search.trim());
          }}
          autoComplete="off"
          style={{ flex: '1 1 260px' }}
        />
        <Select
          label={t('subscribers.listFilter')}
          data={listOptions}
          value={list || ALL}
          allowDeselect={false}
          disabled={lists === null}
          onChange={(value) => setParam('list', value && value !== ALL ? value : '')}
          comboboxProps={{ withinPortal: true }}
          style={{ flex: compact ? '1 1 100%' : '0 1 220px' }}
        />
        <div style={{ flex: compact ? '1 1 100%' : '0 1 auto', maxWidth: '100%' }}>
          <Text component="div" size="sm" fw={500} mb={4} id="subscribers-status-filter">
            {t('subscribers.statusFilter')}
          </Text>
          <SegmentedControl
            aria-labelledby="subscribers-status-filter"
            orientation={compact ? 'vertical' : 'horizontal'}
            fullWidth={compact}
            data={statusOptions}
            value={status || ALL}
            onChange={(value) => setParam('status', value === ALL ? '' : value)}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
        </div>
      </Group>

      {error !== null ? (
        <LoadError error={error} onRetry={() => setRetry((n) => n + 1)} />
      ) : !results.loaded ? (
        <Loader aria-label={t('app.loading')} />
      ) : results.items.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<IconUserSearch aria-hidden />}
            title={t('subscribers.noMatchTitle')}
            description={t('subscribers.noMatchDescription')}
          >
            <EmptyState.Actions>
              <Button variant="light" onClick={clearFilters}>
                {t('subscribers.clearFilters')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          // "Ajouter" and "Importer un fichier" are in the page header: a second pair would make their names ambiguous
          <EmptyState
            icon={<IconUserSearch aria-hidden />}
            title={t('subscribers.emptyTitle')}
            description={t('subscribers.emptyDescription')}
          />
        )
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table
              striped
              highlightOnHover
              withTableBorder
              verticalSpacing="sm"
              aria-label={t('subscribers.tableLabel')}
              aria-busy={busy === 'first'}
              data-testid="subscribers-table"
              style={{ opacity: busy === 'first' ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('subscribers.columns.email')}</Table.Th>
                  <Table.Th scope="col">{t('subscribers.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('subscribers.columns.subscriptions')}</Table.Th>
                  <Table.Th scope="col">{t('subscribers.columns.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.items.map((subscriber) => (
                  <Table.Tr key={subscriber.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/subscribers/${encodeURIComponent(subscriber.id)}`}
                        size="sm"
                        fw={500}
                      >
                        {subscriber.email}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={subscriber.name ? undefined : 'dimmed'}>
                        {subscriber.name || t('subscribers.noName')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {subscriber.suppressed && (
                          <Badge color="red" variant="filled" size="sm" tt="none">
                            {t('subscribers.suppressed')}
                          </Badge>
                        )}
                        {subscriber.subscriptions.map((subscription) => (
                          <Badge
                            key={subscription.list}
                            color={STATUS_COLORS[subscription.status]}
                            variant="light"
                            size="sm"
                            tt="none"
                          >
                            {t('subscribers.subscriptionBadge', {
                              list: subscription.list,
                              status: t(`subscribers.statusValues.${subscription.status}`),
                            })}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(subscriber.createdAt, i18n.language)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" align="center">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('subscribers.shown', {
                count: results.items.length,
                n: formatNumber(results.items.length, i18n.language),
              })}
            </Text>
            {results.nextCursor && (
              <Button variant="light" loading={busy === 'more'} onClick={loadMore}>
                {t('subscribers.loadMore')}
              </Button>
            )}
          </Group>
          {moreError !== null && (
            <Alert color="red" role="alert" title={t('loadFailed')}>
              {errorMessage(t, moreError)}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}

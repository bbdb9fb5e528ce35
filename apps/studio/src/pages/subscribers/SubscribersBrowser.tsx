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
import { IconSearch, IconUserSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MailingList, SubscriptionStatus } from '@crieur/api';
import { SUBSCRIPTION_STATUSES } from '@crieur/api/enums/subscribers';
import { useApiInfiniteQuery } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { errorMessage } from '../../i18n/error-message';
import { formatDate, formatNumber, STATUS_COLORS } from './format';

type Props = { lists: MailingList[] | null };

// Mantine pickers want a non-empty value for "no filter"
const ALL = 'all';

const isStatus = (value: string | null): value is SubscriptionStatus =>
  value !== null && (SUBSCRIPTION_STATUSES as readonly string[]).includes(value);

/** Search box, list and status filters, and the table, loaded 50 at a time ("Charger plus"). */
export function SubscribersBrowser({ lists }: Props) {
  const { t, i18n } = useTranslation();
  const compact = useMatches({ base: true, sm: false });
  // filters live in the address: back from a subscriber's page finds the same search
  const filters = useUrlFilters(['q', 'list', 'status'], ['q']);
  const { q, list } = filters.values;
  const status = isStatus(filters.values.status) ? filters.values.status : '';
  const search = filters.text.q ?? '';

  // a new search starts again from the first page; the previous answer stays, dimmed, until it arrives
  const results = useApiInfiniteQuery(
    'GET /api/subscribers',
    { query: { q: q || undefined, list: list || undefined, status: status || undefined } },
    (page) => page.nextCursor,
  );
  const items = results.data?.pages.flatMap((page) => page.subscribers) ?? [];
  const reloading = results.isFetching && !results.isFetchingNextPage;
  const moreError = results.isFetchNextPageError ? results.error : null;

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
              <CloseButton size="sm" aria-label={t('subscribers.clearSearch')} onClick={() => filters.type('q', '')} />
            ) : null
          }
          value={search}
          onChange={(event) => filters.type('q', event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter searches at once, without waiting for the pause
            if (event.key === 'Enter') filters.set('q', search.trim());
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
          onChange={(value) => filters.set('list', value && value !== ALL ? value : '')}
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
            onChange={(value) => filters.set('status', value === ALL ? '' : value)}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
        </div>
      </Group>

      {results.isError && !results.isFetchNextPageError ? (
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      ) : results.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : items.length === 0 ? (
        filters.active ? (
          <EmptyState
            icon={<IconUserSearch aria-hidden />}
            title={t('subscribers.noMatchTitle')}
            description={t('subscribers.noMatchDescription')}
          >
            <EmptyState.Actions>
              <Button variant="light" onClick={filters.clear}>
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
              aria-busy={reloading}
              data-testid="subscribers-table"
              style={{ opacity: reloading ? 0.6 : 1 }}
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
                {items.map((subscriber) => (
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
                count: items.length,
                n: formatNumber(items.length, i18n.language),
              })}
            </Text>
            {results.hasNextPage && (
              <Button variant="light" loading={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
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

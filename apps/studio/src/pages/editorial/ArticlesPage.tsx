import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileSearch, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ARTICLE_STATUSES, type ArticleStatus } from '@crieur/api/enums/articles';
import { useApiQuery } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { QueryView } from '../../components/QueryView';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useSession } from '../../session/session-context';
import { SectionHeader } from '../SectionPage';
import { useEditorialOptions } from './data';
import { EditorialTabs } from './EditorialTabs';
import { ARTICLE_STATUS_COLORS, formatDate, formatShortDateTime } from './format';
import { NewArticleModal } from './NewArticleModal';

const ALL = 'all';
const FILTERS = ['status', 'rubrique', 'dossier', 'author', 'q'] as const;
const TYPED = ['q', 'author'] as const;

const isStatus = (value: string): value is ArticleStatus => (ARTICLE_STATUSES as readonly string[]).includes(value);

/** /studio/editorial: the articles, filtered by status, rubrique, dossier, author and title. */
export function ArticlesPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const options = useEditorialOptions();
  const [creating, create] = useDisclosure(false);

  const filters = useUrlFilters(FILTERS, TYPED);
  const { rubrique, dossier, author, q } = filters.values;
  const status = isStatus(filters.values.status) ? filters.values.status : '';
  const articles = useApiQuery(
    'GET /api/articles',
    {
      query: {
        status: status || undefined,
        rubrique: rubrique || undefined,
        dossier: dossier || undefined,
        author: author || undefined,
        q: q || undefined,
      },
    },
    { keepPrevious: true },
  );
  const busy = articles.isFetching;

  // senders read the list; the server refuses them the rest
  const mayCreate = user?.role !== 'sender';
  const ready = options.data ?? null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <SectionHeader section="editorial" />
        {mayCreate && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={create.open} disabled={!ready}>
            {t('editorial.articles.new')}
          </Button>
        )}
      </Group>
      <EditorialTabs />

      <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('editorial.articles.filters')}>
        <TextInput
          label={t('editorial.articles.search')}
          placeholder={t('editorial.articles.searchPlaceholder')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            filters.text.q ? (
              <CloseButton
                size="sm"
                aria-label={t('editorial.articles.clearSearch')}
                onClick={() => filters.type('q', '')}
              />
            ) : null
          }
          value={filters.text.q}
          onChange={(event) => filters.type('q', event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') filters.set('q', filters.text.q.trim());
          }}
          autoComplete="off"
          style={{ flex: '2 1 240px' }}
        />
        <Select
          label={t('editorial.articles.status')}
          data={[
            { value: ALL, label: t('editorial.articles.allStatuses') },
            ...ARTICLE_STATUSES.map((value) => ({ value, label: t(`editorial.statusValues.${value}`) })),
          ]}
          value={status || ALL}
          allowDeselect={false}
          onChange={(value) => filters.set('status', value && value !== ALL ? value : '')}
          style={{ flex: '1 1 170px' }}
        />
        <Select
          label={t('editorial.articles.rubrique')}
          data={[
            { value: ALL, label: t('editorial.articles.allRubriques') },
            ...(ready?.rubriques ?? []).map((item) => ({ value: item.slug, label: item.name })),
          ]}
          value={rubrique || ALL}
          allowDeselect={false}
          onChange={(value) => filters.set('rubrique', value && value !== ALL ? value : '')}
          style={{ flex: '1 1 200px' }}
        />
        <Select
          label={t('editorial.articles.dossier')}
          data={[
            { value: ALL, label: t('editorial.articles.allDossiers') },
            ...(ready?.dossiers ?? []).map((item) => ({ value: item.id, label: item.title })),
          ]}
          value={dossier || ALL}
          allowDeselect={false}
          onChange={(value) => filters.set('dossier', value && value !== ALL ? value : '')}
          style={{ flex: '1 1 200px' }}
        />
        <TextInput
          label={t('editorial.articles.author')}
          placeholder={t('editorial.articles.authorPlaceholder')}
          value={filters.text.author}
          onChange={(event) => filters.type('author', event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') filters.set('author', filters.text.author.trim());
          }}
          autoComplete="off"
          style={{ flex: '1 1 160px' }}
        />
      </Group>

      <QueryView query={articles}>
        {({ articles: rows }) =>
          rows.length === 0 ? (
            filters.active ? (
              <EmptyState
                icon={<IconFileSearch aria-hidden />}
                title={t('editorial.articles.noMatchTitle')}
                description={t('editorial.articles.noMatchDescription')}
              >
                <EmptyState.Actions>
                  <Button variant="light" onClick={filters.clear}>
                    {t('editorial.articles.clearFilters')}
                  </Button>
                </EmptyState.Actions>
              </EmptyState>
            ) : (
              <EmptyState
                icon={<IconFileSearch aria-hidden />}
                title={t('editorial.articles.emptyTitle')}
                description={t('editorial.articles.emptyDescription')}
              />
            )
          ) : (
            <>
              <Table.ScrollContainer minWidth={900}>
                <Table
                  striped
                  highlightOnHover
                  withTableBorder
                  verticalSpacing="sm"
                  aria-label={t('editorial.articles.tableLabel')}
                  aria-busy={busy}
                  data-testid="articles-table"
                  style={{ opacity: busy ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('editorial.articles.columns.title')}</Table.Th>
                      <Table.Th scope="col">{t('editorial.articles.columns.status')}</Table.Th>
                      <Table.Th scope="col">{t('editorial.articles.columns.rubrique')}</Table.Th>
                      <Table.Th scope="col">{t('editorial.articles.columns.dossier')}</Table.Th>
                      <Table.Th scope="col">{t('editorial.articles.columns.authors')}</Table.Th>
                      <Table.Th scope="col">{t('editorial.articles.columns.updatedAt')}</Table.Th>
                      <Table.Th scope="col">{t('editorial.articles.columns.date')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((article) => (
                      <Table.Tr key={article.id}>
                        <Table.Td maw={360}>
                          <Anchor
                            component={Link}
                            to={`/editorial/articles/${encodeURIComponent(article.id)}`}
                            size="sm"
                            fw={500}
                          >
                            {article.title || t('editorial.articles.untitled')}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            color={ARTICLE_STATUS_COLORS[article.status]}
                            variant="light"
                            size="sm"
                            tt="none"
                            style={{ minWidth: 'max-content' }}
                          >
                            {t(`editorial.statusValues.${article.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{article.rubrique.name}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{article.dossier?.title ?? '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{article.authors.join(', ') || '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDate(article.updatedAt, i18n.language)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {article.publishedAt && (article.status === 'published' || article.status === 'unpublished')
                              ? t('editorial.articles.publishedOn', {
                                  date: formatShortDateTime(article.publishedAt, i18n.language),
                                })
                              : article.scheduledAt
                                ? t('editorial.articles.scheduledOn', {
                                    date: formatShortDateTime(article.scheduledAt, i18n.language),
                                  })
                                : '—'}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('editorial.articles.shown', { count: rows.length, n: rows.length })}
              </Text>
            </>
          )
        }
      </QueryView>

      {ready && mayCreate && <NewArticleModal opened={creating} onClose={create.close} options={ready} />}
      {options.error !== null && <LoadError error={options.error} onRetry={options.retry} />}
    </Stack>
  );
}

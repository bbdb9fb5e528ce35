import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconFileSearch, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listArticles } from '../../api/endpoints';
import { ARTICLE_STATUSES, type ArticleStatus, type ArticleSummary } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { useApiData } from '../../hooks/use-api-data';
import { useSession } from '../../session/session-context';
import { SectionHeader } from '../SectionPage';
import { loadOptions } from './data';
import { EditorialTabs } from './EditorialTabs';
import { ARTICLE_STATUS_COLORS, formatDate, formatShortDateTime } from './format';
import { NewArticleModal } from './NewArticleModal';

const ALL = 'all';
type FilterKey = 'status' | 'rubrique' | 'dossier' | 'author' | 'q';

const isStatus = (value: string | null): value is ArticleStatus =>
  value !== null && (ARTICLE_STATUSES as readonly string[]).includes(value);

/** /studio/editorial: the articles, filtered by status, rubrique, dossier, author and title. */
export function ArticlesPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const options = useApiData(loadOptions);
  const [creating, create] = useDisclosure(false);

  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : '';
  const rubrique = params.get('rubrique') ?? '';
  const dossier = params.get('dossier') ?? '';
  const author = params.get('author') ?? '';
  const q = params.get('q') ?? '';

  const [search, setSearch] = useState(q);
  const [authorText, setAuthorText] = useState(author);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [debouncedAuthor] = useDebouncedValue(authorText.trim(), 300);

  const setParam = (key: FilterKey, value: string) =>
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
    if (debouncedSearch !== q) setParam('q', debouncedSearch);
  }, [debouncedSearch]); // the typed text drives the address, not the other way round
  useEffect(() => {
    if (debouncedAuthor !== author) setParam('author', debouncedAuthor);
  }, [debouncedAuthor]);

  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [retry, setRetry] = useState(0);
  const request = useRef(0);

  useEffect(() => {
    const id = ++request.current;
    setBusy(true);
    setError(null);
    listArticles({
      status: status || undefined,
      rubrique: rubrique || undefined,
      dossier: dossier || undefined,
      author: author || undefined,
      q: q || undefined,
    }).then(
      (answer) => {
        if (id !== request.current) return;
        setArticles(answer.articles);
        setBusy(false);
      },
      (caught: unknown) => {
        if (id !== request.current) return;
        setError(caught);
        setBusy(false);
      },
    );
  }, [status, rubrique, dossier, author, q, retry]);

  const filtered = Boolean(status || rubrique || dossier || author || q || search.trim() || authorText.trim());
  const clearFilters = () => {
    setSearch('');
    setAuthorText('');
    setParams(new URLSearchParams(), { replace: true });
  };

  // senders read the list; the server refuses them the rest
  const mayCreate = user?.role !== 'sender';
  const ready = options.status === 'ready' ? options.data : null;

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
            search ? (
              <CloseButton size="sm" aria-label={t('editorial.articles.clearSearch')} onClick={() => setSearch('')} />
            ) : null
          }
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setParam('q', search.trim());
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
          onChange={(value) => setParam('status', value && value !== ALL ? value : '')}
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
          onChange={(value) => setParam('rubrique', value && value !== ALL ? value : '')}
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
          onChange={(value) => setParam('dossier', value && value !== ALL ? value : '')}
          style={{ flex: '1 1 200px' }}
        />
        <TextInput
          label={t('editorial.articles.author')}
          placeholder={t('editorial.articles.authorPlaceholder')}
          value={authorText}
          onChange={(event) => setAuthorText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setParam('author', authorText.trim());
          }}
          autoComplete="off"
          style={{ flex: '1 1 160px' }}
        />
      </Group>

      {error !== null ? (
        <LoadError error={error} onRetry={() => setRetry((n) => n + 1)} />
      ) : articles === null ? (
        <Loader aria-label={t('app.loading')} />
      ) : articles.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<IconFileSearch aria-hidden />}
            title={t('editorial.articles.noMatchTitle')}
            description={t('editorial.articles.noMatchDescription')}
          >
            <EmptyState.Actions>
              <Button variant="light" onClick={clearFilters}>
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
                {articles.map((article) => (
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
            {t('editorial.articles.shown', { count: articles.length, n: articles.length })}
          </Text>
        </>
      )}

      {ready && mayCreate && <NewArticleModal opened={creating} onClose={create.close} options={ready} />}
      {options.status === 'failed' && <LoadError error={options.error} onRetry={options.reload} />}
    </Stack>
  );
}

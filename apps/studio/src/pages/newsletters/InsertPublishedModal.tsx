import { Alert, Badge, Group, Image, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishedItem } from '@crieur/api';
import { useApiQuery } from '../../api/queries';
import { cardFrom, type Block } from './blocks';
import { formatDateTime, newsletterError } from './format';
import classes from './newsletters.module.css';

type Props = {
  /** null: closed. */
  kind: 'article' | 'dossier' | null;
  onClose: () => void;
  onPick: (block: Block) => void;
};

/** "Insérer un article / un dossier": searches what is published and turns the pick into a filled card. */
export function InsertPublishedModal({ kind, onClose, onPick }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const route = kind === 'dossier' ? 'GET /api/campaigns/dossiers' : 'GET /api/campaigns/articles';
  const search = useApiQuery(route, { query: { q: debounced.trim().slice(0, 100) } }, { enabled: kind !== null });
  const items = search.data?.items;

  useEffect(() => {
    if (!kind) setQuery('');
  }, [kind]);

  const title = kind === 'dossier' ? t('newsletters.insert.dossierTitle') : t('newsletters.insert.articleTitle');

  return (
    <Modal opened={kind !== null} onClose={onClose} title={title} size="lg">
      <Stack gap="sm">
        <TextInput
          label={t('newsletters.insert.search')}
          description={
            kind === 'dossier' ? t('newsletters.insert.searchDossierHint') : t('newsletters.insert.searchHint')
          }
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          maxLength={100}
          data-autofocus
        />
        <div aria-live="polite" aria-busy={search.isFetching}>
          {search.isPending && !search.isError && <Loader size="sm" aria-label={t('app.loading')} />}
          {search.isError && (
            <Alert color="red" role="alert">
              {newsletterError(t, search.error)}
            </Alert>
          )}
          {!search.isError && items?.length === 0 && (
            <Text size="sm" c="dimmed">
              {debounced.trim()
                ? t('newsletters.insert.noMatch', { query: debounced.trim() })
                : kind === 'dossier'
                  ? t('newsletters.insert.noDossier')
                  : t('newsletters.insert.noArticle')}
            </Text>
          )}
          {!search.isError && items && items.length > 0 && (
            <Stack
              gap={6}
              component="ul"
              aria-label={t('newsletters.insert.results')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {items.map((item) => (
                <li key={item.id}>
                  <ResultRow item={item} onPick={() => kind && onPick(cardFrom(kind, item))} />
                </li>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Modal>
  );
}

function ResultRow({ item, onPick }: { item: PublishedItem; onPick: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <UnstyledButton
      className={classes.result}
      onClick={onPick}
      aria-label={t('newsletters.insert.pick', { title: item.title })}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {item.image ? (
          <Image src={item.image.src} alt="" w={72} h={48} radius="sm" fit="cover" style={{ flex: 'none' }} />
        ) : (
          <div style={{ width: 72, flex: 'none' }} />
        )}
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" lineClamp={2}>
            {item.title}
          </Text>
          <Group gap="xs">
            {item.rubrique && (
              <Badge size="xs" variant="light" tt="none">
                {item.rubrique}
              </Badge>
            )}
            {item.publishedAt && (
              <Text size="xs" c="dimmed">
                {t('newsletters.insert.publishedOn', { date: formatDateTime(item.publishedAt, i18n.language) })}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {item.lede}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

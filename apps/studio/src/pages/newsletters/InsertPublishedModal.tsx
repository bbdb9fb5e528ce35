import {
  Alert,
  Badge,
  Button,
  Group,
  Image,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishedItem } from '@crieur/api';
import { useApiQuery } from '../../api/queries';
import { cardFrom, type Block, type KeyedBlock } from './blocks';
import { formatDateTime, nameOfBlock, newsletterError } from './format';
import { placeFromValue, placeValue, type InsertPlace } from './insert-place';
import classes from './newsletters.module.css';

type Props = {
  /** null: closed. */
  kind: 'article' | 'dossier' | null;
  /** The newsletter's blocks, to choose where the cards go. */
  blocks: KeyedBlock[];
  /** Where they go unless staff choose otherwise: after the selected block, or at the end. */
  defaultPlace: InsertPlace;
  onClose: () => void;
  /** The cards in the order they were picked, and where to put them. */
  onPick: (blocks: Block[], place: InsertPlace) => void;
};

/** "Insérer un article / un dossier": searches what is published, picks one or several, and where they go. */
export function InsertPublishedModal({ kind, blocks, defaultPlace, onClose, onPick }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  // picked items in the order they were picked: they are inserted in that order
  const [picked, setPicked] = useState<PublishedItem[]>([]);
  const [place, setPlace] = useState(placeValue(defaultPlace));
  const route = kind === 'dossier' ? 'GET /api/campaigns/dossiers' : 'GET /api/campaigns/articles';
  const search = useApiQuery(route, { query: { q: debounced.trim().slice(0, 100) } }, { enabled: kind !== null });
  const items = search.data?.items;
  const opened = kind !== null;
  const defaultValue = placeValue(defaultPlace);

  useEffect(() => {
    if (!opened) setQuery('');
    setPicked([]);
    setPlace(defaultValue);
  }, [opened, defaultValue]);

  const title = kind === 'dossier' ? t('newsletters.insert.dossierTitle') : t('newsletters.insert.articleTitle');
  const toggle = (item: PublishedItem) =>
    setPicked((current) =>
      current.some((other) => other.id === item.id)
        ? current.filter((other) => other.id !== item.id)
        : [...current, item],
    );
  const places = [
    ...blocks.map((item, index) => ({
      value: placeValue({ after: item.key }),
      label: t('composerInsert.after', { n: index + 1, name: nameOfBlock(t, item.block) }),
    })),
    { value: 'start', label: t('composerInsert.start') },
    { value: 'end', label: t('composerInsert.end') },
  ];
  const confirm = () => {
    if (!kind || picked.length === 0) return;
    onPick(
      picked.map((item) => cardFrom(kind, item)),
      placeFromValue(place),
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
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
              {items.map((item) => {
                const rank = picked.findIndex((other) => other.id === item.id) + 1;
                return (
                  <li key={item.id}>
                    <ResultRow item={item} rank={rank} onToggle={() => toggle(item)} />
                  </li>
                );
              })}
            </Stack>
          )}
        </div>
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          {blocks.length > 0 ? (
            <NativeSelect
              label={t('composerInsert.place')}
              data={places}
              value={place}
              onChange={(event) => setPlace(event.currentTarget.value)}
              style={{ flex: '1 1 16rem', minWidth: 0 }}
            />
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} disabled={picked.length === 0}>
              {picked.length === 0
                ? t('composerInsert.insertNone')
                : t(kind === 'dossier' ? 'composerInsert.insertDossiers' : 'composerInsert.insertArticles', {
                    count: picked.length,
                  })}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One result: pressed when picked, with its rank among the picks (the order they will take). */
function ResultRow({ item, rank, onToggle }: { item: PublishedItem; rank: number; onToggle: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <UnstyledButton
      className={classes.result}
      onClick={onToggle}
      aria-pressed={rank > 0}
      data-picked={rank > 0 || undefined}
      aria-label={
        rank > 0
          ? t('composerInsert.picked', { title: item.title, rank })
          : t('newsletters.insert.pick', { title: item.title })
      }
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon size="md" radius="xl" variant={rank > 0 ? 'filled' : 'default'} aria-hidden style={{ flex: 'none' }}>
          {rank > 0 ? (
            <Text size="sm" fw={700}>
              {rank}
            </Text>
          ) : (
            <IconPlus size={14} />
          )}
        </ThemeIcon>
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

import { wordCount } from '@crieur/content';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Grid,
  Group,
  Image,
  Loader,
  Paper,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconExternalLink, IconFileUnknown } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ArticleDetail, Media } from '@crieur/api';
import { routePath } from '@crieur/api/client-path';
import { ApiError } from '../../../api/api-error';
import { call } from '../../../api/client';
import { queryKeyOf, useApiQuery } from '../../../api/queries';
import { LoadError } from '../../../components/LoadError';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../hooks/use-page-title';
import { errorMessage } from '../../../i18n/error-message';
import { useEditorialOptions, type EditorialOptions } from '../data';
import { ARTICLE_STATUS_COLORS, formatDateTime, formatTime } from '../format';
import { MediaLibraryModal } from '../MediaLibraryModal';
import { BodyEditor } from './BodyEditor';
import { ConflictModal } from './ConflictModal';
import { docToPlainText } from './plain-text';
import { SidePanel } from './SidePanel';
import { useAutosave, type SaveState } from './use-autosave';
import { WorkflowActions } from './WorkflowActions';

const NONE = 'none';

/** The reader's view of an article, as an HTML page: opened in a new tab. */
const previewUrl = (id: string) => routePath('/api/articles/:id/preview', { id }, undefined);

/** /studio/editorial/articles/:id: loads the article, then the editor. */
export function ArticleEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  // read once per visit, never cached: the editor saves over the version it starts from, so it starts from the latest
  const article = useApiQuery('GET /api/articles/:id', { params: { id } }, { gcTime: 0, staleTime: Infinity });
  const options = useEditorialOptions();

  const notFound = (
    <EmptyState
      icon={<IconFileUnknown aria-hidden />}
      title={t('editorial.editor.notFoundTitle')}
      description={t('editorial.editor.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/editorial" variant="light">
          {t('editorial.editor.back')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
  return (
    <QueryView query={article} notFound={notFound}>
      {({ article: loaded }) =>
        // once both lists are here, a failed background refresh of them never takes the editor away
        options.data ? (
          <ArticleEditor key={id} initial={loaded} options={options.data} />
        ) : options.error !== null ? (
          <LoadError error={options.error} onRetry={options.retry} />
        ) : (
          <Loader aria-label={t('app.loading')} />
        )
      }
    </QueryView>
  );
}

function ArticleEditor({ initial, options }: { initial: ArticleDetail; options: EditorialOptions }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [article, setArticle] = useState(initial);
  // bumps when the body comes from the server again (conflict reload, restore): the editor remounts
  const [bodyGeneration, setBodyGeneration] = useState(0);
  const [coverPicker, setCoverPicker] = useState(false);
  // only the cover thumbnail needs the library: the picker shows its own error
  const library = useApiQuery('GET /api/media');
  const media = useMemo(() => library.data?.media ?? [], [library.data]);
  const bodyText = useRef<(() => string) | null>(null);

  // each save or restore adds a version to the history panel
  const revisionsChanged = useCallback(
    () =>
      void queryClient.invalidateQueries({
        queryKey: queryKeyOf('GET /api/articles/:id/revisions', { params: { id: initial.id } }),
      }),
    [queryClient, initial.id],
  );
  const onSaved = useCallback(
    (saved: ArticleDetail) => {
      // keep the server's status, transitions and comments; the fields stay the local ones
      setArticle(saved);
      revisionsChanged();
    },
    [revisionsChanged],
  );
  const save = useAutosave(initial, onSaved);
  const { fields, reset } = save;

  usePageTitle(fields?.title || t('editorial.articles.untitled'));

  const words = useMemo(() => {
    if (!fields) return 0;
    try {
      return wordCount(fields.body);
    } catch {
      // a document the schema refuses (the server will say why on save): count roughly
      return docToPlainText(fields.body).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    }
  }, [fields]);

  if (!fields) return <Loader aria-label={t('app.loading')} />;

  const canEdit = article.canEdit && save.state.kind !== 'conflict';
  const cover = fields.coverMediaId ? media.find((item) => item.id === fields.coverMediaId) : undefined;
  const slugError =
    save.state.kind === 'error' && save.state.error instanceof ApiError && save.state.error.code === 'SLUG_TAKEN'
      ? t('errors.SLUG_TAKEN')
      : undefined;

  const applyServer = (fresh: ArticleDetail) => {
    setArticle(fresh);
    reset(fresh);
    setBodyGeneration((n) => n + 1);
    revisionsChanged();
  };

  const reloadTheirs = async () => {
    const { article: fresh } = await call('GET /api/articles/:id', { params: { id: article.id } });
    applyServer(fresh);
  };

  const myText = () =>
    [fields.title, fields.lede, bodyText.current ? bodyText.current() : docToPlainText(fields.body)]
      .filter(Boolean)
      .join('\n\n');

  const openPreview = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!save.hasUnsaved()) return;
    // save first so the preview shows the latest text; the tab opens now (popup blockers) and loads after
    event.preventDefault();
    const tab = window.open('about:blank', '_blank');
    void save.flush().then(() => {
      if (tab) tab.location.href = previewUrl(article.id);
    });
  };

  const conflict = save.state.kind === 'conflict' ? save.state.conflict : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Anchor component={Link} to="/editorial" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t('editorial.editor.back')}
          </Group>
        </Anchor>
        <Group gap="sm" wrap="wrap">
          <SaveStatus state={save.state} onRetry={() => void save.flush()} />
          <Text size="sm" c="dimmed" data-testid="word-count">
            {t('editorial.editor.words', { count: words, n: words })}
          </Text>
          <Button
            component="a"
            href={previewUrl(article.id)}
            target="_blank"
            rel="noopener"
            variant="default"
            size="sm"
            onClick={openPreview}
            rightSection={<IconExternalLink size={14} aria-hidden />}
            title={t('editorial.editor.previewHint')}
          >
            {t('editorial.editor.preview')}
          </Button>
        </Group>
      </Group>

      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="sm" align="center">
          <Badge color={ARTICLE_STATUS_COLORS[article.status]} variant="light" size="lg" tt="none">
            {t(`editorial.statusValues.${article.status}`)}
          </Badge>
          {article.status === 'scheduled' && article.scheduledAt && (
            <Text size="sm">
              {t('editorial.editor.workflow.scheduledFor', {
                date: formatDateTime(article.scheduledAt, i18n.language),
              })}
            </Text>
          )}
          {article.status === 'published' && article.publishedAt && (
            <Text size="sm">
              {t('editorial.editor.workflow.publishedOn', { date: formatDateTime(article.publishedAt, i18n.language) })}
            </Text>
          )}
        </Group>
        {save.state.kind !== 'conflict' && (
          <WorkflowActions
            article={article}
            beforeTransition={save.flush}
            onDone={(fresh) => {
              save.setVersion(fresh.version);
              setArticle(fresh);
            }}
          />
        )}
      </Group>

      {!article.canEdit && (
        <Alert color="gray" icon={<IconAlertCircle aria-hidden />}>
          {t('editorial.editor.readOnly')}
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <TextInput
              label={t('editorial.editor.title')}
              value={fields.title}
              onChange={(event) => save.update({ title: event.currentTarget.value })}
              readOnly={!canEdit}
              size="lg"
              styles={{ input: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } }}
            />
            <TextInput
              label={t('editorial.editor.slug')}
              description={t('editorial.editor.slugHint', { slug: fields.slug || '…' })}
              value={fields.slug}
              onChange={(event) => save.update({ slug: event.currentTarget.value })}
              readOnly={!canEdit}
              error={slugError}
              autoComplete="off"
              spellCheck={false}
            />
            <Textarea
              label={t('editorial.editor.lede')}
              description={t('editorial.editor.ledeHint')}
              value={fields.lede}
              onChange={(event) => save.update({ lede: event.currentTarget.value })}
              readOnly={!canEdit}
              autosize
              minRows={2}
              maxRows={6}
            />
            <div>
              <Text component="div" size="sm" fw={500} mb={4} aria-hidden>
                {t('editorial.editor.body')}
              </Text>
              <BodyEditor
                key={bodyGeneration}
                initial={fields.body}
                editable={canEdit}
                onChange={(body) => save.update({ body })}
                textRef={bodyText}
              />
            </div>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="sm" radius="md">
              <Stack gap="sm">
                <Text fw={600}>{t('editorial.editor.metadata')}</Text>
                <Select
                  label={t('editorial.editor.rubrique')}
                  data={options.rubriques.map((item) => ({ value: item.slug, label: item.name }))}
                  value={fields.rubrique}
                  allowDeselect={false}
                  onChange={(value) => value && save.update({ rubrique: value })}
                  readOnly={!canEdit}
                />
                <Select
                  label={t('editorial.editor.dossier')}
                  data={[
                    { value: NONE, label: t('editorial.editor.noDossier') },
                    ...options.dossiers.map((item) => ({ value: item.id, label: item.title })),
                  ]}
                  value={fields.dossierId ?? NONE}
                  allowDeselect={false}
                  onChange={(value) => save.update({ dossierId: !value || value === NONE ? null : value })}
                  readOnly={!canEdit}
                />
                <TagsInput
                  label={t('editorial.editor.authors')}
                  description={t('editorial.editor.authorsHint')}
                  value={fields.authors}
                  onChange={(authors) => save.update({ authors })}
                  readOnly={!canEdit}
                  clearable={false}
                />
                <TagsInput
                  label={t('editorial.editor.tags')}
                  description={t('editorial.editor.tagsHint')}
                  value={fields.tags}
                  onChange={(tags) => save.update({ tags })}
                  readOnly={!canEdit}
                />
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    {t('editorial.editor.cover')}
                  </Text>
                  {fields.coverMediaId ? (
                    cover ? (
                      <Image src={cover.thumbUrl || cover.url} alt={cover.alt} radius="sm" mah={180} fit="cover" />
                    ) : (
                      <Text size="sm" c="dimmed">
                        {media.length > 0 ? t('editorial.editor.coverMissing') : t('app.loading')}
                      </Text>
                    )
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('editorial.editor.coverNone')}
                    </Text>
                  )}
                  {canEdit && (
                    <Group gap="xs" mt="xs">
                      <Button size="xs" variant="light" onClick={() => setCoverPicker(true)}>
                        {fields.coverMediaId ? t('editorial.editor.coverChange') : t('editorial.editor.coverChoose')}
                      </Button>
                      {fields.coverMediaId && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => save.update({ coverMediaId: null })}
                        >
                          {t('editorial.editor.coverRemove')}
                        </Button>
                      )}
                    </Group>
                  )}
                </div>
                {article.updatedBy && (
                  <Text size="xs" c="dimmed">
                    {t('editorial.editor.lastChange', { name: article.updatedBy })} ·{' '}
                    {formatDateTime(article.updatedAt, i18n.language)}
                  </Text>
                )}
              </Stack>
            </Paper>
            <SidePanel
              article={article}
              fields={fields}
              canEdit={canEdit}
              onComment={(comment) =>
                setArticle((current) => ({ ...current, comments: [...current.comments, comment] }))
              }
              beforeRestore={async () => ((await save.flush()) ? save.version() : null)}
              onRestored={applyServer}
            />
          </Stack>
        </Grid.Col>
      </Grid>

      <MediaLibraryModal
        opened={coverPicker}
        onClose={() => setCoverPicker(false)}
        mode="cover"
        onPick={(item) => {
          setCoverPicker(false);
          // the new image shows as the cover at once, before the library is read again
          queryClient.setQueryData(queryKeyOf('GET /api/media'), (current: { media: Media[] } | undefined) =>
            current?.media.some((m) => m.id === item.id) ? current : { media: [item, ...(current?.media ?? [])] },
          );
          save.update({ coverMediaId: item.id });
        }}
      />
      <ConflictModal conflict={conflict} myText={myText} onReload={reloadTheirs} />
    </Stack>
  );
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  let content;
  switch (state.kind) {
    case 'saving':
      content = (
        <Group gap={6}>
          <Loader size={12} aria-hidden />
          <Text size="sm">{t('editorial.editor.saving')}</Text>
        </Group>
      );
      break;
    case 'saved':
      content = (
        <Text size="sm" c="teal.8">
          {t('editorial.editor.savedAt', { time: formatTime(state.at, i18n.language) })}
        </Text>
      );
      break;
    case 'dirty':
      content = (
        <Text size="sm" c="dimmed">
          {t('editorial.editor.unsaved')}
        </Text>
      );
      break;
    case 'error':
      content = (
        <Group gap={6}>
          <Text size="sm" c="red.8" role="alert">
            {t('editorial.editor.saveFailed', { message: errorMessage(t, state.error) })}
            {/* the message names the first wrong field; the others follow */}
            {state.error instanceof ApiError &&
              state.error.issues.length > 1 &&
              ` ${state.error.issues
                .slice(1)
                .map((issue) => issue.message)
                .join(' ')}`}
          </Text>
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
            {t('editorial.editor.saveRetry')}
          </Button>
        </Group>
      );
      break;
    default:
      content = null;
  }
  return (
    <div aria-live="polite" data-testid="save-status" style={{ maxWidth: 520 }}>
      {content}
    </div>
  );
}

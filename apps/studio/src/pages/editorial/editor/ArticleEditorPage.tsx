import {
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
import { IconArrowLeft, IconExternalLink, IconFileUnknown } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ArticleDetail, Media } from '@crieur/api';
import { ApiError } from '../../../api/api-error';
import { queryKeyOf, useApiQuery } from '../../../api/queries';
import { LoadError } from '../../../components/LoadError';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../hooks/use-page-title';
import { useEditorialOptions, type EditorialOptions } from '../data';
import { ARTICLE_STATUS_COLORS, formatDateTime } from '../format';
import { MediaLibraryModal } from '../MediaLibraryModal';
import { BodyEditor } from './BodyEditor';
import { CompareDialog } from './CompareDialog';
import { ConflictModal } from './ConflictModal';
import { EditingNotice } from './EditingNotice';
import { SaveStatus } from './SaveStatus';
import { SidePanel } from './SidePanel';
import { previewUrl, useArticleEditor } from './use-article-editor';
import { WorkflowActions } from './WorkflowActions';

const NONE = 'none';

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
  const editor = useArticleEditor(initial);
  const { article, fields, save, words, bodyText, conflict } = editor;
  const [coverPicker, setCoverPicker] = useState(false);
  // the working version against the live one, from the banner
  const [showDiff, setShowDiff] = useState(false);
  // only the cover thumbnail needs the library: the picker shows its own error
  const library = useApiQuery('GET /api/media');
  const media = useMemo(() => library.data?.media ?? [], [library.data]);

  usePageTitle(fields?.title || t('editorial.articles.untitled'));

  if (!fields) return <Loader aria-label={t('app.loading')} />;

  const canEdit = article.canEdit && save.state.kind !== 'conflict';
  const cover = fields.coverMediaId ? media.find((item) => item.id === fields.coverMediaId) : undefined;
  const slugError =
    save.state.kind === 'error' && save.state.error instanceof ApiError && save.state.error.code === 'SLUG_TAKEN'
      ? t('errors.SLUG_TAKEN')
      : undefined;
  const beforeRestore = async () => ((await save.flush()) ? save.version() : null);

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
            onClick={editor.openPreview}
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
          <WorkflowActions article={article} beforeTransition={save.flush} onDone={editor.stepDone} />
        )}
      </Group>

      <EditingNotice article={article} onShowDiff={() => setShowDiff(true)} />

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
                key={editor.bodyGeneration}
                initial={fields.body}
                editable={canEdit}
                onChange={(body) => save.update({ body })}
                textRef={bodyText}
                commentsFor={article.id}
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
              beforeRestore={beforeRestore}
              onRestored={editor.applyServer}
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
      <ConflictModal conflict={conflict} myText={editor.myText} onReload={editor.reloadTheirs} />
      {article.live && (
        <CompareDialog
          articleId={article.id}
          opened={showDiff}
          onClose={() => setShowDiff(false)}
          working={fields}
          initial={{ from: article.live.revisionId, to: 'working' }}
          canEdit={canEdit}
          beforeRestore={beforeRestore}
          onRestored={(restored) => {
            setShowDiff(false);
            editor.applyServer(restored);
          }}
        />
      )}
    </Stack>
  );
}

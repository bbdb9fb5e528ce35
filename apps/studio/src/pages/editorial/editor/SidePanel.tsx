import {
  Alert,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleComment, ArticleDetail, RevisionSummary } from '@crieur/api';
import { call } from '../../../api/client';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { QueryView } from '../../../components/QueryView';
import { errorMessage } from '../../../i18n/error-message';
import { formatShortDateTime } from '../format';
import type { ArticleFields } from './use-autosave';
import { docToPlainText } from './plain-text';

type Props = {
  article: ArticleDetail;
  fields: ArticleFields;
  canEdit: boolean;
  onComment: (comment: ArticleComment) => void;
  /** Saves pending edits first and gives the version to restore against; null: do not go on. */
  beforeRestore: () => Promise<number | null>;
  onRestored: (article: ArticleDetail) => void;
};

/** Comments (list + add) and versions (list, compare with the current text, restore). */
export function SidePanel(props: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('comments');
  return (
    <Paper withBorder p="sm" radius="md">
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List aria-label={t('editorial.editor.side.label')} grow>
          <Tabs.Tab value="comments">
            {t('editorial.editor.side.comments')} ({props.article.comments.length})
          </Tabs.Tab>
          <Tabs.Tab value="revisions">{t('editorial.editor.side.revisions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="comments" pt="sm">
          <Comments article={props.article} onComment={props.onComment} />
        </Tabs.Panel>
        <Tabs.Panel value="revisions" pt="sm">
          {tab === 'revisions' && <Revisions {...props} />}
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}

function Comments({ article, onComment }: { article: ArticleDetail; onComment: (comment: ArticleComment) => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const sending = useApiMutation('POST /api/articles/:id/comments', {
    onSuccess: ({ comment }) => {
      onComment(comment);
      setText('');
    },
  });
  const failure = sending.error ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    sending.mutate({ params: { id: article.id }, body: { body: text.trim() } });
  };

  return (
    <Stack gap="sm">
      {article.comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('editorial.editor.side.noComments')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={320} type="auto">
          <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {article.comments.map((comment) => (
              <li key={comment.id}>
                <Paper bg="gray.0" p="xs" radius="sm">
                  <Text size="xs" c="dimmed">
                    <Text span fw={600} c="dark" size="xs">
                      {comment.author ?? '—'}
                    </Text>{' '}
                    · {formatShortDateTime(comment.at, i18n.language)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {comment.body}
                  </Text>
                </Paper>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Textarea
            label={t('editorial.editor.side.newComment')}
            placeholder={t('editorial.editor.side.commentPlaceholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={6}
          />
          {failure !== null && (
            <Alert color="red" role="alert" title={t('editorial.editor.side.commentFailed')}>
              {errorMessage(t, failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={sending.isPending} disabled={!text.trim()}>
              {t('editorial.editor.side.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function Revisions({ article, fields, canEdit, beforeRestore, onRestored }: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<RevisionSummary | null>(null);
  // the editor marks this list stale at each save and restore (api/queries: invalidation)
  const revisions = useApiQuery('GET /api/articles/:id/revisions', { params: { id: article.id } });

  return (
    <QueryView query={revisions}>
      {(answer) =>
        answer.revisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('editorial.editor.side.noRevisions')}
          </Text>
        ) : (
          <>
            <ScrollArea.Autosize mah={360} type="auto">
              <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {answer.revisions.map((revision) => (
                  <li key={revision.id}>
                    <UnstyledButton
                      onClick={() => setOpen(revision)}
                      aria-label={t('editorial.editor.side.open', { version: revision.version })}
                      p="xs"
                      w="100%"
                      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                      className="crieur-revision"
                    >
                      <Text size="sm" fw={500}>
                        {t('editorial.editor.side.revision', { version: revision.version })} — {revision.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('editorial.editor.side.revisionMeta', {
                          date: formatShortDateTime(revision.savedAt, i18n.language),
                          name: revision.savedBy ?? '—',
                        })}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
            <CompareModal
              articleId={article.id}
              summary={open}
              fields={fields}
              canEdit={canEdit}
              onClose={() => setOpen(null)}
              beforeRestore={beforeRestore}
              onRestored={(restored) => {
                setOpen(null);
                onRestored(restored);
              }}
            />
          </>
        )
      }
    </QueryView>
  );
}

type CompareProps = {
  articleId: string;
  summary: RevisionSummary | null;
  fields: ArticleFields;
  canEdit: boolean;
  onClose: () => void;
  beforeRestore: () => Promise<number | null>;
  onRestored: (article: ArticleDetail) => void;
};

function CompareModal({ articleId, summary, fields, canEdit, onClose, beforeRestore, onRestored }: CompareProps) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // another version opened: start again from its comparison, not from the last one's confirmation
  const [shown, setShown] = useState(summary);
  if (shown !== summary) {
    setShown(summary);
    setConfirming(false);
    setFailure(null);
  }
  // a saved version never changes: read once per visit
  const revision = useApiQuery(
    'GET /api/articles/:id/revisions/:revisionId',
    { params: { id: articleId, revisionId: summary?.id ?? 0 } },
    { enabled: summary !== null, staleTime: Infinity },
  );

  const restore = async () => {
    if (!summary) return;
    setBusy(true);
    setFailure(null);
    try {
      const version = await beforeRestore();
      if (version === null) return;
      const { article } = await call('POST /api/articles/:id/revisions/:revisionId/restore', {
        params: { id: articleId, revisionId: summary.id },
        body: { version },
      });
      notifications.show({ color: 'teal', message: t('editorial.editor.side.restored', { version: summary.version }) });
      onRestored(article);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  const column = (heading: string, title: string, lede: string, body: string) => (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {heading}
      </Title>
      <Paper withBorder p="sm" radius="sm" bg="gray.0">
        <Text fw={700}>{title}</Text>
        {lede && (
          <Text size="sm" fs="italic" mt={4}>
            {lede}
          </Text>
        )}
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {body}
        </Text>
      </Paper>
    </Stack>
  );

  return (
    <Modal
      opened={summary !== null}
      onClose={onClose}
      size="90rem"
      title={
        summary
          ? t('editorial.editor.side.compareTitle', {
              version: summary.version,
              date: formatShortDateTime(summary.savedAt, i18n.language),
            })
          : ''
      }
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {summary && (
        <QueryView query={revision}>
          {({ revision }) => (
            <Stack gap="md">
              <Grid>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  {column(
                    t('editorial.editor.side.thisVersion', { version: revision.version }),
                    revision.title,
                    revision.lede,
                    docToPlainText(revision.body),
                  )}
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  {column(t('editorial.editor.side.current'), fields.title, fields.lede, docToPlainText(fields.body))}
                </Grid.Col>
              </Grid>
              {failure !== null && (
                <Alert color="red" role="alert" title={t('editorial.editor.side.restoreFailed')}>
                  {errorMessage(t, failure)}
                </Alert>
              )}
              {canEdit && (
                <Group justify="flex-end">
                  {confirming ? (
                    <>
                      <Text size="sm" style={{ flex: '1 1 300px' }}>
                        {t('editorial.editor.side.restoreConfirm', { version: revision.version })}
                      </Text>
                      <Button variant="default" onClick={() => setConfirming(false)}>
                        {t('common.cancel')}
                      </Button>
                      <Button color="orange" loading={busy} onClick={() => void restore()} data-autofocus>
                        {t('editorial.editor.side.restore')}
                      </Button>
                    </>
                  ) : (
                    <Button variant="light" onClick={() => setConfirming(true)}>
                      {t('editorial.editor.side.restore')}
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          )}
        </QueryView>
      )}
    </Modal>
  );
}

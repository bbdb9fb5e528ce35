import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Switch,
  Text,
  Textarea,
  UnstyledButton,
} from '@mantine/core';
import { IconCheck, IconQuote, IconRotate } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleComment } from '@crieur/api';
import { ApiError } from '../../../api/api-error';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../../api/queries';
import { QueryView } from '../../../components/QueryView';
import { errorMessage } from '../../../i18n/error-message';
import { formatShortDateTime } from '../format';
import { focusComment, useCommentFocus } from './comment-focus';

type Props = { articleId: string };

const KIND_COLORS = { submission: 'blue', changes_requested: 'orange', withdrawn: 'gray' } as const;

function useComments(articleId: string) {
  return useApiQuery('GET /api/articles/:id/comments', { params: { id: articleId } });
}

/** Replaces or appends one comment in the cached conversation. */
function useStoreComment(articleId: string) {
  const queryClient = useQueryClient();
  return (comment: ArticleComment) =>
    queryClient.setQueryData(
      queryKeyOf('GET /api/articles/:id/comments', { params: { id: articleId } }),
      (current: { comments: ArticleComment[] } | undefined) => {
        const list = current?.comments ?? [];
        return {
          comments: list.some((c) => c.id === comment.id)
            ? list.map((c) => (c.id === comment.id ? comment : c))
            : [...list, comment],
        };
      },
    );
}

/** "Commentaires (2)": the open ones. */
export function CommentsTabLabel({ articleId }: Props) {
  const { t } = useTranslation();
  const comments = useComments(articleId);
  const open = comments.data?.comments.filter((c) => !c.resolvedAt).length;
  return (
    <>
      {t('editorial.editor.side.comments')}
      {open !== undefined && ` (${open})`}
    </>
  );
}

/** Switches the side panel to the comments when a highlighted passage is clicked in the editor. */
export function useShowCommentsOnFocus(articleId: string, show: () => void): void {
  const focus = useCommentFocus(articleId);
  const showRef = useRef(show);
  showRef.current = show;
  useEffect(() => {
    if (focus?.from === 'editor') showRef.current();
  }, [focus]);
}

/** The review's conversation: in time order, anchored passages quoted, resolvable, and a general comment. */
export function CommentsPanel({ articleId }: Props) {
  const { t } = useTranslation();
  const comments = useComments(articleId);
  const [showResolved, setShowResolved] = useState(false);

  // the conversation is the owner's and the editors': others may read the article, not its review
  if (comments.error instanceof ApiError && comments.error.code === 'FORBIDDEN')
    return (
      <Text size="sm" c="dimmed">
        {t('review.panel.forbidden')}
      </Text>
    );
  return (
    <Stack gap="sm">
      <QueryView query={comments}>
        {({ comments: all }) => {
          const resolved = all.filter((c) => c.resolvedAt).length;
          const shown = showResolved ? all : all.filter((c) => !c.resolvedAt);
          return (
            <>
              {resolved > 0 && (
                <Switch
                  size="xs"
                  label={t('review.panel.showResolved', { count: resolved })}
                  checked={showResolved}
                  onChange={(event) => setShowResolved(event.currentTarget.checked)}
                />
              )}
              {shown.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {all.length === 0 ? t('editorial.editor.side.noComments') : t('review.panel.allResolved')}
                </Text>
              ) : (
                <ScrollArea.Autosize mah={420} type="auto">
                  <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {shown.map((comment) => (
                      <CommentItem key={comment.id} articleId={articleId} comment={comment} />
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
              )}
            </>
          );
        }}
      </QueryView>
      <NewComment articleId={articleId} />
    </Stack>
  );
}

function CommentItem({ articleId, comment }: { articleId: string; comment: ArticleComment }) {
  const { t, i18n } = useTranslation();
  const store = useStoreComment(articleId);
  const focus = useCommentFocus(articleId);
  const item = useRef<HTMLLIElement>(null);
  const resolve = useApiMutation('POST /api/articles/:id/comments/:commentId/resolve', {
    onSuccess: ({ comment: fresh }) => void store(fresh),
  });
  const reopen = useApiMutation('POST /api/articles/:id/comments/:commentId/reopen', {
    onSuccess: ({ comment: fresh }) => void store(fresh),
  });
  const isFocused =
    focus !== null &&
    (focus.commentId === comment.id || (focus.commentId === null && focus.anchorId === comment.anchorId));
  const resolved = comment.resolvedAt !== null;
  const failure = resolve.error ?? reopen.error ?? null;
  const params = { id: articleId, commentId: comment.id };

  useEffect(() => {
    if (isFocused && focus?.from === 'editor') item.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [isFocused, focus]);

  return (
    <li ref={item} data-comment-id={comment.id} aria-current={isFocused ? 'true' : undefined}>
      <Paper
        bg={resolved ? 'gray.0' : comment.anchorId ? 'yellow.0' : 'gray.0'}
        p="xs"
        radius="sm"
        withBorder={isFocused}
        style={isFocused ? { borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2 } : undefined}
        opacity={resolved ? 0.75 : 1}
      >
        {comment.kind !== 'comment' && (
          <Badge size="sm" variant="light" color={KIND_COLORS[comment.kind]} tt="none" mb={4}>
            {t(`review.kinds.${comment.kind}`)}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          <Text span fw={600} c="dark" size="xs">
            {comment.author ?? '—'}
          </Text>{' '}
          · {formatShortDateTime(comment.at, i18n.language)}
        </Text>
        {comment.anchorId && (
          <UnstyledButton
            onClick={() =>
              focusComment({ articleId, anchorId: comment.anchorId, commentId: comment.id, from: 'panel' })
            }
            disabled={resolved}
            aria-label={t('review.panel.showPassage', { quote: comment.quote })}
            title={resolved ? undefined : t('review.panel.showPassageHint')}
            mt={4}
            style={{ display: 'block', width: '100%' }}
          >
            <Group gap={4} wrap="nowrap" align="flex-start">
              <IconQuote size={14} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text
                size="xs"
                fs="italic"
                lineClamp={3}
                style={{ borderLeft: '2px solid var(--mantine-color-orange-4)', paddingLeft: 6 }}
              >
                {comment.quote}
              </Text>
            </Group>
          </UnstyledButton>
        )}
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {comment.body}
        </Text>
        <Group justify="space-between" mt={4} gap="xs">
          <Text size="xs" c="dimmed">
            {resolved &&
              t('review.panel.resolvedBy', {
                name: comment.resolvedBy ?? '—',
                date: formatShortDateTime(comment.resolvedAt, i18n.language),
              })}
          </Text>
          {resolved ? (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconRotate size={12} aria-hidden />}
              loading={reopen.isPending}
              onClick={() => reopen.mutate({ params })}
            >
              {t('review.panel.reopen')}
            </Button>
          ) : (
            <Button
              size="compact-xs"
              variant="light"
              color="teal"
              leftSection={<IconCheck size={12} aria-hidden />}
              loading={resolve.isPending}
              onClick={() => resolve.mutate({ params })}
            >
              {t('review.panel.resolve')}
            </Button>
          )}
        </Group>
        {failure !== null && (
          <Text size="xs" c="red.8" role="alert" mt={4}>
            {errorMessage(t, failure)}
          </Text>
        )}
      </Paper>
    </li>
  );
}

function NewComment({ articleId }: Props) {
  const { t } = useTranslation();
  const store = useStoreComment(articleId);
  const [text, setText] = useState('');
  const sending = useApiMutation('POST /api/articles/:id/comments', {
    onSuccess: ({ comment }) => {
      store(comment);
      setText('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    sending.mutate({ params: { id: articleId }, body: { body: text.trim() } });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea
          label={t('editorial.editor.side.newComment')}
          description={t('review.panel.generalHint')}
          placeholder={t('review.panel.placeholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={5000}
        />
        {sending.error != null && (
          <Alert color="red" role="alert" title={t('editorial.editor.side.commentFailed')}>
            {errorMessage(t, sending.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={sending.isPending} disabled={!text.trim()}>
            {t('editorial.editor.side.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

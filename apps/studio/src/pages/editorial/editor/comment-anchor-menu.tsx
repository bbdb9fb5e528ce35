import './comment-anchor.css';
import { Alert, Blockquote, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleComment } from '@crieur/api';
import { MAX_QUOTE_CHARS } from '@crieur/api/enums/comments';
import { call } from '../../../api/client';
import { queryKeyOf, useApiQuery } from '../../../api/queries';
import { errorMessage } from '../../../i18n/error-message';
import { focusComment, useCommentFocus } from './comment-focus';
import { anchorRanges, commentHighlightKey, commentHighlightPlugin, type HighlightMeta } from './comment-highlight';

type Props = { editor: Editor | null; articleId: string; editable: boolean };
type Draft = { from: number; to: number; quote: string };

/** A short id for the mark and its comment: 12 random letters and digits. */
export function newAnchorId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (n) => alphabet[n % alphabet.length]).join('');
}

/** The selected words on one line, cut to what the API keeps. */
export function quoteOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_QUOTE_CHARS ? line : `${line.slice(0, MAX_QUOTE_CHARS - 1)}…`;
}

/**
 * The review in the body editor: highlights the passages of open comments (a click shows the comment in the
 * panel) and, on a selection, « Commenter ce passage » (bubble button or Ctrl+Alt+M), which posts the comment and
 * then puts a `commentAnchor` mark with its id around the words (the autosave keeps it in the working version).
 */
export function CommentAnchorMenu({ editor, articleId, editable }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const comments = useApiQuery('GET /api/articles/:id/comments', { params: { id: articleId } });
  const focus = useCommentFocus(articleId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const open = useMemo(
    () => new Set((comments.data?.comments ?? []).filter((c) => c.anchorId && !c.resolvedAt).map((c) => c.anchorId!)),
    [comments.data],
  );
  const active = focus?.anchorId ?? null;
  // read by the plugin when it starts, and by its callbacks: always the latest
  const latest = useRef({ open, active, editable, comments: comments.data?.comments ?? [] });
  latest.current = { open, active, editable, comments: comments.data?.comments ?? [] };

  const openDraft = (): boolean => {
    if (!editor || !latest.current.editable) return false;
    const { from, to, empty } = editor.state.selection;
    const quote = quoteOf(editor.state.doc.textBetween(from, to, ' ', ' '));
    if (empty || !quote) return false;
    setDraft({ from, to, quote });
    setText('');
    setFailure(null);
    return true;
  };
  const openDraftRef = useRef(openDraft);
  openDraftRef.current = openDraft;

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const plugin = commentHighlightPlugin({
      initial: () => ({ open: latest.current.open, active: latest.current.active }),
      onAnchorClick: (ids) => {
        // the most recent open comment on these words
        const shown = [...latest.current.comments].reverse().find((c) => c.anchorId && ids.includes(c.anchorId));
        focusComment({ articleId, anchorId: shown?.anchorId ?? ids[0]!, commentId: shown?.id ?? null, from: 'editor' });
      },
      onCommentShortcut: () => openDraftRef.current(),
    });
    editor.registerPlugin(plugin);
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightKey);
    };
  }, [editor, articleId]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const meta: HighlightMeta = { open, active };
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightKey, meta));
  }, [editor, open, active]);

  // a passage chosen in the panel: bring it into view
  useEffect(() => {
    if (!editor || editor.isDestroyed || focus?.from !== 'panel' || !focus.anchorId) return;
    const range = anchorRanges(editor.state.doc).get(focus.anchorId)?.[0];
    if (!range) return;
    const { node } = editor.view.domAtPos(range.from + 1);
    const element = node instanceof Element ? node : node.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [editor, focus]);

  const close = () => {
    setDraft(null);
    const to = draft?.to;
    // back to the text, once the dialog has let go of the focus
    if (to !== undefined) setTimeout(() => editor && !editor.isDestroyed && editor.commands.focus(to));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editor || !draft || !text.trim()) return;
    setBusy(true);
    setFailure(null);
    try {
      const anchorId = newAnchorId();
      // the comment first: a mark never points at a comment that does not exist
      const { comment } = await call('POST /api/articles/:id/comments', {
        params: { id: articleId },
        body: { body: text.trim(), anchorId, quote: draft.quote },
      });
      queryClient.setQueryData(
        queryKeyOf('GET /api/articles/:id/comments', { params: { id: articleId } }),
        (current: { comments: ArticleComment[] } | undefined) => ({
          comments: [...(current?.comments ?? []), comment],
        }),
      );
      const size = editor.state.doc.content.size;
      const mark = editor.schema.marks.commentAnchor!.create({ id: anchorId });
      editor.view.dispatch(editor.state.tr.addMark(Math.min(draft.from, size), Math.min(draft.to, size), mark));
      focusComment({ articleId, anchorId, commentId: comment.id, from: 'editor' });
      close();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  const shortcut = t('review.anchor.shortcut');
  return (
    <>
      {editor && editable && (
        <BubbleMenu
          editor={editor}
          pluginKey="commentAnchorBubble"
          shouldShow={({ view, state, from, to, element }) =>
            editor.isEditable &&
            !state.selection.empty &&
            state.doc.textBetween(from, to, ' ').trim() !== '' &&
            (view.hasFocus() || element.contains(document.activeElement))
          }
          options={{ placement: 'top' }}
        >
          <Button
            size="compact-sm"
            leftSection={<IconMessagePlus size={16} aria-hidden />}
            onClick={() => openDraft()}
            aria-keyshortcuts="Control+Alt+M Meta+Alt+M"
            title={shortcut}
            className="crieur-comment-bubble"
          >
            {t('review.anchor.button')}
          </Button>
        </BubbleMenu>
      )}
      <Modal
        opened={draft !== null}
        onClose={close}
        returnFocus={false}
        title={t('review.anchor.title')}
        closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      >
        {draft && (
          <form onSubmit={(event) => void submit(event)}>
            <Stack gap="sm">
              <div>
                <Text size="sm" fw={500} id="comment-anchor-quote">
                  {t('review.anchor.passage')}
                </Text>
                <Blockquote p="xs" mt={4} aria-labelledby="comment-anchor-quote" fz="sm">
                  {draft.quote}
                </Blockquote>
              </div>
              <Textarea
                label={t('review.anchor.comment')}
                placeholder={t('review.anchor.placeholder')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                autosize
                minRows={3}
                maxRows={8}
                maxLength={5000}
                required
                data-autofocus
              />
              {failure !== null && (
                <Alert color="red" role="alert" title={t('review.anchor.failed')}>
                  {errorMessage(t, failure)}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={busy} disabled={!text.trim()}>
                  {t('review.anchor.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}

// Which comment is in focus, shared by the body editor (a click on a highlighted passage) and the comments panel.
import { useSyncExternalStore } from 'react';

export type CommentFocus = {
  articleId: string;
  anchorId: string | null;
  commentId: number | null;
  /** where the focus came from: the other side scrolls to it */
  from: 'editor' | 'panel';
  /** bumps on each request, so focusing the same comment twice scrolls again */
  seq: number;
};

let current: CommentFocus | null = null;
const listeners = new Set<() => void>();

export function focusComment(focus: Omit<CommentFocus, 'seq'>): void {
  current = { ...focus, seq: (current?.seq ?? 0) + 1 };
  for (const listener of listeners) listener();
}

export function clearCommentFocus(): void {
  current = null;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The focus for this article (another article's is ignored). */
export function useCommentFocus(articleId: string): CommentFocus | null {
  const focus = useSyncExternalStore(subscribe, () => current);
  return focus?.articleId === articleId ? focus : null;
}

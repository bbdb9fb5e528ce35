// The editor's mark for a passage under review: only an id, which the comment that discusses it carries too.
import { Mark } from '@tiptap/core';

/** A short id made by the studio: letters, digits, "_" and "-". */
export const COMMENT_ANCHOR_ID = /^[A-Za-z0-9_-]{1,40}$/;
/** At most this many comments may cover the same words. */
export const MAX_ANCHORS_PER_TEXT = 10;

export const CommentAnchor = Mark.create({
  name: 'commentAnchor',
  // text typed just before or after the passage is not part of it
  inclusive: false,
  // several comments may cover the same words
  excludes: '',
  addAttributes() {
    return {
      id: {
        default: null,
        renderHTML: (attrs: Record<string, unknown>) => ({ 'data-comment-anchor': attrs.id }),
      },
    };
  },
  // no parse rule: a pasted copy of a commented passage is not a second anchor
  parseHTML() {
    return [];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', HTMLAttributes, 0];
  },
});

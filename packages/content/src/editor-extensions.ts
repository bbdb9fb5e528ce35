// The Tiptap extensions matching the ArticleDoc schema, shared by the studio editor and the web renderer.
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { ArticleImage } from './article-image.js';
import { ArticleLink } from './article-link.js';
import { CommentAnchor } from './comment-anchor.js';

export function editorExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      // configured separately so only an href survives
      link: false,
    }),
    ArticleLink,
    ArticleImage,
    // last, so it is the innermost mark and never splits a bold or a link in two
    CommentAnchor,
  ];
}

import { editorExtensions } from '@crieur/content';
import type { Extensions } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { imageDropExtensions, type OnImageFiles } from './image-drop-extension';
import { ImageNodeView } from './ImageNodeView';

// events in the caption and alt-text controls are theirs: a click there must not select the image (a keystroke
// would then replace it), nor a key reach the editor
const imageNodeView = () =>
  ReactNodeViewRenderer(ImageNodeView, {
    stopEvent: ({ event }) => event.target instanceof Element && event.target.closest('[data-image-controls]') !== null,
  });

/**
 * @crieur/content's extensions (the schema readers' pages are rendered from), with the studio's additions: the
 * image as a figure with its caption and alt text editable in place, and images dropped or pasted from outside.
 */
export function studioExtensions(onFiles: OnImageFiles): Extensions {
  const base = editorExtensions().map((extension) =>
    extension.name === 'image' ? extension.extend({ addNodeView: imageNodeView }) : extension,
  );
  return [...base, ...imageDropExtensions(onFiles)];
}

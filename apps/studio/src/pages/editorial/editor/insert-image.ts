import type { Editor } from '@tiptap/core';
import { Selection } from '@tiptap/pm/state';

export type ImageAttrs = { src: string; alt: string; caption: string | null; mediaId: string };

/**
 * Inserts an image block at `pos` (a paragraph there is split; an empty one is replaced) and returns the position
 * just after it, where the next image of the same drop goes.
 */
export function insertImageAt(editor: Editor, pos: number, attrs: ImageAttrs): number {
  const at = Math.max(0, Math.min(pos, editor.state.doc.content.size));
  let after = at;
  editor
    .chain()
    .insertContentAt(at, { type: 'image', attrs })
    .command(({ tr }) => {
      after = tr.mapping.map(at, 1);
      return true;
    })
    .run();
  return after;
}

/** Puts the cursor after the last inserted image, adding a paragraph when the image ends the document. */
export function placeCursorAfter(editor: Editor, pos: number): void {
  // no focus here: the dialog is still open, and gives focus back to the editor as it closes
  editor
    .chain()
    .command(({ tr, state }) => {
      const at = Math.min(pos, tr.doc.content.size);
      let next = Selection.findFrom(tr.doc.resolve(at), 1, true);
      if (!next) {
        tr.insert(tr.doc.content.size, state.schema.nodes.paragraph!.create());
        next = Selection.findFrom(tr.doc.resolve(at), 1, true);
      }
      if (next) tr.setSelection(next);
      return true;
    })
    .run();
}

// Dropped and pasted files go to the studio (alt-text dialog, then the media library), through Tiptap's FileHandler.
import { Extension, type Editor } from '@tiptap/core';
import { FileHandler } from '@tiptap/extension-file-handler';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { htmlHasText } from './image-files';

/** Files dropped at `pos`, or pasted at the selection: the studio sorts, asks and uploads. */
export type OnImageFiles = (files: File[], pos: number) => void;

export function imageDropExtensions(onFiles: OnImageFiles) {
  // set while a paste's files are ours: the same paste's HTML (an <img> at the copied address) must not also land
  let takenPaste = false;
  const take = (editor: Editor, files: File[], pos: number) => {
    if (editor.isEditable) onFiles(files, pos);
  };
  return [
    FileHandler.configure({
      // no allowedMimeTypes: other files must reach the studio too, to be refused in words rather than ignored
      onDrop: (editor, files, pos) => take(editor, files, pos),
      onPaste: (editor, files, html) => {
        // a passage copied from Word or a spreadsheet comes with a picture of itself: the passage is what was meant
        if (html && htmlHasText(html)) return;
        takenPaste = Boolean(html);
        take(editor, files, editor.state.selection.to);
      },
    }),
    Extension.create({
      name: 'pastedImageGuard',
      // after the FileHandler: it leaves a paste with HTML to ProseMirror, which would insert the copied <img>
      priority: 99,
      addProseMirrorPlugins() {
        return [
          new Plugin({
            key: new PluginKey('pastedImageGuard'),
            props: {
              handlePaste: () => {
                const taken = takenPaste;
                takenPaste = false;
                return taken;
              },
            },
          }),
        ];
      },
    }),
  ];
}

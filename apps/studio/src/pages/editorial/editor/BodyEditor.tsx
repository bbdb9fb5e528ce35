import '@mantine/tiptap/styles.css';
import type { ArticleDoc } from '@crieur/content';
import { RichTextEditor } from '@mantine/tiptap';
import { IconPhoto } from '@tabler/icons-react';
import { Selection } from '@tiptap/pm/state';
import { useEditor, type JSONContent } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Media } from '@crieur/api';
import { MediaLibraryModal } from '../MediaLibraryModal';
import classes from '../editorial.module.css';
import { CommentAnchorMenu } from './comment-anchor-menu';
import { EditableContext } from './editable-context';
import type { OnImageFiles } from './image-drop-extension';
import { LinkControl } from './LinkControl';
import { studioExtensions } from './studio-extensions';
import { useImageDrop } from './use-image-drop';

type Props = {
  /** Read once: remount (change the key) to load another document. */
  initial: ArticleDoc;
  editable: boolean;
  onChange: (body: ArticleDoc) => void;
  /** The plain text of the body, for "Copier mon texte". */
  textRef?: { current: (() => string) | null };
  /** The article's id: its review comments are highlighted, and a selection can be commented. */
  commentsFor?: string;
  /** The text box's accessible name (default « Corps de l'article »). */
  label?: string;
};

/** The article body: Tiptap with the schema of @crieur/content, a French toolbar and the media library. */
export function BodyEditor({ initial, editable, onChange, textRef, commentsFor, label: labelProp }: Props) {
  const { t } = useTranslation();
  const [library, setLibrary] = useState(false);
  // the editor is made once: dropped files reach the current handler through this ref
  const dropped = useRef<OnImageFiles>(() => undefined);
  const extensions = useMemo(() => studioExtensions((files, pos) => dropped.current(files, pos)), []);
  const label = labelProp ?? t('editorial.editor.body');

  const editor = useEditor({
    extensions,
    content: initial as JSONContent,
    editable,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, spellcheck: 'true', lang: 'fr' },
    },
    // the editor's schema is @crieur/content's: the server checks the document again on save
    onUpdate: ({ editor: current }) => onChange(current.getJSON() as ArticleDoc),
  });

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  const images = useImageDrop(editor);
  useEffect(() => {
    dropped.current = images.onFiles;
  }, [images.onFiles]);

  useEffect(() => {
    if (!textRef) return;
    textRef.current = () => editor?.getText({ blockSeparator: '\n\n' }) ?? '';
    return () => {
      textRef.current = null;
    };
  }, [editor, textRef]);

  const insert = (media: Media) => {
    setLibrary(false);
    editor
      ?.chain()
      .focus()
      .insertContent({
        type: 'image',
        attrs: { src: media.url, alt: media.alt, caption: media.caption || null, mediaId: media.id },
      })
      // the new image stays selected otherwise, and the next keystroke or image would replace it
      .command(({ tr, state }) => {
        const after = tr.selection.to;
        let next = Selection.findFrom(tr.doc.resolve(after), 1, true);
        if (!next) {
          // the image ends the document: give the writer a paragraph to go on in
          tr.insert(after, state.schema.nodes.paragraph!.create());
          next = Selection.findFrom(tr.doc.resolve(after), 1, true);
        }
        if (next) tr.setSelection(next);
        return true;
      })
      .run();
  };

  const labels = {
    boldControlLabel: t('editorial.editor.toolbar.bold'),
    italicControlLabel: t('editorial.editor.toolbar.italic'),
    h2ControlLabel: t('editorial.editor.toolbar.h2'),
    h3ControlLabel: t('editorial.editor.toolbar.h3'),
    h4ControlLabel: t('editorial.editor.toolbar.h4'),
    unlinkControlLabel: t('editorial.editor.toolbar.unlink'),
    bulletListControlLabel: t('editorial.editor.toolbar.bulletList'),
    orderedListControlLabel: t('editorial.editor.toolbar.orderedList'),
    blockquoteControlLabel: t('editorial.editor.toolbar.blockquote'),
    hrControlLabel: t('editorial.editor.toolbar.hr'),
    undoControlLabel: t('editorial.editor.toolbar.undo'),
    redoControlLabel: t('editorial.editor.toolbar.redo'),
    linkControlLabel: t('editorial.editor.toolbar.link'),
  };

  return (
    <EditableContext.Provider value={editable}>
      <RichTextEditor editor={editor} labels={labels} className={classes.body}>
        {editable && (
          <RichTextEditor.Toolbar
            sticky
            stickyOffset={56}
            aria-label={t('editorial.editor.toolbar.label')}
            role="toolbar"
          >
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.H2 />
              <RichTextEditor.H3 />
              <RichTextEditor.H4 />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <LinkControl />
              <RichTextEditor.Unlink />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
              <RichTextEditor.Blockquote />
              <RichTextEditor.Hr />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Control
                aria-label={t('editorial.editor.toolbar.image')}
                title={t('editorial.editor.toolbar.image')}
                onClick={() => setLibrary(true)}
              >
                <IconPhoto size={16} stroke={1.5} aria-hidden />
              </RichTextEditor.Control>
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Undo />
              <RichTextEditor.Redo />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
        )}
        <RichTextEditor.Content />
        {commentsFor && <CommentAnchorMenu editor={editor} articleId={commentsFor} editable={editable} />}
      </RichTextEditor>
      <MediaLibraryModal opened={library} onClose={() => setLibrary(false)} mode="insert" onPick={insert} />
      {images.dialog}
    </EditableContext.Provider>
  );
}

import '@mantine/tiptap/styles.css';
import { editorExtensions, type ArticleDoc } from '@crieur/content';
import { Input } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { useEditor, type JSONContent } from '@tiptap/react';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkControl } from '../../editorial/editor/LinkControl';

type Props = {
  label: string;
  /** Read once: the editor owns the document afterwards. */
  initial: ArticleDoc;
  editable: boolean;
  error?: string;
  onChange: (doc: ArticleDoc) => void;
};

/** A small Tiptap editor with the article schema (edito, free text): the toolbar an email needs. */
export function DocEditor({ label, initial, editable, error, onChange }: Props) {
  const { t } = useTranslation();
  const extensions = useMemo(() => editorExtensions(), []);
  const errorId = useId();
  const editor = useEditor({
    extensions,
    content: initial as JSONContent,
    editable,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        spellcheck: 'true',
        lang: 'fr',
        ...(error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.getJSON() as ArticleDoc),
  });

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  const labels = {
    boldControlLabel: t('editorial.editor.toolbar.bold'),
    italicControlLabel: t('editorial.editor.toolbar.italic'),
    h3ControlLabel: t('editorial.editor.toolbar.h3'),
    unlinkControlLabel: t('editorial.editor.toolbar.unlink'),
    bulletListControlLabel: t('editorial.editor.toolbar.bulletList'),
    orderedListControlLabel: t('editorial.editor.toolbar.orderedList'),
    blockquoteControlLabel: t('editorial.editor.toolbar.blockquote'),
  };

  return (
    // leaving the text counts as touching the block's "doc" field: its error shows from then on
    <div data-field="doc">
      <Input.Label component="div" aria-hidden>
        {label}
      </Input.Label>
      <RichTextEditor
        editor={editor}
        labels={labels}
        style={error ? { borderColor: 'var(--mantine-color-error)' } : undefined}
      >
        {editable && (
          <RichTextEditor.Toolbar aria-label={t('editorial.editor.toolbar.label')} role="toolbar">
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
              <RichTextEditor.H3 />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <LinkControl />
              <RichTextEditor.Unlink />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
              <RichTextEditor.Blockquote />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
        )}
        <RichTextEditor.Content style={{ minHeight: 96 }} />
      </RichTextEditor>
      {error && (
        <Input.Error id={errorId} mt={4}>
          {error}
        </Input.Error>
      )}
    </div>
  );
}

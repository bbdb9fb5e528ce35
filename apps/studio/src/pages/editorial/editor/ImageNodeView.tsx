import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AltTextControl } from './AltTextControl';
import { EditableContext } from './editable-context';
import classes from './image-node.module.css';

const MAX_CAPTION_CHARS = 500;

/** The studio's image: a figure with its caption typed in place and its alt text at hand (readers get the same). */
export function ImageNodeView({ node, updateAttributes, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const editable = useContext(EditableContext);
  const { src, alt, caption } = node.attrs as { src: string; alt: string | null; caption: string | null };
  // a local copy: the node's attributes come back a render later, and a lagging value would move the cursor
  const [draft, setDraft] = useState(caption ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // changed from elsewhere (undo, a remount): follow, unless the writer is typing in it
    if (document.activeElement !== input.current) setDraft(caption ?? '');
  }, [caption]);

  return (
    <NodeViewWrapper as="figure" className={classes.figure} data-selected={selected && editable ? '' : undefined}>
      <img src={src} alt={alt ?? ''} className={classes.image} data-drag-handle={editable ? '' : undefined} />
      {editable ? (
        <figcaption className={classes.caption} contentEditable={false} data-image-controls>
          <input
            ref={input}
            className={classes.captionInput}
            value={draft}
            placeholder={t('images.captionPlaceholder')}
            aria-label={t('images.captionLabel')}
            maxLength={MAX_CAPTION_CHARS}
            onChange={(event) => {
              setDraft(event.currentTarget.value);
              updateAttributes({ caption: event.currentTarget.value || null });
            }}
          />
        </figcaption>
      ) : (
        caption && <figcaption className={classes.caption}>{caption}</figcaption>
      )}
      {editable && <AltTextControl alt={alt ?? ''} onSave={(value) => updateAttributes({ alt: value })} />}
    </NodeViewWrapper>
  );
}

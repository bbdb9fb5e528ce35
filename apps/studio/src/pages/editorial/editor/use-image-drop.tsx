import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Media } from '@crieur/api';
import { sortImageFiles } from './image-files';
import { ImageUploadDialog } from './ImageUploadDialog';
import { insertImageAt, placeCursorAfter } from './insert-image';
import { addToLibrary } from './upload-image';

type Waiting = { file: File; batch: number; index: number; count: number };

/**
 * Dropped and pasted images, one dialog after the other: each is uploaded, then inserted where it was dropped
 * (the place follows the edits made meanwhile); refused files are named in a notification.
 */
export function useImageDrop(editor: Editor | null): {
  onFiles: (files: File[], pos: number) => void;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [waiting, setWaiting] = useState<Waiting[]>([]);
  // where each drop's next image goes, kept true through every change of the document
  const places = useRef(new Map<number, number>());
  const batches = useRef(0);
  const filled = useRef(new Set<number>());

  useEffect(() => {
    if (!editor) return;
    const follow = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged) return;
      for (const [batch, pos] of places.current) places.current.set(batch, transaction.mapping.map(pos));
    };
    editor.on('transaction', follow);
    return () => {
      editor.off('transaction', follow);
    };
  }, [editor]);

  const onFiles = useCallback(
    (files: File[], pos: number) => {
      const { accepted, refused } = sortImageFiles(files);
      for (const { file, reason } of refused) {
        notifications.show({
          color: 'red',
          title: t('images.refusedTitle'),
          message: t(reason === 'type' ? 'images.refusedType' : 'images.refusedSize', { name: file.name }),
        });
      }
      if (accepted.length === 0) return;
      const batch = ++batches.current;
      places.current.set(batch, pos);
      setWaiting((list) => [
        ...list,
        ...accepted.map((file, i) => ({ file, batch, index: i + 1, count: accepted.length })),
      ]);
    },
    [t],
  );

  const current = waiting[0] ?? null;

  /** The next file; a drop's last image leaves the cursor after it. */
  const next = (dropBatch: boolean) => {
    if (!current) return;
    const rest = waiting.slice(1).filter((w) => !(dropBatch && w.batch === current.batch));
    if (!rest.some((w) => w.batch === current.batch)) {
      const place = places.current.get(current.batch);
      places.current.delete(current.batch);
      // the last image must not stay selected: the next keystroke would replace it
      if (editor && !editor.isDestroyed && place !== undefined && filled.current.delete(current.batch)) {
        placeCursorAfter(editor, place);
      }
    }
    setWaiting(rest);
  };

  const uploaded = (media: Media) => {
    if (!current) return;
    addToLibrary(client, media);
    if (editor && !editor.isDestroyed) {
      const place = places.current.get(current.batch) ?? editor.state.selection.to;
      const after = insertImageAt(editor, place, {
        src: media.url,
        alt: media.alt,
        caption: media.caption || null,
        mediaId: media.id,
      });
      places.current.set(current.batch, after);
      filled.current.add(current.batch);
    }
    next(false);
  };

  const dialog = (
    <ImageUploadDialog
      file={current?.file ?? null}
      index={current?.index ?? 1}
      count={current?.count ?? 1}
      onUploaded={uploaded}
      onCancel={(all) => next(all)}
    />
  );
  return { onFiles, dialog };
}

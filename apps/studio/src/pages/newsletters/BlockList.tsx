import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { Alert, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { IconArticle, IconChevronDown, IconFolder, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockError } from '@crieur/api';
import { BlockCard } from './BlockCard';
import { BLOCK_TYPES, emptyBlock, newKey, type Block, type BlockType, type KeyedBlock } from './blocks';
import { insertIndex, placeOf, type InsertPlace } from './insert-place';
import { nameOfBlock } from './format';
import { InsertPublishedModal } from './InsertPublishedModal';

type Props = {
  blocks: KeyedBlock[];
  errors: BlockError[];
  readOnly: boolean;
  /** Gets the latest list: several changes in a row never undo each other. */
  onChange: (change: (blocks: KeyedBlock[]) => KeyedBlock[]) => void;
  /** Grows each time every error must show (a test or a send was attempted); 0 at first. */
  revealErrors?: number;
};

/** The newsletter's blocks, top to bottom: add, insert published items, edit, reorder, remove (with undo). */
export function BlockList({ blocks, errors, readOnly, onChange, revealErrors = 0 }: Props) {
  const { t } = useTranslation();
  const [inserting, setInserting] = useState<'article' | 'dossier' | null>(null);
  // the block being edited: new blocks go right after it (none: at the end)
  const [selected, setSelected] = useState<string | null>(null);
  const selectedIndex = selected === null ? -1 : blocks.findIndex((item) => item.key === selected);
  const selectedItem = blocks[selectedIndex];
  const [removed, setRemoved] = useState<{ item: KeyedBlock; index: number } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const nameOf = (id: UniqueIdentifier) => {
    const block = blocks.find((item) => item.key === id)?.block;
    return block ? nameOfBlock(t, block) : '';
  };
  const positionOf = (id: UniqueIdentifier | undefined) =>
    id === undefined ? 0 : blocks.findIndex((item) => item.key === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('newsletters.dnd.start', { name: nameOf(active.id), position: positionOf(active.id), total: blocks.length }),
    onDragOver: ({ active, over }) =>
      over
        ? t('newsletters.dnd.over', { name: nameOf(active.id), position: positionOf(over.id), total: blocks.length })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('newsletters.dnd.end', { name: nameOf(active.id), position: positionOf(over.id), total: blocks.length })
        : undefined,
    onDragCancel: ({ active }) => t('newsletters.dnd.cancel', { name: nameOf(active.id) }),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange((current) =>
      arrayMove(
        current,
        current.findIndex((item) => item.key === active.id),
        current.findIndex((item) => item.key === over.id),
      ),
    );
  };

  /** Puts new blocks at `place`, in the order given; the last one becomes the selected block, ready to type in. */
  const insert = (added: Block[], place: InsertPlace = placeOf(selectedItem?.key ?? null)) => {
    const items = added.map((block) => ({ key: newKey(), block }));
    const last = items.at(-1);
    if (!last) return;
    onChange((current) => {
      const at = insertIndex(current, place);
      return [...current.slice(0, at), ...items, ...current.slice(at)];
    });
    setSelected(last.key);
    // bring the new block into view, its first field ready to type in
    requestAnimationFrame(() => {
      const card = document.getElementById(`block-${last.key}`);
      card?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      card?.querySelector<HTMLElement>('input, textarea, [contenteditable="true"]')?.focus({ preventScroll: true });
    });
  };
  const add = (block: Block) => insert([block]);

  const move = (key: string, to: number) =>
    onChange((current) => {
      const from = current.findIndex((item) => item.key === key);
      return to < 0 || to >= current.length ? current : arrayMove(current, from, to);
    });

  const patch = (key: string, change: Partial<Block>) =>
    onChange((current) =>
      current.map((item) => (item.key === key ? { ...item, block: { ...item.block, ...change } as Block } : item)),
    );

  const remove = (key: string) => {
    const index = blocks.findIndex((item) => item.key === key);
    const item = blocks[index];
    if (!item) return;
    setRemoved({ item, index });
    if (key === selected) setSelected(null);
    onChange((current) => current.filter((other) => other.key !== key));
  };

  const undo = () => {
    if (!removed) return;
    onChange((current) => [...current.slice(0, removed.index), removed.item, ...current.slice(removed.index)]);
    setRemoved(null);
  };

  return (
    <Stack gap="sm">
      {blocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {readOnly ? t('newsletters.composer.noBlocksReadOnly') : t('newsletters.composer.noBlocks')}
        </Text>
      ) : (
        <>
          {!readOnly && (
            <Text size="sm" c="dimmed" id="blocks-help">
              {t('newsletters.composer.blocksHelp')}
            </Text>
          )}
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{
              announcements,
              screenReaderInstructions: { draggable: t('newsletters.dnd.instructions') },
            }}
          >
            <SortableContext items={blocks.map((item) => item.key)} strategy={verticalListSortingStrategy}>
              <Stack
                gap="sm"
                component="ol"
                aria-label={t('newsletters.composer.blocksLabel')}
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
              >
                {blocks.map((item, index) => (
                  <BlockCard
                    key={item.key}
                    item={item}
                    index={index}
                    total={blocks.length}
                    errors={errors.filter((error) => error.index === index)}
                    readOnly={readOnly}
                    selected={item.key === selectedItem?.key}
                    onSelect={() => setSelected(item.key)}
                    revealErrors={revealErrors}
                    onChange={(change) => patch(item.key, change)}
                    onMove={(to) => move(item.key, to)}
                    onRemove={() => remove(item.key)}
                  />
                ))}
              </Stack>
            </SortableContext>
          </DndContext>
        </>
      )}
      {removed && !readOnly && (
        <Alert
          color="gray"
          role="status"
          withCloseButton
          onClose={() => setRemoved(null)}
          closeButtonLabel={t('common.close')}
        >
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('newsletters.composer.removed', { name: nameOfBlock(t, removed.item.block) })}</Text>
            <Button size="compact-sm" variant="light" onClick={undo}>
              {t('newsletters.composer.undo')}
            </Button>
          </Group>
        </Alert>
      )}
      {!readOnly && blocks.length > 0 && (
        <Group gap="xs" aria-live="polite">
          <Text size="sm" c="dimmed" id="insert-place">
            {selectedItem
              ? t('composerInsert.placeAfter', { n: selectedIndex + 1, name: nameOfBlock(t, selectedItem.block) })
              : t('composerInsert.placeEnd')}
          </Text>
          {selectedItem && selectedIndex < blocks.length - 1 && (
            <Button size="compact-sm" variant="subtle" onClick={() => setSelected(null)}>
              {t('composerInsert.toEnd')}
            </Button>
          )}
        </Group>
      )}
      {!readOnly && (
        <Group gap="sm">
          <Menu position="bottom-start" shadow="md">
            <Menu.Target>
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                rightSection={<IconChevronDown size={14} aria-hidden />}
              >
                {t('newsletters.composer.addBlock')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {BLOCK_TYPES.map((type: BlockType) => (
                <Menu.Item key={type} onClick={() => add(emptyBlock(type))}>
                  {t(`newsletters.blockTypes.${type}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button
            variant="default"
            leftSection={<IconArticle size={16} aria-hidden />}
            onClick={() => setInserting('article')}
          >
            {t('newsletters.insert.article')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFolder size={16} aria-hidden />}
            onClick={() => setInserting('dossier')}
          >
            {t('newsletters.insert.dossier')}
          </Button>
        </Group>
      )}
      <InsertPublishedModal
        kind={inserting}
        blocks={blocks}
        defaultPlace={placeOf(selectedItem?.key ?? null)}
        onClose={() => setInserting(null)}
        onPick={(picked, place) => {
          setInserting(null);
          insert(picked, place);
        }}
      />
    </Stack>
  );
}

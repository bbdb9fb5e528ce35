import { useSortable } from '@dnd-kit/sortable';
import { useState, type FocusEvent } from 'react';
import { ActionIcon, Badge, Group, List, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BlockError } from '@crieur/api';
import { blockSummary, type Block, type KeyedBlock } from './blocks';
import { BlockForm } from './forms/BlockForm';
import { nameOfBlock } from './format';

type Props = {
  item: KeyedBlock;
  index: number;
  total: number;
  errors: BlockError[];
  readOnly: boolean;
  onChange: (patch: Partial<Block>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** The block being edited: new blocks go after it. */
  selected?: boolean;
  onSelect?: () => void;
  /** Grows each time every error must show; a block added since shows its own only once touched. */
  revealErrors?: number;
};

/** One block: a handle to drag it, move and remove buttons, its form, and what the preview refused in it. */
export function BlockCard(props: Props) {
  const { item, index, total, errors: all, readOnly, onChange, onMove, onRemove } = props;
  const { selected = false, onSelect, revealErrors = 0 } = props;
  const { t } = useTranslation();
  const { errors, onBlur } = useTouchedErrors(all, revealErrors);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.key,
    disabled: readOnly,
  });
  const typeName = t(`newsletters.blockTypes.${item.block.type}`);
  const summary = blockSummary(item.block);
  const name = nameOfBlock(t, item.block);
  const invalid = errors.length > 0;
  // refused by the preview, but nothing to blame yet: say so quietly, without red
  const unfinished = !invalid && all.length > 0;
  const style = {
    transform: transform ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)` : undefined,
    transition,
    position: 'relative' as const,
    zIndex: isDragging ? 2 : undefined,
  };
  // errors the form cannot place on a field (the block as a whole) are listed at the top of the card
  const general = errors.filter((error) => error.path === '');

  return (
    <li
      ref={setNodeRef}
      style={style}
      data-block-index={index}
      id={`block-${item.key}`}
      aria-current={selected ? 'true' : undefined}
      onFocus={onSelect}
      onPointerDown={onSelect}
      onBlur={onBlur}
    >
      <Paper
        withBorder
        p="sm"
        radius="md"
        shadow={isDragging ? 'md' : 'xs'}
        style={{
          ...(invalid ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : {}),
          ...(selected ? { outline: '3px solid var(--mantine-primary-color-filled)', outlineOffset: 2 } : {}),
        }}
        component="section"
        aria-label={t('newsletters.block.label', { n: index + 1, name })}
        data-selected={selected || undefined}
      >
        <Stack gap="sm">
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              {!readOnly && (
                <ActionIcon
                  ref={setActivatorNodeRef}
                  variant="subtle"
                  color="gray"
                  aria-label={t('newsletters.block.drag', { name })}
                  style={{ cursor: 'grab', touchAction: 'none' }}
                  {...attributes}
                  {...listeners}
                >
                  <IconGripVertical size={18} aria-hidden />
                </ActionIcon>
              )}
              <Badge variant="light" tt="none" style={{ flex: 'none' }}>
                {typeName}
              </Badge>
              {selected && !readOnly && (
                <Badge variant="filled" tt="none" size="sm" style={{ flex: 'none' }}>
                  {t('composerInsert.selected')}
                </Badge>
              )}
              <Text size="sm" c="dimmed" truncate>
                {summary}
              </Text>
            </Group>
            {!readOnly && (
              <Group gap={4} wrap="nowrap">
                <Tooltip label={t('newsletters.block.up')}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === 0}
                    aria-label={t('newsletters.block.upNamed', { name })}
                    onClick={() => onMove(index - 1)}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('newsletters.block.down')}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === total - 1}
                    aria-label={t('newsletters.block.downNamed', { name })}
                    onClick={() => onMove(index + 1)}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('newsletters.block.remove')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('newsletters.block.removeNamed', { name })}
                    onClick={onRemove}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            )}
          </Group>
          {unfinished && (
            <Text size="sm" c="dimmed">
              {t('composerInsert.unfinished')}
            </Text>
          )}
          {invalid && (
            <div role="group" aria-label={t('newsletters.block.errorsLabel')}>
              <Text size="sm" c="red.8" fw={500}>
                {t('newsletters.block.notInPreview', { count: errors.length })}
              </Text>
              {general.length > 0 && (
                <List size="sm" c="red.8">
                  {general.map((error, i) => (
                    <List.Item key={i}>{error.message}</List.Item>
                  ))}
                </List>
              )}
            </div>
          )}
          <BlockForm block={item.block} onChange={onChange} errors={errors} readOnly={readOnly} />
        </Stack>
      </Paper>
    </li>
  );
}

/** Whether an error of `path` concerns a field the user touched ("image" for "image.alt", "events.0" for a row). */
const concerns = (touched: ReadonlySet<string>, path: string) =>
  [...touched].some((field) => path === field || path.startsWith(`${field}.`) || field.startsWith(`${path}.`));

/**
 * The errors to show: a field's once the user has left it, all of them once a test or send was attempted after
 * this block appeared; the block's general errors once any field was left. A field is named by the data-field of
 * its input, inside the data-field-prefix of its row ("events.0" + "date").
 */
export function useTouchedErrors(errors: BlockError[], revealErrors: number) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [revealedAtMount] = useState(revealErrors);
  const revealed = revealErrors > revealedAtMount;
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const field = target.closest<HTMLElement>('[data-field]')?.dataset.field;
    if (!field) return;
    const prefix = target.closest<HTMLElement>('[data-field-prefix]')?.dataset.fieldPrefix;
    const path = prefix ? `${prefix}.${field}` : field;
    setTouched((current) => (current.has(path) ? current : new Set([...current, path])));
  };
  const shown = revealed
    ? errors
    : errors.filter((error) => (error.path === '' ? touched.size > 0 : concerns(touched, error.path)));
  return { errors: shown, onBlur };
}

import { useSortable } from '@dnd-kit/sortable';
import { ActionIcon, Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { IconGripVertical, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DossierArticle } from '@crieur/api';
import { ARTICLE_STATUS_COLORS } from '../format';

type Props = { row: DossierArticle; index: number; readOnly: boolean; onRemove: () => void; removing: boolean };

/** One article of the dossier: a handle to move it (mouse or keyboard), its title, status and « retirer ». */
export function SortableArticleRow({ row, index, readOnly, onRemove, removing }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: row.id,
    disabled: readOnly,
  });
  const style = {
    transform: transform ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)` : undefined,
    transition,
    position: 'relative' as const,
    zIndex: isDragging ? 2 : undefined,
  };
  return (
    <li ref={setNodeRef} style={style}>
      <Paper
        withBorder
        p="xs"
        radius="sm"
        shadow={isDragging ? 'md' : undefined}
        bg={isDragging ? 'indigo.0' : undefined}
      >
        <Group gap="sm" wrap="nowrap">
          {!readOnly && (
            <ActionIcon
              ref={setActivatorNodeRef}
              variant="subtle"
              color="gray"
              aria-label={t('editorial.dossier.move', { title: row.title })}
              style={{ cursor: 'grab', touchAction: 'none' }}
              {...attributes}
              {...listeners}
            >
              <IconGripVertical size={18} aria-hidden />
            </ActionIcon>
          )}
          <Text size="sm" c="dimmed" w={22} ta="right" aria-hidden>
            {index + 1}.
          </Text>
          <Anchor
            component={Link}
            to={`/editorial/articles/${encodeURIComponent(row.id)}`}
            size="sm"
            style={{ flex: 1, minWidth: 0 }}
          >
            {row.title}
          </Anchor>
          <Badge
            color={ARTICLE_STATUS_COLORS[row.status]}
            variant="light"
            size="sm"
            tt="none"
            style={{ minWidth: 'max-content' }}
          >
            {t(`editorial.statusValues.${row.status}`)}
          </Badge>
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('dossierEditor.articles.remove', { title: row.title })}
              title={t('dossierEditor.articles.remove', { title: row.title })}
              onClick={onRemove}
              loading={removing}
            >
              <IconX size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Paper>
    </li>
  );
}

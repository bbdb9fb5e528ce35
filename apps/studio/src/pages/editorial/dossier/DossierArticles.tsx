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
import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierArticle, DossierDetail } from '@crieur/api';
import { useApiMutation } from '../../../api/queries';
import { errorMessage } from '../../../i18n/error-message';
import { AddArticleSearch } from './AddArticleSearch';
import { SortableArticleRow } from './SortableArticleRow';

type Props = { dossier: DossierDetail; readOnly: boolean; onChanged: (dossier: DossierDetail) => void };

/** The dossier's articles: add from a search, remove, and order by mouse or keyboard (saved on each drop). */
export function DossierArticles({ dossier, readOnly, onChanged }: Props) {
  const { t } = useTranslation();
  const sorted = useMemo(() => [...dossier.articles].sort((a, b) => a.position - b.position), [dossier.articles]);
  const [rows, setRows] = useState<DossierArticle[]>(sorted);
  useEffect(() => setRows(sorted), [sorted]);
  const order = useApiMutation('PUT /api/dossiers/:id/order', {
    onSuccess: (answer) => {
      onChanged(answer.dossier);
      notifications.show({ color: 'teal', message: t('editorial.dossier.orderSaved') });
    },
  });
  const remove = useApiMutation('DELETE /api/dossiers/:id/articles/:articleId', {
    invalidates: ['GET /api/dossiers'],
    onSuccess: (answer, input) => {
      onChanged(answer.dossier);
      const title = dossier.articles.find((a) => a.id === input.params.articleId)?.title ?? '';
      notifications.show({ color: 'teal', message: t('dossierEditor.articles.removed', { title }) });
    },
  });
  const failure = order.error ?? remove.error;
  const published = rows.filter((row) => row.status === 'published').length;

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: UniqueIdentifier) => rows.find((row) => row.id === id)?.title ?? '';
  const positionOf = (id: UniqueIdentifier | undefined) =>
    id === undefined ? 0 : rows.findIndex((row) => row.id === id) + 1;
  const say = (key: 'start' | 'over' | 'end' | 'cancel', active: UniqueIdentifier, over?: UniqueIdentifier) =>
    t(`editorial.dossier.dnd.${key}`, { title: titleOf(active), position: positionOf(over), total: rows.length });
  const announcements: Announcements = {
    onDragStart: ({ active }) => say('start', active.id, active.id),
    onDragOver: ({ active, over }) => (over ? say('over', active.id, over.id) : undefined),
    onDragEnd: ({ active, over }) => (over ? say('end', active.id, over.id) : undefined),
    onDragCancel: ({ active }) => say('cancel', active.id),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(
      rows,
      rows.findIndex((row) => row.id === active.id),
      rows.findIndex((row) => row.id === over.id),
    );
    setRows(next);
    // the list shows the new order at once; a refusal puts the saved one back
    order.mutate(
      { params: { id: dossier.id }, body: { articleIds: next.map((row) => row.id) } },
      { onError: () => setRows(sorted) },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dossier-articles">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id="dossier-articles">
            {t('dossierEditor.articles.title')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="dossier-article-count">
            {t('dossierEditor.articlesCount', { count: rows.length })} ·{' '}
            {t('dossierEditor.publishedCount', { count: published })}
          </Text>
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dossierEditor.articles.empty')}
          </Text>
        ) : (
          <>
            {!readOnly && (
              <Text size="sm" c="dimmed">
                {t('editorial.dossier.articlesHelp')}
              </Text>
            )}
            <DndContext
              sensors={sensors}
              collisionDetection={closestCenter}
              onDragEnd={onDragEnd}
              accessibility={{
                announcements,
                screenReaderInstructions: { draggable: t('editorial.dossier.dnd.instructions') },
              }}
            >
              <SortableContext items={rows.map((row) => row.id)} strategy={verticalListSortingStrategy}>
                <Stack
                  gap={6}
                  component="ol"
                  aria-label={t('editorial.dossier.articlesListLabel')}
                  style={{ listStyle: 'none', padding: 0, margin: 0 }}
                >
                  {rows.map((row, index) => (
                    <SortableArticleRow
                      key={row.id}
                      row={row}
                      index={index}
                      readOnly={readOnly}
                      removing={remove.isPending && remove.variables?.params.articleId === row.id}
                      onRemove={() => remove.mutate({ params: { id: dossier.id, articleId: row.id } })}
                    />
                  ))}
                </Stack>
              </SortableContext>
            </DndContext>
          </>
        )}
        {failure !== null && (
          <Alert color="red" role="alert" title={t('dossierEditor.articles.failed')}>
            {errorMessage(t, failure)}
          </Alert>
        )}
        {!readOnly && <AddArticleSearch dossierId={dossier.id} onAdded={onChanged} />}
      </Stack>
    </Paper>
  );
}

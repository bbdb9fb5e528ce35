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
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Grid,
  Group,
  Image,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft, IconFolderQuestion, IconGripVertical } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DossierDetail, DossierStatus } from '@crieur/api';
import { DOSSIER_STATUSES } from '@crieur/api/enums/dossiers';
import { ApiError } from '../../api/api-error';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../hooks/use-page-title';
import { errorMessage, fieldErrors } from '../../i18n/error-message';
import { useSession } from '../../session/session-context';
import { ARTICLE_STATUS_COLORS } from './format';
import { MediaLibraryModal } from './MediaLibraryModal';

/** /studio/editorial/dossiers/:id: presentation, cover, status and the order of its articles. */
export function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useApiQuery('GET /api/dossiers/:id', { params: { id } });
  const notFound = (
    <EmptyState
      icon={<IconFolderQuestion aria-hidden />}
      title={t('editorial.dossier.notFoundTitle')}
      description={t('editorial.dossier.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/editorial/dossiers" variant="light">
          {t('editorial.dossier.back')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
  return (
    <QueryView query={query} notFound={notFound}>
      {({ dossier }) => <DossierEditor key={id} dossier={dossier} />}
    </QueryView>
  );
}

function DossierEditor({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const readOnly = user?.role === 'sender';
  const client = useQueryClient();
  // a save answers the dossier as stored: it becomes the page's data, and the list follows
  const setDossier = (saved: DossierDetail) => {
    client.setQueryData(queryKeyOf('GET /api/dossiers/:id', { params: { id: saved.id } }), { dossier: saved });
    void client.invalidateQueries({ queryKey: queryKeyOf('GET /api/dossiers') });
  };
  usePageTitle(dossier.title);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/editorial/dossiers" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('editorial.dossier.back')}
        </Group>
      </Anchor>
      <Title order={1}>{dossier.title}</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DetailsForm dossier={dossier} readOnly={readOnly} onSaved={setDossier} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ArticleOrder dossier={dossier} readOnly={readOnly} onSaved={setDossier} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function DetailsForm({
  dossier,
  readOnly,
  onSaved,
}: {
  dossier: DossierDetail;
  readOnly: boolean;
  onSaved: (d: DossierDetail) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(dossier.title);
  const [slug, setSlug] = useState(dossier.slug);
  const [lede, setLede] = useState(dossier.lede);
  const [note, setNote] = useState(dossier.editorialNote);
  const [status, setStatus] = useState<DossierStatus>(dossier.status);
  const [coverId, setCoverId] = useState(dossier.coverMediaId);
  const [picker, setPicker] = useState(false);
  const [missingTitle, setMissingTitle] = useState(false);
  // the library only shows the cover: a failure to load it leaves "image introuvable", not an error
  const media = useApiQuery('GET /api/media').data?.media ?? [];
  const cover = coverId ? media.find((item) => item.id === coverId) : undefined;
  const save = useApiMutation('PATCH /api/dossiers/:id', {
    onSuccess: (answer) => {
      onSaved(answer.dossier);
      notifications.show({ color: 'teal', message: t('editorial.dossier.saved') });
    },
  });
  const failure = save.error;
  const errors: Record<string, string> = missingTitle ? { title: t('validation.required') } : fieldErrors(failure);
  if (!missingTitle && failure instanceof ApiError && failure.code === 'SLUG_TAKEN')
    errors.slug = t('errors.SLUG_TAKEN');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissingTitle(!title.trim());
    if (!title.trim()) return;
    save.mutate({
      params: { id: dossier.id },
      body: { title: title.trim(), slug: slug.trim(), lede, editorialNote: note, coverMediaId: coverId, status },
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dossier-details">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="dossier-details">
            {t('editorial.dossier.detailsTitle')}
          </Title>
          {failure !== null && (
            <Alert color="red" role="alert" title={t('editorial.dossier.saveFailed')}>
              {errorMessage(t, failure)}
            </Alert>
          )}
          <TextInput
            label={t('editorial.dossier.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            readOnly={readOnly}
            required
          />
          <TextInput
            label={t('editorial.dossier.slug')}
            value={slug}
            onChange={(e) => setSlug(e.currentTarget.value)}
            error={errors.slug}
            readOnly={readOnly}
            spellCheck={false}
          />
          <Textarea
            label={t('editorial.dossier.lede')}
            value={lede}
            onChange={(e) => setLede(e.currentTarget.value)}
            error={errors.lede}
            readOnly={readOnly}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('editorial.dossier.editorialNote')}
            description={t('editorial.dossiers.editorialNoteHint')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.editorialNote}
            readOnly={readOnly}
            autosize
            minRows={4}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="dossier-status">
              {t('editorial.dossier.status')}
            </Text>
            <SegmentedControl
              aria-labelledby="dossier-status"
              value={status}
              onChange={(value) => setStatus(value as DossierStatus)}
              disabled={readOnly}
              data={DOSSIER_STATUSES.map((value) => ({ value, label: t(`editorial.dossierStatusValues.${value}`) }))}
            />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('editorial.dossier.cover')}
            </Text>
            {cover ? (
              <Image src={cover.thumbUrl || cover.url} alt={cover.alt} radius="sm" mah={180} w="auto" fit="contain" />
            ) : (
              <Text size="sm" c="dimmed">
                {coverId ? t('editorial.editor.coverMissing') : t('editorial.editor.coverNone')}
              </Text>
            )}
            {!readOnly && (
              <Group gap="xs" mt="xs">
                <Button size="xs" variant="light" onClick={() => setPicker(true)}>
                  {coverId ? t('editorial.editor.coverChange') : t('editorial.editor.coverChoose')}
                </Button>
                {coverId && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setCoverId(null)}>
                    {t('editorial.editor.coverRemove')}
                  </Button>
                )}
              </Group>
            )}
          </div>
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('editorial.dossier.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <MediaLibraryModal
        opened={picker}
        onClose={() => setPicker(false)}
        mode="cover"
        onPick={(item) => {
          setPicker(false);
          setCoverId(item.id);
        }}
      />
    </Paper>
  );
}

type Row = DossierDetail['articles'][number];

function ArticleOrder({
  dossier,
  readOnly,
  onSaved,
}: {
  dossier: DossierDetail;
  readOnly: boolean;
  onSaved: (d: DossierDetail) => void;
}) {
  const { t } = useTranslation();
  const sorted = useMemo(() => [...dossier.articles].sort((a, b) => a.position - b.position), [dossier.articles]);
  const [rows, setRows] = useState<Row[]>(sorted);
  const order = useApiMutation('PUT /api/dossiers/:id/order', {
    onSuccess: (answer) => {
      onSaved(answer.dossier);
      notifications.show({ color: 'teal', message: t('editorial.dossier.orderSaved') });
    },
  });
  const failure = order.error;
  useEffect(() => setRows(sorted), [sorted]);

  const changed = rows.some((row, index) => row.id !== sorted[index]?.id);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: UniqueIdentifier) => rows.find((row) => row.id === id)?.title ?? '';
  const positionOf = (id: UniqueIdentifier | undefined) =>
    id === undefined ? 0 : rows.findIndex((row) => row.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('editorial.dossier.dnd.start', {
        title: titleOf(active.id),
        position: positionOf(active.id),
        total: rows.length,
      }),
    onDragOver: ({ active, over }) =>
      over
        ? t('editorial.dossier.dnd.over', {
            title: titleOf(active.id),
            position: positionOf(over.id),
            total: rows.length,
          })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('editorial.dossier.dnd.end', {
            title: titleOf(active.id),
            position: positionOf(over.id),
            total: rows.length,
          })
        : undefined,
    onDragCancel: ({ active }) => t('editorial.dossier.dnd.cancel', { title: titleOf(active.id) }),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    setRows((current) => {
      const from = current.findIndex((row) => row.id === active.id);
      const to = current.findIndex((row) => row.id === over.id);
      return arrayMove(current, from, to);
    });
  };

  const save = () => order.mutate({ params: { id: dossier.id }, body: { articleIds: rows.map((row) => row.id) } });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dossier-order">
      <Stack gap="sm">
        <Title order={2} size="h4" id="dossier-order">
          {t('editorial.dossier.articlesTitle')}
        </Title>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('editorial.dossier.noArticles')}
          </Text>
        ) : (
          <>
            {!readOnly && (
              <Text size="sm" c="dimmed" id="dossier-order-help">
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
                    <SortableRow key={row.id} row={row} index={index} readOnly={readOnly} />
                  ))}
                </Stack>
              </SortableContext>
            </DndContext>
            {failure !== null && (
              <Alert color="red" role="alert" title={t('editorial.dossier.orderFailed')}>
                {errorMessage(t, failure)}
              </Alert>
            )}
            {!readOnly && (
              <Group justify="flex-end">
                <Button onClick={save} loading={order.isPending} disabled={!changed}>
                  {t('editorial.dossier.saveOrder')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function SortableRow({ row, index, readOnly }: { row: Row; index: number; readOnly: boolean }) {
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
        </Group>
      </Paper>
    </li>
  );
}

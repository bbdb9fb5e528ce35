import {
  Alert,
  Button,
  Divider,
  Group,
  Image,
  Input,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIA_CREDIT_MAX, type ApiContract, type Media, type QueryOf, type ResponseOf } from '@crieur/api';
import { routePath } from '@crieur/api/client-path';
import { MEDIA_MAX_BYTES, MEDIA_TYPES } from '@crieur/api/enums/dossiers';
import { uploadRaw, type UploadProgress } from '../../api/client';
import { queryKeyOf, useApiQuery } from '../../api/queries';
import { MediaEditForm } from './MediaEditForm';
import { QueryView } from '../../components/QueryView';
import { errorMessage } from '../../i18n/error-message';
import classes from './editorial.module.css';

const ACCEPTED: readonly string[] = MEDIA_TYPES;

type Upload = ApiContract['POST /api/media'];

/** POST /api/media: the file's bytes as the body (XHR, for the progress bar), alt text and caption in the query. */
const uploadMedia = (file: File, query: QueryOf<Upload>, onProgress: (progress: UploadProgress) => void) =>
  uploadRaw<ResponseOf<Upload>>(routePath('/api/media', undefined, query), file, file.type, onProgress);

type Props = {
  opened: boolean;
  onClose: () => void;
  /** insert: tiles are "Insérer <alt>" (article body); cover: "Choisir <alt>". */
  mode: 'insert' | 'cover';
  onPick: (media: Media) => void;
  /** The dialog's title when it picks something else than a cover (the organisation's logo, a banner). */
  title?: string;
};

/** The media library: pick an image from the grid, or upload one (alt text required) and use it at once. */
export function MediaLibraryModal({ opened, onClose, mode, onPick, title }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // loaded again at each opening: someone else may have added images meanwhile
  const library = useApiQuery('GET /api/media', undefined, { enabled: opened });
  // an image of the library whose texts are being changed (alt text, caption, credit)
  const [editing, setEditing] = useState<Media | null>(null);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title ?? (mode === 'insert' ? t('editorial.media.title') : t('editorial.media.coverTitle'))}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <Stack gap="lg">
        <section aria-labelledby="media-library-title">
          <Title order={3} size="h5" id="media-library-title" mb="xs">
            {t('editorial.media.library')}
          </Title>
          <QueryView query={library}>
            {({ media }) =>
              media.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('editorial.media.empty')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 2, xs: 3, sm: 4 }} spacing="sm" className={classes.mediaGrid}>
                  {media.map((item) => (
                    <div key={item.id}>
                      <UnstyledButton
                        className={classes.mediaTile}
                        aria-label={
                          mode === 'insert'
                            ? t('editorial.media.insert', { alt: item.alt })
                            : t('editorial.media.choose', { alt: item.alt })
                        }
                        onClick={() => onPick(item)}
                      >
                        <Image src={item.thumbUrl || item.url} alt="" h={110} fit="cover" radius="sm" loading="lazy" />
                        <Text size="xs" lineClamp={2} mt={4}>
                          {item.alt}
                        </Text>
                      </UnstyledButton>
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        mt={2}
                        aria-label={t('editorial.media.edit', { alt: item.alt })}
                        onClick={() => setEditing(item)}
                      >
                        {t('editorial.media.editShort')}
                      </Button>
                    </div>
                  ))}
                </SimpleGrid>
              )
            }
          </QueryView>
        </section>
        <Divider />
        {editing ? (
          <MediaEditForm key={editing.id} media={editing} onDone={() => setEditing(null)} />
        ) : (
          <UploadForm
            onUploaded={(item) => {
              // the new image heads the library at once, here and on the page that opened it (the cover)
              client.setQueryData<ResponseOf<ApiContract['GET /api/media']>>(
                queryKeyOf('GET /api/media'),
                (current) => ({
                  media: [item, ...(current?.media ?? []).filter((m) => m.id !== item.id)],
                }),
              );
              onPick(item);
            }}
          />
        )}
      </Stack>
    </Modal>
  );
}

function UploadForm({ onUploaded }: { onUploaded: (media: Media) => void }) {
  const { t } = useTranslation();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [percent, setPercent] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    // the modal may sit inside another form (the dossier page): never submit that one
    event.preventDefault();
    event.stopPropagation();
    const found: { file?: string; alt?: string } = {};
    if (!file) found.file = t('editorial.media.fileRequired');
    else if (!ACCEPTED.includes(file.type) || file.size > MEDIA_MAX_BYTES || file.size === 0)
      found.file = t('editorial.media.fileInvalid');
    if (!alt.trim()) found.alt = t('editorial.media.altRequired');
    setErrors(found);
    setFailure(null);
    if (found.file || found.alt || !file) return;
    setPercent(0);
    try {
      const query = { alt: alt.trim(), caption: caption.trim() || undefined, credit: credit.trim() || undefined };
      const { media } = await uploadMedia(file, query, (progress) =>
        setPercent(progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0),
      );
      setFile(null);
      setAlt('');
      setCaption('');
      setCredit('');
      if (fileInput.current) fileInput.current.value = '';
      onUploaded(media);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPercent(null);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="media-upload-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="media-upload-title">
          {t('editorial.media.uploadTitle')}
        </Title>
        {failure !== null && (
          <Alert color="red" role="alert" title={t('editorial.media.failed')}>
            {errorMessage(t, failure)}
          </Alert>
        )}
        <Input.Wrapper
          label={t('editorial.media.file')}
          description={t('editorial.media.fileHint')}
          error={errors.file}
          id={fileId}
        >
          <input
            ref={fileInput}
            id={fileId}
            type="file"
            accept={ACCEPTED.join(',')}
            className={classes.fileInput}
            aria-invalid={errors.file ? true : undefined}
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
        </Input.Wrapper>
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <TextInput
            label={t('editorial.media.alt')}
            description={t('editorial.media.altHint')}
            value={alt}
            onChange={(event) => setAlt(event.currentTarget.value)}
            error={errors.alt}
            required
            style={{ minWidth: 220 }}
          />
          <TextInput
            label={t('editorial.media.caption')}
            description={t('editorial.media.captionHint')}
            value={caption}
            onChange={(event) => setCaption(event.currentTarget.value)}
            style={{ minWidth: 220 }}
          />
          <TextInput
            label={t('editorial.media.credit')}
            description={t('editorial.media.creditHint')}
            value={credit}
            maxLength={MEDIA_CREDIT_MAX}
            onChange={(event) => setCredit(event.currentTarget.value)}
            style={{ minWidth: 220 }}
          />
        </Group>
        {percent !== null && (
          <Progress value={percent} aria-label={t('editorial.media.uploading', { percent })} animated />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={percent !== null}>
            {t('editorial.media.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import {
  Alert,
  Button,
  Divider,
  Group,
  Image,
  Input,
  Loader,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listMedia, uploadMedia } from '../../api/endpoints';
import type { Media } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../i18n/error-message';
import classes from './editorial.module.css';

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const MAX_BYTES = 10 * 1024 * 1024;

type Props = {
  opened: boolean;
  onClose: () => void;
  /** insert: tiles are "Insérer <alt>" (article body); cover: "Choisir <alt>". */
  mode: 'insert' | 'cover';
  onPick: (media: Media) => void;
};

/** The media library: pick an image from the grid, or upload one (alt text required) and use it at once. */
export function MediaLibraryModal({ opened, onClose, mode, onPick }: Props) {
  const { t } = useTranslation();
  const [media, setMedia] = useState<Media[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!opened) return;
    let current = true;
    setLoadError(null);
    listMedia().then(
      (answer) => current && setMedia(answer.media),
      (error: unknown) => current && setLoadError(error),
    );
    return () => {
      current = false;
    };
  }, [opened, generation]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={mode === 'insert' ? t('editorial.media.title') : t('editorial.media.coverTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <Stack gap="lg">
        <section aria-labelledby="media-library-title">
          <Title order={3} size="h5" id="media-library-title" mb="xs">
            {t('editorial.media.library')}
          </Title>
          {loadError !== null ? (
            <LoadError error={loadError} onRetry={() => setGeneration((n) => n + 1)} />
          ) : media === null ? (
            <Loader aria-label={t('app.loading')} />
          ) : media.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('editorial.media.empty')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 2, xs: 3, sm: 4 }} spacing="sm" className={classes.mediaGrid}>
              {media.map((item) => (
                <UnstyledButton
                  key={item.id}
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
              ))}
            </SimpleGrid>
          )}
        </section>
        <Divider />
        <UploadForm
          onUploaded={(item) => {
            setMedia((current) => [item, ...(current ?? [])]);
            onPick(item);
          }}
        />
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
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [percent, setPercent] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    // the modal may sit inside another form (the dossier page): never submit that one
    event.preventDefault();
    event.stopPropagation();
    const found: { file?: string; alt?: string } = {};
    if (!file) found.file = t('editorial.media.fileRequired');
    else if (!ACCEPTED.includes(file.type) || file.size > MAX_BYTES || file.size === 0)
      found.file = t('editorial.media.fileInvalid');
    if (!alt.trim()) found.alt = t('editorial.media.altRequired');
    setErrors(found);
    setFailure(null);
    if (found.file || found.alt || !file) return;
    setPercent(0);
    try {
      const { media } = await uploadMedia(file, { alt: alt.trim(), caption: caption.trim() || undefined }, (progress) =>
        setPercent(progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0),
      );
      setFile(null);
      setAlt('');
      setCaption('');
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

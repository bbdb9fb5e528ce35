import { Alert, Box, Button, Group, Image, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Media } from '@crieur/api';
import { ApiError } from '../../../api/api-error';
import { errorMessage } from '../../../i18n/error-message';
import { uploadImage, type UploadImage } from './upload-image';

type Props = {
  /** The image to ask about; null: closed. */
  file: File | null;
  /** Its place among the files dropped or pasted together (1-based), to say « Image 2 sur 3 ». */
  index: number;
  count: number;
  /** Uploaded into the media library: insert it (with the caption typed here). */
  onUploaded: (media: Media) => void;
  /** Nothing inserted for this file; `all`: nor for the ones after it. */
  onCancel: (all: boolean) => void;
  upload?: UploadImage;
};

const formatSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} ko` : `${(bytes / 1024 / 1024).toFixed(1)} Mo`;

// a fresh form per file: nothing typed for one image carries over to the next
const fileKeys = new WeakMap<File, number>();
let lastKey = 0;
const keyOf = (file: File) => {
  if (!fileKeys.has(file)) fileKeys.set(file, ++lastKey);
  return fileKeys.get(file)!;
};

/** One dropped or pasted image: its alt text (required) and caption, then the upload, with its progress. */
export function ImageUploadDialog(props: Props) {
  const { t } = useTranslation();
  const { file, index, count, onCancel } = props;
  const abort = useRef<AbortController | null>(null);
  const cancel = (all: boolean) => {
    abort.current?.abort();
    onCancel(all);
  };
  return (
    <Modal
      opened={file !== null}
      onClose={() => cancel(false)}
      title={count > 1 ? t('images.dialogTitleOf', { index, count }) : t('images.dialogTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {file && <UploadForm key={keyOf(file)} {...props} file={file} abort={abort} onCancel={cancel} />}
    </Modal>
  );
}

function UploadForm({
  file,
  index,
  count,
  onUploaded,
  onCancel,
  upload = uploadImage,
  abort,
}: Props & { file: File; abort: { current: AbortController | null } }) {
  const { t } = useTranslation();
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [altError, setAltError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  // a data: address, which the studio's CSP allows for images (blob: it does not)
  useEffect(() => {
    const reader = new FileReader();
    reader.onload = () => setPreview(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(file);
    return () => reader.abort();
  }, [file]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (percent !== null) return;
    if (!alt.trim()) {
      setAltError(t('images.altRequired'));
      return;
    }
    setAltError(null);
    setFailure(null);
    setPercent(0);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const media = await upload(
        file,
        { alt: alt.trim(), caption: caption.trim() },
        (p) => setPercent(p.total > 0 ? Math.round((p.loaded / p.total) * 100) : 0),
        controller.signal,
      );
      setPercent(null);
      onUploaded(media);
    } catch (caught) {
      if (controller.signal.aborted) return;
      setPercent(null);
      setFailure(caught);
    }
  };

  // the server's MEDIA_INVALID message says exactly why (unreadable, too many pixels)
  const why =
    failure instanceof ApiError && failure.code === 'MEDIA_INVALID' && failure.message
      ? failure.message
      : errorMessage(t, failure);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group align="flex-start" wrap="nowrap" gap="md">
          {preview ? (
            <Image
              src={preview}
              alt={t('images.thumbnail')}
              w={160}
              h={120}
              fit="contain"
              radius="sm"
              bg="gray.1"
              style={{ flex: 'none' }}
            />
          ) : (
            <Box w={160} h={120} bg="gray.1" style={{ flex: 'none', borderRadius: 4 }} />
          )}
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text fw={600} truncate="end">
              {file.name || t('images.pasted')}
            </Text>
            <Text size="sm" c="dimmed">
              {formatSize(file.size)}
            </Text>
            <Text size="sm">{t('images.intro')}</Text>
          </Stack>
        </Group>
        {failure !== null && (
          <Alert color="red" role="alert" title={t('images.failed')}>
            {why}
          </Alert>
        )}
        <TextInput
          label={t('images.alt')}
          description={t('images.altHint')}
          value={alt}
          onChange={(event) => {
            setAlt(event.currentTarget.value);
            if (altError && event.currentTarget.value.trim()) setAltError(null);
          }}
          error={altError}
          required
          maxLength={300}
          disabled={percent !== null}
          data-autofocus
        />
        <TextInput
          label={t('images.caption')}
          description={t('images.captionHint')}
          value={caption}
          onChange={(event) => setCaption(event.currentTarget.value)}
          maxLength={500}
          disabled={percent !== null}
        />
        {percent !== null && <Progress value={percent} aria-label={t('images.uploading', { percent })} animated />}
        <Group justify="flex-end" gap="sm">
          {count > index && (
            <Button variant="subtle" color="gray" onClick={() => onCancel(true)}>
              {t('images.cancelAll')}
            </Button>
          )}
          <Button variant="default" onClick={() => onCancel(false)}>
            {t('images.cancel')}
          </Button>
          <Button type="submit" loading={percent !== null}>
            {failure !== null ? t('images.retry') : t('images.insert')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

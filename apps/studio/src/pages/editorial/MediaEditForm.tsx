import { Alert, Button, Group, Image, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIA_CREDIT_MAX, type ApiContract, type Media, type ResponseOf } from '@crieur/api';
import { queryKeyOf, useApiMutation } from '../../api/queries';
import { errorMessage, fieldErrors } from '../../i18n/error-message';

/** An image already in the library: its alt text, caption and credit (PATCH /api/media/:id). */
export function MediaEditForm({ media, onDone }: { media: Media; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [alt, setAlt] = useState(media.alt);
  const [caption, setCaption] = useState(media.caption);
  const [credit, setCredit] = useState(media.credit);
  const [altError, setAltError] = useState<string | undefined>();
  const save = useApiMutation('PATCH /api/media/:id', {
    onSuccess: (data) => {
      // the library shows the new texts at once, here and on the page that opened it
      client.setQueryData<ResponseOf<ApiContract['GET /api/media']>>(queryKeyOf('GET /api/media'), (current) => ({
        media: (current?.media ?? []).map((m) => (m.id === data.media.id ? data.media : m)),
      }));
      onDone();
    },
  });
  const server = fieldErrors(save.error);
  const unplaced = save.error && Object.keys(server).length === 0 ? errorMessage(t, save.error) : undefined;

  const submit = (event: FormEvent) => {
    // the modal may sit inside another form (the dossier page): never submit that one
    event.preventDefault();
    event.stopPropagation();
    const missing = alt.trim() ? undefined : t('editorial.media.altRequired');
    setAltError(missing);
    if (missing) return;
    save.mutate({
      params: { id: media.id },
      body: { alt: alt.trim(), caption: caption.trim(), credit: credit.trim() },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="media-edit-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="media-edit-title">
          {t('editorial.media.editTitle')}
        </Title>
        {unplaced && (
          <Alert color="red" role="alert" title={t('editorial.media.editFailed')}>
            {unplaced}
          </Alert>
        )}
        <Group align="flex-start" wrap="wrap" gap="md">
          <Image src={media.thumbUrl || media.url} alt="" w={160} h={110} fit="cover" radius="sm" />
          <Stack gap="sm" style={{ flex: 1, minWidth: 240 }}>
            <TextInput
              label={t('editorial.media.alt')}
              description={t('editorial.media.altHint')}
              value={alt}
              onChange={(event) => setAlt(event.currentTarget.value)}
              error={altError ?? server.alt}
              required
            />
            <TextInput
              label={t('editorial.media.caption')}
              description={t('editorial.media.captionHint')}
              value={caption}
              onChange={(event) => setCaption(event.currentTarget.value)}
              error={server.caption}
            />
            <TextInput
              label={t('editorial.media.credit')}
              description={t('editorial.media.creditHint')}
              value={credit}
              maxLength={MEDIA_CREDIT_MAX}
              onChange={(event) => setCredit(event.currentTarget.value)}
              error={server.credit}
            />
          </Stack>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('editorial.media.editCancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('editorial.media.editSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

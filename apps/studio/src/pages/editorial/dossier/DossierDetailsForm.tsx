import { Button, Group, Image, Input, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Media } from '@crieur/api';
import { queryKeyOf, useApiQuery } from '../../../api/queries';
import { BodyEditor } from '../editor/BodyEditor';
import { MediaLibraryModal } from '../MediaLibraryModal';
import type { DossierFields } from './use-dossier-autosave';

type Props = {
  fields: DossierFields;
  update: (change: Partial<DossierFields>) => void;
  editable: boolean;
  /** a published dossier keeps its address */
  slugLocked: boolean;
  slugError?: string;
  /** bumps when the fields come from the server again: the note's editor remounts */
  generation: number;
  noteText: { current: (() => string) | null };
};

/** The working version: title, address, lede, editorial note (the article editor) and cover. */
export function DossierDetailsForm({ fields, update, editable, slugLocked, slugError, generation, noteText }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [picker, setPicker] = useState(false);
  // the library only shows the cover: a failure to load it leaves "image introuvable", not an error
  const media = useApiQuery('GET /api/media').data?.media ?? [];
  const cover = fields.coverMediaId ? media.find((item) => item.id === fields.coverMediaId) : undefined;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dossier-details">
      <Stack gap="md">
        <Title order={2} size="h4" id="dossier-details">
          {t('editorial.dossier.detailsTitle')}
        </Title>
        <TextInput
          label={t('editorial.dossier.title')}
          value={fields.title}
          onChange={(event) => update({ title: event.currentTarget.value })}
          readOnly={!editable}
          required
          size="md"
          styles={{ input: { fontWeight: 700 } }}
        />
        <TextInput
          label={t('editorial.dossier.slug')}
          description={
            slugLocked ? t('dossierEditor.slugLocked') : t('dossierEditor.slugHint', { slug: fields.slug || '…' })
          }
          value={fields.slug}
          onChange={(event) => update({ slug: event.currentTarget.value })}
          readOnly={!editable || slugLocked}
          error={slugError}
          autoComplete="off"
          spellCheck={false}
        />
        <Textarea
          label={t('editorial.dossier.lede')}
          value={fields.lede}
          onChange={(event) => update({ lede: event.currentTarget.value })}
          readOnly={!editable}
          autosize
          minRows={2}
          maxRows={6}
        />
        <Input.Wrapper
          label={t('editorial.dossier.editorialNote')}
          description={t('dossierEditor.noteHint')}
          labelElement="div"
        >
          <BodyEditor
            key={generation}
            initial={fields.editorialNote}
            editable={editable}
            onChange={(editorialNote) => update({ editorialNote })}
            textRef={noteText}
            label={t('editorial.dossier.editorialNote')}
          />
        </Input.Wrapper>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('editorial.dossier.cover')}
          </Text>
          {cover ? (
            <Image src={cover.thumbUrl || cover.url} alt={cover.alt} radius="sm" mah={180} w="auto" fit="contain" />
          ) : (
            <Text size="sm" c="dimmed">
              {fields.coverMediaId ? t('editorial.editor.coverMissing') : t('editorial.editor.coverNone')}
            </Text>
          )}
          {editable && (
            <Group gap="xs" mt="xs">
              <Button size="xs" variant="light" onClick={() => setPicker(true)}>
                {fields.coverMediaId ? t('editorial.editor.coverChange') : t('editorial.editor.coverChoose')}
              </Button>
              {fields.coverMediaId && (
                <Button size="xs" variant="subtle" color="red" onClick={() => update({ coverMediaId: null })}>
                  {t('editorial.editor.coverRemove')}
                </Button>
              )}
            </Group>
          )}
        </div>
      </Stack>
      <MediaLibraryModal
        opened={picker}
        onClose={() => setPicker(false)}
        mode="cover"
        onPick={(item) => {
          setPicker(false);
          // the new image shows as the cover at once, before the library is read again
          queryClient.setQueryData(queryKeyOf('GET /api/media'), (current: { media: Media[] } | undefined) =>
            current?.media.some((m) => m.id === item.id) ? current : { media: [item, ...(current?.media ?? [])] },
          );
          update({ coverMediaId: item.id });
        }}
      />
    </Paper>
  );
}

import { Image, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ButtonBlock, ImageBlock, SectionTitleBlock } from '../blocks';
import { fieldError, type FormProps } from './form-props';

/** An image by address (our /media/… or https), its alt text, an optional caption and link. */
export function ImageForm({ block, onChange, errors, readOnly }: FormProps<ImageBlock>) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {block.src && /^(https?:\/\/|\/media\/)/.test(block.src) && (
        <Image src={block.src} alt="" mah={120} w="auto" fit="contain" radius="sm" />
      )}
      <TextInput
        label={t('newsletters.fields.imageSrc')}
        description={t('newsletters.fields.imageSrcHint')}
        type="url"
        value={block.src}
        onChange={(event) => onChange({ src: event.currentTarget.value })}
        error={fieldError(errors, 'src')}
        data-field="src"
        readOnly={readOnly}
        withAsterisk
      />
      <TextInput
        label={t('newsletters.fields.imageAlt')}
        description={t('newsletters.fields.imageAltHint')}
        value={block.alt}
        onChange={(event) => onChange({ alt: event.currentTarget.value })}
        error={fieldError(errors, 'alt')}
        data-field="alt"
        readOnly={readOnly}
        withAsterisk
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('newsletters.fields.caption')}
          value={block.caption ?? ''}
          onChange={(event) => onChange({ caption: event.currentTarget.value })}
          error={fieldError(errors, 'caption')}
          data-field="caption"
          readOnly={readOnly}
        />
        <TextInput
          label={t('newsletters.fields.urlOptional')}
          type="url"
          value={block.url ?? ''}
          onChange={(event) => onChange({ url: event.currentTarget.value })}
          error={fieldError(errors, 'url')}
          data-field="url"
          readOnly={readOnly}
        />
      </SimpleGrid>
    </Stack>
  );
}

export function ButtonForm({ block, onChange, errors, readOnly }: FormProps<ButtonBlock>) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput
        label={t('newsletters.fields.buttonLabel')}
        value={block.label}
        onChange={(event) => onChange({ label: event.currentTarget.value })}
        error={fieldError(errors, 'label')}
        data-field="label"
        readOnly={readOnly}
        withAsterisk
      />
      <TextInput
        label={t('newsletters.fields.url')}
        type="url"
        value={block.url}
        onChange={(event) => onChange({ url: event.currentTarget.value })}
        error={fieldError(errors, 'url')}
        data-field="url"
        readOnly={readOnly}
        withAsterisk
      />
    </SimpleGrid>
  );
}

export function SectionTitleForm({ block, onChange, errors, readOnly }: FormProps<SectionTitleBlock>) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('newsletters.fields.sectionTitle')}
      placeholder={t('newsletters.fields.sectionTitlePlaceholder')}
      value={block.text}
      onChange={(event) => onChange({ text: event.currentTarget.value })}
      error={fieldError(errors, 'text')}
      data-field="text"
      readOnly={readOnly}
      withAsterisk
    />
  );
}

export function DividerNote() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('newsletters.fields.dividerNote')}
    </Text>
  );
}

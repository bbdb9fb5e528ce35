import { Group, Image, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ArticleBlock, DossierBlock } from '../blocks';
import { fieldError, type FormProps } from './form-props';

/** An article card or a dossier spotlight: usually filled from a published item, editable after. */
export function CardForm({ block, onChange, errors, readOnly }: FormProps<ArticleBlock | DossierBlock>) {
  const { t } = useTranslation();
  const image = block.image ?? { src: '', alt: '' };
  const setImage = (patch: Partial<typeof image>) => onChange({ image: { ...image, ...patch } });
  return (
    <Stack gap="sm">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {image.src && <Image src={image.src} alt="" w={96} h={64} radius="sm" fit="cover" style={{ flex: 'none' }} />}
        <TextInput
          style={{ flex: 1 }}
          label={t('newsletters.fields.title')}
          value={block.title}
          onChange={(event) => onChange({ title: event.currentTarget.value })}
          error={fieldError(errors, 'title')}
          data-field="title"
          readOnly={readOnly}
          withAsterisk
        />
      </Group>
      <Textarea
        label={t('newsletters.fields.lede')}
        value={block.lede}
        onChange={(event) => onChange({ lede: event.currentTarget.value })}
        error={fieldError(errors, 'lede')}
        data-field="lede"
        readOnly={readOnly}
        autosize
        minRows={2}
        maxRows={6}
        withAsterisk
      />
      <SimpleGrid cols={{ base: 1, sm: block.type === 'article' ? 2 : 1 }} spacing="sm">
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
        {block.type === 'article' && (
          <TextInput
            label={t('newsletters.fields.rubrique')}
            value={block.rubrique ?? ''}
            onChange={(event) => onChange({ rubrique: event.currentTarget.value })}
            error={fieldError(errors, 'rubrique')}
            data-field="rubrique"
            readOnly={readOnly}
          />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('newsletters.fields.imageSrc')}
          type="url"
          value={image.src}
          onChange={(event) => setImage({ src: event.currentTarget.value })}
          error={fieldError(errors, 'image.src')}
          data-field="image.src"
          readOnly={readOnly}
        />
        <TextInput
          label={t('newsletters.fields.imageAlt')}
          value={image.alt}
          onChange={(event) => setImage({ alt: event.currentTarget.value })}
          error={
            fieldError(errors, 'image.alt') ??
            (fieldError(errors, 'image') && !fieldError(errors, 'image.src') ? fieldError(errors, 'image') : undefined)
          }
          data-field="image.alt"
          readOnly={readOnly}
        />
      </SimpleGrid>
    </Stack>
  );
}

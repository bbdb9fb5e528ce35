import { Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECTION_TITLES } from '@crieur/api/enums/campaigns';
import { emptyNewsItem, type MembersNewsBlock } from '../blocks';
import { fieldError, type FormProps } from './form-props';
import { FillFromContributions } from './FillFromContributions';
import { RowList } from './RowList';

/** "Les actualités de nos adhérent·es": short items with a title, a text and an optional link. */
export function MembersNewsForm({ block, onChange, errors, readOnly }: FormProps<MembersNewsBlock>) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('composerInsert.sectionHeading')}
        description={t('composerInsert.sectionHeadingHint', { title: SECTION_TITLES.membersNews })}
        placeholder={SECTION_TITLES.membersNews}
        value={block.title ?? ''}
        onChange={(event) => onChange({ title: event.currentTarget.value })}
        error={fieldError(errors, 'title')}
        data-field="title"
        readOnly={readOnly}
      />
      {!readOnly && (
        <FillFromContributions kind="news" rows={block.items} max={30} onChange={(items) => onChange({ items })} />
      )}
      <RowList
        name="items"
        rows={block.items}
        errors={errors}
        readOnly={readOnly}
        max={30}
        rowLabel={(index) => t('newsletters.fields.newsN', { n: index + 1 })}
        addLabel={t('newsletters.fields.addNews')}
        removeLabel={(index) => t('newsletters.fields.removeNews', { n: index + 1 })}
        empty={emptyNewsItem}
        onChange={(items) => onChange({ items })}
        renderRow={(item, setItem, rowErrors) => (
          <>
            <TextInput
              label={t('newsletters.fields.newsTitle')}
              value={item.title}
              onChange={(e) => setItem({ title: e.currentTarget.value })}
              error={fieldError(rowErrors, 'title')}
              data-field="title"
              readOnly={readOnly}
              withAsterisk
            />
            <Textarea
              label={t('newsletters.fields.newsText')}
              value={item.text}
              onChange={(e) => setItem({ text: e.currentTarget.value })}
              error={fieldError(rowErrors, 'text')}
              data-field="text"
              readOnly={readOnly}
              autosize
              minRows={2}
              maxRows={6}
              withAsterisk
            />
            <TextInput
              label={t('newsletters.fields.urlOptional')}
              type="url"
              value={item.url ?? ''}
              onChange={(e) => setItem({ url: e.currentTarget.value })}
              error={fieldError(rowErrors, 'url')}
              data-field="url"
              readOnly={readOnly}
            />
          </>
        )}
      />
    </Stack>
  );
}

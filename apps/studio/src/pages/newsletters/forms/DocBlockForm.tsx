import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditoBlock, RichTextBlock } from '../blocks';
import { DocEditor } from './DocEditor';
import { fieldError, type FormProps } from './form-props';

/** The edito (title, text, signature) and the free text section (title, text). */
export function DocBlockForm({ block, onChange, errors, readOnly }: FormProps<EditoBlock | RichTextBlock>) {
  const { t } = useTranslation();
  const docLabel = block.type === 'edito' ? t('newsletters.fields.editoText') : t('newsletters.fields.text');
  return (
    <Stack gap="sm">
      <TextInput
        label={t('newsletters.fields.sectionTitleOptional')}
        value={block.title ?? ''}
        onChange={(event) => onChange({ title: event.currentTarget.value })}
        error={fieldError(errors, 'title')}
        data-field="title"
        readOnly={readOnly}
      />
      <DocEditor
        label={docLabel}
        initial={block.doc}
        editable={!readOnly}
        error={fieldError(errors, 'doc')}
        onChange={(doc) => onChange({ doc })}
      />
      {block.type === 'edito' && (
        <TextInput
          label={t('newsletters.fields.signature')}
          description={t('newsletters.fields.signatureHint')}
          value={block.signature ?? ''}
          onChange={(event) => onChange({ signature: event.currentTarget.value })}
          error={fieldError(errors, 'signature')}
          data-field="signature"
          readOnly={readOnly}
        />
      )}
    </Stack>
  );
}

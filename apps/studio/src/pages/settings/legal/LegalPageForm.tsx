import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  LEGAL_FIELDS,
  legalFieldsSchema,
  missingLegalFields,
  type LegalFieldSpec,
  type LegalPage,
  type Organisation,
} from '@crieur/api';
import type { ArticleDoc } from '@crieur/content';
import { useApiMutation } from '../../../api/queries';
import { errorMessage, fieldErrors } from '../../../i18n/error-message';
import { DocEditor } from '../../newsletters/forms/DocEditor';
import { useUnsavedGuard } from '../identity/use-unsaved-guard';

type Values = { title: string; body: ArticleDoc; fields: Record<string, string> };

const valuesOf = (page: LegalPage): Values => ({
  title: page.title,
  body: page.body,
  // every field present, so each input is controlled from the start
  fields: Object.fromEntries(LEGAL_FIELDS[page.slug].map((s) => [s.name, page.fields[s.name] ?? ''])),
});

/** The zod messages of the page's own schema (the server's), keyed as the form names its inputs. */
function validate(page: LegalPage, values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = 'Donnez un titre à la page.';
  const parsed = legalFieldsSchema(page.slug).safeParse(values.fields);
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[`fields.${issue.path.join('.')}`] ??= issue.message;
  return errors;
}

/** One legal page: its title, the facts the law asks for (with what is still missing), and its free text. */
export function LegalPageForm({ page, organisation }: { page: LegalPage; organisation: Organisation }) {
  const { t } = useTranslation();
  const label = t(`legal.tabs.${page.slug}`);
  const form = useForm<Values>({
    initialValues: valuesOf(page),
    // errors appear once a field is left (or at save), never while the page opens
    validateInputOnBlur: true,
    validate: (values) => validate(page, values),
  });
  const dirty = form.isDirty();
  useUnsavedGuard(dirty);

  const save = useApiMutation('PUT /api/legal-pages/:slug', {
    invalidates: ['GET /api/legal-pages', 'GET /api/audit'],
    onSuccess: (data) => {
      const saved = valuesOf(data.page);
      form.setInitialValues(saved);
      form.setValues(saved);
      form.resetDirty(saved);
      notifications.show({ color: 'teal', message: t('legal.saved', { page: data.page.title }) });
    },
  });
  const serverErrors = fieldErrors(save.error);
  const unplaced = save.error && Object.keys(serverErrors).length === 0 ? errorMessage(t, save.error) : undefined;

  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        params: { slug: page.slug },
        body: {
          title: v.title.trim(),
          body: v.body,
          fields: Object.fromEntries(Object.entries(v.fields).map(([k, value]) => [k, value.trim()])),
        },
      },
      {
        // what was typed stays: only the errors are added, on the fields the server names
        onError: (error) => {
          form.setErrors(fieldErrors(error));
          notifications.show({ color: 'red', message: errorMessage(t, error) });
        },
      },
    ),
  );

  const missing = missingLegalFields(page.slug, form.values.fields);
  const placeholder = (spec: LegalFieldSpec) => {
    if (spec.fallback) {
      const value = organisation[spec.fallback].trim().replace(/\s*\n\s*/g, ', ');
      return value ? t('legal.fallback', { value }) : t('legal.fallbackEmpty');
    }
    return spec.defaultText ? t('legal.defaultText', { value: spec.defaultText }) : undefined;
  };

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="md" maw={760}>
        <Group justify="space-between" align="center">
          <Anchor href={page.path} target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span">
              {t('legal.view')} ({label})
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        </Group>
        {unplaced && (
          <Alert color="red" role="alert">
            {unplaced}
          </Alert>
        )}
        <Alert color={missing.length ? 'yellow' : 'teal'} title={missing.length ? t('legal.missingTitle') : undefined}>
          {missing.length ? (
            <List size="sm">
              {missing.map((spec) => (
                <List.Item key={spec.name}>{t(`legal.missing.${spec.name as 'director'}`)}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t('legal.complete')}</Text>
          )}
        </Alert>
        <TextInput label={t('legal.pageTitle')} withAsterisk maxLength={120} {...form.getInputProps('title')} />
        {LEGAL_FIELDS[page.slug].map((spec) => {
          const props = {
            label: t(`legal.fields.${spec.name}.label`),
            description: t(`legal.fields.${spec.name}.hint`),
            placeholder: placeholder(spec),
            withAsterisk: spec.required && !spec.fallback && !spec.defaultText,
            ...form.getInputProps(`fields.${spec.name}`),
          };
          if (spec.kind === 'address' || spec.kind === 'text')
            return <Textarea key={spec.name} autosize minRows={2} maxRows={6} {...props} />;
          return (
            <TextInput
              key={spec.name}
              type={spec.kind === 'email' ? 'email' : spec.kind === 'phone' ? 'tel' : 'text'}
              {...props}
            />
          );
        })}
        {page.slug === 'confidentialite' && (
          <Alert color="blue" variant="light">
            <Text size="sm">{t('legal.privacyGenerated')}</Text>
          </Alert>
        )}
        <div>
          <DocEditor
            label={t('legal.body')}
            initial={page.body}
            editable
            error={form.errors.body as string | undefined}
            onChange={(body) => form.setFieldValue('body', body)}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('legal.bodyHint')}
          </Text>
        </div>
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            {t('legal.save', { page: label })}
          </Button>
          {dirty && (
            <Badge color="yellow" variant="light" size="lg">
              {t('legal.unsaved')}
            </Badge>
          )}
        </Group>
      </Stack>
    </form>
  );
}

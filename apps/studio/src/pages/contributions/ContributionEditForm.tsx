import { Alert, Button, Checkbox, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ContributionFields, type ApiContract, type BodyOf, type ContributionDetail } from '@crieur/api';
import { JOB_CONTRACT_LABELS, JOB_CONTRACTS } from '@crieur/api/enums/contributions';
import { ApiError } from '../../api/api-error';
import { fieldErrors } from '../../i18n/error-message';
import { moderationError, useEditContribution } from './queries';

// what the route reads (the schema's input: the server parses it again)
type SentFields = BodyOf<ApiContract['PUT /api/contributions/:id']>['fields'];

type Values = {
  kind: ContributionDetail['kind'];
  title: string;
  description: string;
  url: string;
  startsAt: string;
  endsAt: string;
  online: boolean;
  place: string;
  organiser: string;
  imageAlt: string;
  organisation: string;
  contractType: string;
  remote: boolean;
  closesOn: string;
};

const valuesOf = (c: ContributionDetail): Values => ({
  kind: c.kind,
  title: c.title,
  description: c.description,
  url: c.url ?? '',
  startsAt: c.startsAtParis ?? '',
  endsAt: c.endsAtParis ?? '',
  online: c.online ?? false,
  place: c.place,
  organiser: c.organiser,
  imageAlt: c.imageAlt,
  organisation: c.organisation,
  contractType: c.contractType ?? '',
  remote: c.remote ?? false,
  closesOn: c.closesOn ?? '',
});

/** Only the kind's own fields, as the public form sends them: the shared schema checks them on both sides. */
function fieldsOf(v: Values): Record<string, unknown> {
  const common = { kind: v.kind, title: v.title, description: v.description, url: v.url };
  if (v.kind === 'event')
    return {
      ...common,
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      online: v.online,
      place: v.place,
      organiser: v.organiser,
      imageAlt: v.imageAlt,
    };
  if (v.kind === 'job')
    return {
      ...common,
      organisation: v.organisation,
      place: v.place,
      remote: v.remote,
      contractType: v.contractType,
      closesOn: v.closesOn,
    };
  return { ...common, organisation: v.organisation };
}

function validate(values: Values): Record<string, string> {
  const parsed = ContributionFields.safeParse(fieldsOf(values));
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
  return errors;
}

/** « Modifier »: the same fields as the public form, French messages from the shared schema once a field is left. */
export function ContributionEditForm({ c, onDone }: { c: ContributionDetail; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<Values>({ initialValues: valuesOf(c), validateInputOnBlur: true, validate });
  const save = useEditContribution();
  const conflict = save.error instanceof ApiError && save.error.code === 'EDIT_CONFLICT';
  const general =
    save.error && Object.keys(fieldErrors(save.error)).length === 0 ? moderationError(t, save.error) : null;

  const submit = form.onSubmit((values) =>
    save.mutate(
      { params: { id: c.id }, body: { updatedAt: c.updatedAt, fields: fieldsOf(values) as SentFields } },
      {
        onSuccess: () => onDone(true),
        // what was typed stays on screen: only the server's errors are added
        onError: (error) =>
          form.setErrors(
            Object.fromEntries(Object.entries(fieldErrors(error)).map(([k, m]) => [k.replace(/^fields\./, ''), m])),
          ),
      },
    ),
  );
  const input = (name: keyof Values) => form.getInputProps(name);

  return (
    <form onSubmit={submit} noValidate aria-label={t('contributions.edit.title')}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('contributions.edit.title')}
        </Title>
        {general && (
          <Alert color="red" role="alert">
            <Stack gap="xs" align="flex-start">
              {general}
              {conflict && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => void client.invalidateQueries({ queryKey: ['GET /api/contributions/:id'] })}
                >
                  {t('contributions.edit.reload')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <TextInput label={t('contributions.fields.title')} withAsterisk maxLength={200} {...input('title')} />
        {c.kind === 'event' && (
          <>
            <Group grow align="flex-start">
              <TextInput
                type="datetime-local"
                label={t('contributions.fields.startsAt')}
                description={t('contributions.edit.paris')}
                withAsterisk
                {...input('startsAt')}
              />
              <TextInput
                type="datetime-local"
                label={t('contributions.fields.endsAt')}
                description={t('contributions.edit.paris')}
                withAsterisk
                {...input('endsAt')}
              />
            </Group>
            <Checkbox
              label={t('contributions.fields.online')}
              {...form.getInputProps('online', { type: 'checkbox' })}
            />
            <TextInput label={t('contributions.fields.place')} maxLength={200} {...input('place')} />
            <TextInput
              label={t('contributions.fields.organiser')}
              withAsterisk
              maxLength={200}
              {...input('organiser')}
            />
          </>
        )}
        {(c.kind === 'job' || c.kind === 'news') && (
          <TextInput
            label={t('contributions.fields.organisation')}
            withAsterisk
            maxLength={200}
            {...input('organisation')}
          />
        )}
        {c.kind === 'job' && (
          <>
            <Select
              label={t('contributions.fields.contractType')}
              withAsterisk
              data={JOB_CONTRACTS.map((value) => ({ value, label: JOB_CONTRACT_LABELS[value] }))}
              allowDeselect={false}
              {...input('contractType')}
            />
            <TextInput label={t('contributions.fields.place')} withAsterisk maxLength={200} {...input('place')} />
            <Checkbox
              label={t('contributions.fields.remote')}
              {...form.getInputProps('remote', { type: 'checkbox' })}
            />
            <TextInput type="date" label={t('contributions.fields.closesOn')} withAsterisk {...input('closesOn')} />
          </>
        )}
        <TextInput
          type="url"
          label={t('contributions.fields.url')}
          withAsterisk={c.kind === 'job'}
          maxLength={2048}
          {...input('url')}
        />
        <Textarea
          label={t('contributions.fields.description')}
          withAsterisk
          autosize
          minRows={4}
          maxRows={16}
          maxLength={c.kind === 'news' ? 2000 : 4000}
          {...input('description')}
        />
        {c.kind === 'event' && c.image && (
          <TextInput label={t('contributions.fields.imageAltLabel')} maxLength={300} {...input('imageAlt')} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('contributions.edit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

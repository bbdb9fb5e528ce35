import { Alert, Badge, Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { IdentityImage, Organisation } from '@crieur/api';
import { useApiMutation } from '../../../api/queries';
import { errorMessage, fieldErrors } from '../../../i18n/error-message';
import { ImageField } from './ImageField';
import { useUnsavedGuard } from './use-unsaved-guard';

export type OrganisationValues = {
  name: string;
  postalAddress: string;
  senderName: string;
  senderEmail: string;
  replyTo: string;
  logo: IdentityImage | null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const valuesOf = (o: Organisation): OrganisationValues => ({
  name: o.name,
  postalAddress: o.postalAddress,
  senderName: o.senderName,
  senderEmail: o.senderEmail,
  replyTo: o.replyTo,
  logo: o.logo,
});

// the server names the logo by its media id; the form by its image
const SERVER_FIELDS: Record<string, keyof OrganisationValues> = { logoMediaId: 'logo' };

/** The association's name, postal address, default sender, reply-to and logo (admins). */
export function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const form = useForm<OrganisationValues>({
    initialValues: valuesOf(organisation),
    // errors appear once a field is left (or at save), never while the page opens
    validateInputOnBlur: true,
    validate: {
      name: (v) => (v.trim() ? undefined : t('identity.organisation.nameRequired')),
      senderEmail: (v) => (v.trim() && !EMAIL.test(v.trim()) ? t('identity.organisation.emailInvalid') : undefined),
      replyTo: (v) => (v.trim() && !EMAIL.test(v.trim()) ? t('identity.organisation.emailInvalid') : undefined),
    },
  });
  const dirty = form.isDirty();
  useUnsavedGuard(dirty);

  // the home checklist links here (#organisation): go to the name
  const nameInput = useRef<HTMLInputElement>(null);
  const { hash } = useLocation();
  useEffect(() => {
    if (hash !== '#organisation') return;
    nameInput.current?.scrollIntoView({ block: 'center' });
    nameInput.current?.focus();
  }, [hash]);

  const save = useApiMutation('PUT /api/organisation', {
    invalidates: ['GET /api/organisation', 'GET /api/organisation/public', 'GET /api/onboarding', 'GET /api/audit'],
    onSuccess: (data) => {
      const saved = valuesOf(data.organisation);
      form.setInitialValues(saved);
      form.setValues(saved);
      form.resetDirty(saved);
      notifications.show({ color: 'teal', message: t('identity.organisation.saved') });
    },
  });
  const serverErrors = fieldErrors(save.error);
  const unplaced = save.error && Object.keys(serverErrors).length === 0 ? errorMessage(t, save.error) : undefined;

  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        body: {
          name: v.name.trim(),
          postalAddress: v.postalAddress.trim(),
          senderName: v.senderName.trim(),
          senderEmail: v.senderEmail.trim(),
          replyTo: v.replyTo.trim(),
          logoMediaId: v.logo?.id ?? null,
        },
      },
      {
        onError: (error) =>
          form.setErrors(
            Object.fromEntries(Object.entries(fieldErrors(error)).map(([k, m]) => [SERVER_FIELDS[k] ?? k, m])),
          ),
      },
    ),
  );

  const name = form.values.name.trim();
  return (
    <form onSubmit={submit} noValidate aria-labelledby="identity-organisation">
      <Stack gap="md" maw={760}>
        {unplaced && (
          <Alert color="red" role="alert">
            {unplaced}
          </Alert>
        )}
        <TextInput
          ref={nameInput}
          label={t('identity.organisation.name')}
          description={t('identity.organisation.nameHint')}
          placeholder={t('identity.organisation.namePlaceholder')}
          withAsterisk
          maxLength={160}
          {...form.getInputProps('name')}
        />
        <Textarea
          label={t('identity.organisation.postalAddress')}
          description={t('identity.organisation.postalAddressHint')}
          placeholder={t('identity.organisation.postalAddressPlaceholder')}
          autosize
          minRows={3}
          maxRows={6}
          maxLength={500}
          {...form.getInputProps('postalAddress')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('identity.organisation.senderName')}
            description={t('identity.organisation.senderNameHint')}
            placeholder={name || t('identity.organisation.senderNamePlaceholder')}
            maxLength={120}
            {...form.getInputProps('senderName')}
          />
          <TextInput
            label={t('identity.organisation.senderEmail')}
            description={t('identity.organisation.senderEmailHint')}
            placeholder="lettre@exemple.org"
            type="email"
            maxLength={320}
            {...form.getInputProps('senderEmail')}
          />
        </SimpleGrid>
        <TextInput
          label={t('identity.organisation.replyTo')}
          description={t('identity.organisation.replyToHint')}
          placeholder="contact@exemple.org"
          type="email"
          maxLength={320}
          maw={372}
          {...form.getInputProps('replyTo')}
        />
        <ImageField
          shape="logo"
          label={t('identity.organisation.logo')}
          description={t('identity.organisation.logoHint')}
          empty={t('identity.organisation.logoEmpty')}
          pickTitle={t('identity.organisation.logoPick')}
          value={form.values.logo}
          onChange={(logo) => form.setFieldValue('logo', logo)}
          error={form.errors.logo as string | undefined}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            {t('identity.organisation.save')}
          </Button>
          {dirty && (
            <Badge color="yellow" variant="light" size="lg">
              {t('identity.unsaved')}
            </Badge>
          )}
        </Group>
      </Stack>
    </form>
  );
}

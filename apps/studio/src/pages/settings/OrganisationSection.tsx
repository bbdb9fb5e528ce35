import { Button, Group, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Organisation } from '@crieur/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { errorMessage, fieldErrors } from '../../i18n/error-message';

// admins only; issue 15 adds the postal address, default sender, logo and banners to this section
export function OrganisationSection() {
  const { t } = useTranslation();
  const organisation = useApiQuery('GET /api/organisation');
  return (
    <section aria-labelledby="settings-organisation" id="organisation">
      <Title order={2} size="h3" id="settings-organisation" mb={4}>
        {t('organisation.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('organisation.intro')}
      </Text>
      <QueryView query={organisation}>{(data) => <OrganisationForm organisation={data.organisation} />}</QueryView>
    </section>
  );
}

function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const [name, setName] = useState(organisation.name);
  useEffect(() => setName(organisation.name), [organisation.name]);
  const input = useRef<HTMLInputElement>(null);
  const { hash } = useLocation();
  // the home checklist links here: once loaded, go to the field
  useEffect(() => {
    if (hash !== '#organisation') return;
    input.current?.scrollIntoView({ block: 'center' });
    input.current?.focus();
  }, [hash]);
  const save = useApiMutation('PUT /api/organisation', {
    invalidates: ['GET /api/organisation', 'GET /api/onboarding', 'GET /api/audit'],
    onSuccess: () => void notifications.show({ color: 'teal', message: t('organisation.saved') }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ body: { name: name.trim() } });
  };
  const fields = fieldErrors(save.error);
  const other = save.error && !fields.name ? errorMessage(t, save.error) : undefined;
  return (
    <form onSubmit={onSubmit}>
      <Group align="flex-end" gap="sm" maw={720}>
        <TextInput
          ref={input}
          label={t('organisation.name')}
          placeholder={t('organisation.namePlaceholder')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fields.name ?? other}
          description={organisation.name ? undefined : t('organisation.notSet')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          style={{ flex: 1, minWidth: 240 }}
          maxLength={160}
        />
        <Button type="submit" loading={save.isPending} disabled={name.trim() === organisation.name || !name.trim()}>
          {t('organisation.save')}
        </Button>
      </Group>
    </form>
  );
}

import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  EmptyState,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOff, IconUserQuestion } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MailingList, SubscriberDetail, SubscriberLocale } from '@crieur/api';
import { SUBSCRIBER_LOCALES } from '@crieur/api/enums/subscribers';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../hooks/use-page-title';
import { errorMessage, fieldErrors } from '../../i18n/error-message';
import { DangerZone } from './DangerZone';
import { EventTimeline } from './EventTimeline';
import { formatDateTime } from './format';
import { SubscriptionsSection } from './SubscriptionsSection';

/** /subscribers/:id — keyed by id so following a link to another subscriber starts afresh. */
export function SubscriberPage() {
  const { id = '' } = useParams();
  return <SubscriberView key={id} id={id} />;
}

function SubscriberView({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useApiQuery('GET /api/subscribers/:id', { params: { id } });
  const lists = useApiQuery('GET /api/lists');
  const client = useQueryClient();
  // every write answers with the whole subscriber: it replaces what was loaded
  const onChanged = (detail: SubscriberDetail) =>
    client.setQueryData(queryKeyOf('GET /api/subscribers/:id', { params: { id } }), detail);
  usePageTitle(query.data?.subscriber.email ?? t('sections.subscribers.title'));

  const notFound = (
    <EmptyState mt="xl" icon={<IconUserQuestion aria-hidden />} variant="light">
      <EmptyState.Title order={1}>{t('subscriber.notFoundTitle')}</EmptyState.Title>
      <EmptyState.Description>{t('subscriber.notFoundBody')}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/subscribers">
          {t('subscriber.backToList')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
  return (
    <QueryView query={query} notFound={notFound}>
      {(detail) => <SubscriberContent detail={detail} lists={lists.data?.lists ?? null} onChanged={onChanged} />}
    </QueryView>
  );
}

type ContentProps = {
  detail: SubscriberDetail;
  lists: MailingList[] | null;
  onChanged: (detail: SubscriberDetail) => void;
};

function SubscriberContent({ detail, lists, onChanged }: ContentProps) {
  const { t, i18n } = useTranslation();
  const { subscriber } = detail;
  // events name lists by slug: show their names when known
  const listName = (slug: string) =>
    detail.subscriptions.find((item) => item.list.slug === slug)?.list.name ??
    lists?.find((list) => list.slug === slug)?.name ??
    slug;
  return (
    <Stack gap="xl">
      <div>
        <Breadcrumbs mb="xs">
          <Anchor component={Link} to="/subscribers" size="sm">
            {t('sections.subscribers.title')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {subscriber.email}
          </Text>
        </Breadcrumbs>
        <Title order={1} fz={{ base: 26, sm: 34 }} style={{ overflowWrap: 'anywhere' }}>
          {subscriber.email}
        </Title>
        {subscriber.name && (
          <Text c="dimmed" mt={4}>
            {subscriber.name}
          </Text>
        )}
      </div>

      {subscriber.suppression && (
        <Alert
          color="red"
          variant="filled"
          icon={<IconMailOff aria-hidden />}
          title={t('subscriber.suppressedTitle')}
          data-testid="suppression-banner"
        >
          {t('subscriber.suppressedBody', {
            reason: t(`subscriber.suppressionReasons.${subscriber.suppression.reason}`),
            date: formatDateTime(subscriber.suppression.at, i18n.language) ?? '',
          })}
        </Alert>
      )}

      <ProfileForm detail={detail} onSaved={onChanged} />
      <SubscriptionsSection detail={detail} lists={lists} onChanged={onChanged} />
      <EventTimeline events={detail.events} listName={listName} />
      <DangerZone detail={detail} onChanged={onChanged} />
    </Stack>
  );
}

function ProfileForm({ detail, onSaved }: { detail: SubscriberDetail; onSaved: (detail: SubscriberDetail) => void }) {
  const { t, i18n } = useTranslation();
  const { subscriber } = detail;
  const [name, setName] = useState(subscriber.name);
  const [locale, setLocale] = useState<SubscriberLocale>(subscriber.locale);
  const save = useApiMutation('PATCH /api/subscribers/:id', { invalidates: ['GET /api/subscribers'] });
  const error = save.error;
  const changed = name.trim() !== subscriber.name || locale !== subscriber.locale;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!changed) return;
    save.mutate(
      { params: { id: subscriber.id }, body: { name: name.trim(), locale } },
      {
        onSuccess: (answer) => {
          onSaved(answer);
          setName(answer.subscriber.name);
          setLocale(answer.subscriber.locale);
          notifications.show({ color: 'teal', message: t('subscriber.saved') });
        },
      },
    );
  };

  const fields = fieldErrors(error);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="subscriber-profile">
      <Title order={2} size="h4" id="subscriber-profile" mb="sm">
        {t('subscriber.profileTitle')}
      </Title>
      <form onSubmit={onSubmit} aria-labelledby="subscriber-profile">
        <Stack gap="sm">
          {error !== null && Object.keys(fields).length === 0 && (
            <Alert color="red" role="alert" title={t('subscriber.saveFailed')}>
              {errorMessage(t, error)}
            </Alert>
          )}
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label={t('subscriber.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              autoComplete="off"
              error={fields.name}
              style={{ flex: '1 1 240px' }}
            />
            <Select
              label={t('subscriber.locale')}
              data={SUBSCRIBER_LOCALES.map((value) => ({ value, label: t(`languages.${value}`) }))}
              value={locale}
              allowDeselect={false}
              onChange={(value) => value && setLocale(value as SubscriberLocale)}
              error={fields.locale}
              comboboxProps={{ withinPortal: true }}
              style={{ flex: '0 1 180px' }}
            />
            <Button type="submit" loading={save.isPending} disabled={!changed} mt={25}>
              {t('subscriber.save')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('subscriber.dates', {
              created: formatDateTime(subscriber.createdAt, i18n.language) ?? '',
              updated: formatDateTime(subscriber.updatedAt, i18n.language) ?? '',
            })}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}

import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailingList, Subscription, SubscriberDetail } from '@crieur/api';
import { ApiError } from '../../api/api-error';
import { useApiMutation } from '../../api/queries';
import { errorMessage, fieldErrors } from '../../i18n/error-message';
import { formatDateTime, STATUS_COLORS } from './format';
import { needsConsentSource } from './lists';

// a change of subscriptions changes the lists' counts and the subscribers' table
const FOLLOWERS = ['GET /api/lists', 'GET /api/subscribers'] as const;

type Props = { detail: SubscriberDetail; lists: MailingList[] | null; onChanged: (detail: SubscriberDetail) => void };

export function SubscriptionsSection({ detail, lists, onChanged }: Props) {
  const { t } = useTranslation();
  const { subscriptions } = detail;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="subscriber-subscriptions">
      <Title order={2} size="h4" id="subscriber-subscriptions" mb="sm">
        {t('subscriber.subscriptionsTitle')}
      </Title>
      {subscriptions.length === 0 ? (
        <Text size="sm" c="dimmed" mb="md">
          {t('subscriber.noSubscriptions')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900} mb="md">
          <Table
            withTableBorder
            verticalSpacing="sm"
            aria-labelledby="subscriber-subscriptions"
            data-testid="subscriptions-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('subscriber.columns.list')}</Table.Th>
                <Table.Th scope="col">{t('subscriber.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('subscriber.columns.legalBasis')}</Table.Th>
                <Table.Th scope="col">{t('subscriber.columns.consent')}</Table.Th>
                <Table.Th scope="col">{t('subscriber.columns.confirmedAt')}</Table.Th>
                <Table.Th scope="col">{t('subscriber.columns.unsubscribedAt')}</Table.Th>
                <Table.Th scope="col">{t('subscriber.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {subscriptions.map((subscription) => (
                <SubscriptionRow
                  key={subscription.list.slug}
                  subscriberId={detail.subscriber.id}
                  subscription={subscription}
                  onChanged={onChanged}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SubscribeOther detail={detail} lists={lists} onChanged={onChanged} />
    </Card>
  );
}

type RowProps = { subscriberId: string; subscription: Subscription; onChanged: (detail: SubscriberDetail) => void };

function SubscriptionRow({ subscriberId, subscription, onChanged }: RowProps) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) => formatDateTime(iso, i18n.language);
  const { list, consent } = subscription;
  const unsubscribe = useApiMutation('POST /api/subscribers/:id/unsubscribe', { invalidates: FOLLOWERS });

  const doUnsubscribe = () =>
    unsubscribe.mutate(
      { params: { id: subscriberId }, body: { lists: [list.slug] } },
      {
        onSuccess: (answer) => {
          onChanged(answer);
          notifications.show({ color: 'teal', message: t('subscriber.unsubscribedFrom', { list: list.name }) });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );

  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {list.name}
        </Text>
        <Text size="xs" c="dimmed">
          {list.slug}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge color={STATUS_COLORS[subscription.status]} variant="light" tt="none" miw="max-content">
          {t(`subscribers.statusValues.${subscription.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`settings.legalBasisValues.${subscription.legalBasis}`)}</Text>
      </Table.Td>
      <Table.Td>
        {consent ? (
          <Stack gap={2}>
            <Text size="sm">{date(consent.at)}</Text>
            <Text size="xs" c="dimmed">
              {consent.source && t('subscriber.consent.source', { source: t(`subscriber.sources.${consent.source}`) })}
            </Text>
            {consent.formId && (
              <Text size="xs" c="dimmed">
                {t('subscriber.consent.form', { form: consent.formId })}
              </Text>
            )}
            {consent.textVersion && (
              <Text size="xs" c="dimmed">
                {t('subscriber.consent.textVersion', { version: consent.textVersion })}
              </Text>
            )}
            {consent.ip && (
              <Text size="xs" c="dimmed">
                {t('subscriber.consent.ip', { ip: consent.ip })}
              </Text>
            )}
            {consent.note && (
              <Text size="xs" c="dimmed">
                {t('subscriber.consent.note', { note: consent.note })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {subscription.legalBasis === 'legitimate_interest'
              ? t('subscriber.consent.notNeeded')
              : t('subscriber.consent.none')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{date(subscription.confirmedAt) ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{date(subscription.unsubscribedAt) ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        {subscription.status !== 'unsubscribed' && (
          <Button
            size="xs"
            variant="light"
            color="red"
            loading={unsubscribe.isPending}
            onClick={doUnsubscribe}
            aria-label={t('subscriber.unsubscribeFrom', { list: list.name })}
          >
            {t('subscriber.unsubscribe')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function SubscribeOther({
  detail,
  lists,
  onChanged,
}: {
  detail: SubscriberDetail;
  lists: MailingList[] | null;
  onChanged: (detail: SubscriberDetail) => void;
}) {
  const { t } = useTranslation();
  const [slug, setSlug] = useState<string | null>(null);
  const [consentSource, setConsentSource] = useState('');
  const subscribe = useApiMutation('POST /api/subscribers/:id/subscriptions', { invalidates: FOLLOWERS });
  const error = subscribe.error;
  const [missing, setMissing] = useState<'list' | 'consent' | null>(null);

  // a list where the person is not (or no longer) subscribed
  const active = new Set(
    detail.subscriptions.filter((item) => item.status !== 'unsubscribed').map((item) => item.list.slug),
  );
  const available = (lists ?? []).filter((list) => !active.has(list.slug));
  const selected = available.find((list) => list.slug === slug);
  const consentNeeded = needsConsentSource(selected);

  if (lists !== null && available.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('subscriber.allListsTaken')}
      </Text>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!selected) return setMissing('list');
    if (consentNeeded && !consentSource.trim()) return setMissing('consent');
    setMissing(null);
    subscribe.mutate(
      {
        params: { id: detail.subscriber.id },
        body: { list: selected.slug, consentSource: consentNeeded ? consentSource.trim() : '' },
      },
      {
        onSuccess: (answer) => {
          onChanged(answer);
          notifications.show({ color: 'teal', message: t('subscriber.subscribedTo', { list: selected.name }) });
          setSlug(null);
          setConsentSource('');
        },
      },
    );
  };

  const code = error instanceof ApiError ? error.code : null;
  const fields = fieldErrors(error);
  return (
    <form onSubmit={onSubmit} aria-labelledby="subscriber-subscribe-other" noValidate>
      <Title order={3} size="h5" id="subscriber-subscribe-other" mb="xs">
        {t('subscriber.subscribeOther')}
      </Title>
      <Stack gap="sm">
        {error !== null && code !== 'CONSENT_SOURCE_REQUIRED' && (
          <Alert color="red" role="alert" title={t('subscriber.subscribeFailed')}>
            {errorMessage(t, error)}
          </Alert>
        )}
        <Group align="flex-start" gap="md" wrap="wrap">
          <Select
            label={t('subscriber.otherList')}
            placeholder={t('subscriber.otherListPlaceholder')}
            data={available.map((list) => ({ value: list.slug, label: list.name }))}
            value={slug}
            onChange={(value) => {
              setSlug(value);
              setMissing(null);
            }}
            disabled={lists === null}
            error={missing === 'list' ? t('subscriber.chooseList') : fields.list}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: '0 1 240px' }}
          />
          {consentNeeded && (
            <TextInput
              label={t('consent.source')}
              placeholder={t('consent.sourcePlaceholder')}
              required
              autoComplete="off"
              value={consentSource}
              onChange={(event) => {
                setConsentSource(event.currentTarget.value);
                setMissing(null);
              }}
              error={
                missing === 'consent' || code === 'CONSENT_SOURCE_REQUIRED'
                  ? t('errors.CONSENT_SOURCE_REQUIRED')
                  : fields.consentSource
              }
              style={{ flex: '1 1 280px' }}
            />
          )}
          <Button type="submit" loading={subscribe.isPending} mt={25}>
            {t('subscriber.subscribe')}
          </Button>
        </Group>
        {selected && (
          <Text size="xs" c="dimmed">
            {consentNeeded ? t('consent.sourceHint') : t('addSubscriber.legitimateInterestHint')}
          </Text>
        )}
      </Stack>
    </form>
  );
}

import { Alert, Anchor, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MailingList, SubscriberLocale } from '@crieur/api';
import { SUBSCRIBER_LOCALES } from '@crieur/api/enums/subscribers';
import { ApiError } from '../../api/api-error';
import { useApiMutation } from '../../api/queries';
import { errorMessage, fieldErrors } from '../../i18n/error-message';
import { needsConsentSource } from './lists';

type Props = { opened: boolean; lists: MailingList[]; onClose: () => void };

/** Errors shown next to their field rather than in the banner. */
/** Enough to catch typos; the server has the last word. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const FIELD_CODES = ['DUPLICATE_SUBSCRIBER', 'SUPPRESSED', 'CONSENT_SOURCE_REQUIRED'];

export function AddSubscriberModal({ opened, lists, onClose }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [locale, setLocale] = useState<SubscriberLocale>('fr');
  const [chosen, setChosen] = useState<string[]>([]);
  const [consentSource, setConsentSource] = useState('');
  // the lists' counts and the subscribers' table follow the new person
  const create = useApiMutation('POST /api/subscribers', { invalidates: ['GET /api/lists', 'GET /api/subscribers'] });
  const error = create.error;
  const [listsError, setListsError] = useState<string | null>(null);
  const [consentError, setConsentError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);

  const reset = () => {
    setEmail('');
    setName('');
    setLocale('fr');
    setChosen([]);
    setConsentSource('');
    create.reset();
    setListsError(null);
    setConsentError(null);
    setEmailError(null);
  };

  const consentNeeded = chosen.some((slug) => needsConsentSource(lists.find((list) => list.slug === slug)));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // checked here rather than by the browser, so the messages are the catalog's (French first)
    const address = email.trim();
    const badEmail = address === '' ? t('validation.required') : EMAIL.test(address) ? null : t('validation.email');
    const noList = chosen.length === 0;
    const noSource = consentNeeded && consentSource.trim() === '';
    setEmailError(badEmail);
    setListsError(noList ? t('addSubscriber.listsRequired') : null);
    setConsentError(noSource ? t('errors.CONSENT_SOURCE_REQUIRED') : null);
    if (badEmail || noList || noSource) return;
    const body = {
      email: email.trim(),
      name: name.trim(),
      locale,
      lists: chosen,
      consentSource: consentNeeded ? consentSource.trim() : '',
    };
    // the error stays in the mutation's state, shown beside its field or in the banner
    const detail = await create.mutateAsync({ body }).catch(() => null);
    if (!detail) return;
    notifications.show({ color: 'teal', message: t('addSubscriber.done', { email: detail.subscriber.email }) });
    onClose();
  };

  const fields = fieldErrors(error);
  const code = error instanceof ApiError ? error.code : null;
  const duplicateId =
    error instanceof ApiError && typeof error.details.subscriberId === 'string' ? error.details.subscriberId : null;
  const emailMessage =
    emailError ??
    (code === 'DUPLICATE_SUBSCRIBER' ? (
      <>
        {t('errors.DUPLICATE_SUBSCRIBER')}{' '}
        {duplicateId && (
          <Anchor component={Link} to={`/subscribers/${encodeURIComponent(duplicateId)}`} size="xs" onClick={onClose}>
            {t('addSubscriber.openExisting')}
          </Anchor>
        )}
      </>
    ) : code === 'SUPPRESSED' ? (
      t('errors.SUPPRESSED')
    ) : (
      fields.email
    ));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={reset}
      title={t('addSubscriber.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="sm">
          {error !== null && !FIELD_CODES.includes(code ?? '') && (
            <Alert color="red" title={t('addSubscriber.failed')} role="alert">
              {errorMessage(t, error)}
            </Alert>
          )}
          <TextInput
            label={t('addSubscriber.email')}
            type="email"
            required
            data-autofocus
            autoComplete="off"
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setEmailError(null);
            }}
            error={emailMessage}
          />
          <TextInput
            label={t('addSubscriber.name')}
            description={t('addSubscriber.nameHint')}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fields.name}
          />
          <Select
            label={t('addSubscriber.locale')}
            description={t('addSubscriber.localeHint')}
            data={SUBSCRIBER_LOCALES.map((value) => ({ value, label: t(`languages.${value}`) }))}
            value={locale}
            allowDeselect={false}
            onChange={(value) => value && setLocale(value as SubscriberLocale)}
            error={fields.locale}
            comboboxProps={{ withinPortal: true }}
          />
          <Checkbox.Group
            label={t('addSubscriber.lists')}
            value={chosen}
            onChange={(value) => {
              setChosen(value);
              setListsError(null);
            }}
            error={listsError ?? fields.lists}
          >
            <Stack gap="xs" mt={6}>
              {lists.map((list) => (
                <Checkbox
                  key={list.slug}
                  value={list.slug}
                  label={list.name}
                  description={
                    list.legalBasis === 'legitimate_interest'
                      ? t('addSubscriber.legitimateInterestHint')
                      : t('addSubscriber.consentHint', {
                          visibility: t(`settings.visibilityValues.${list.visibility}`),
                        })
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {consentNeeded && (
            <TextInput
              label={t('consent.source')}
              description={t('consent.sourceHint')}
              placeholder={t('consent.sourcePlaceholder')}
              required
              autoComplete="off"
              value={consentSource}
              onChange={(event) => {
                setConsentSource(event.currentTarget.value);
                setConsentError(null);
              }}
              error={
                consentError ??
                (code === 'CONSENT_SOURCE_REQUIRED' ? t('errors.CONSENT_SOURCE_REQUIRED') : fields.consentSource)
              }
            />
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('addSubscriber.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

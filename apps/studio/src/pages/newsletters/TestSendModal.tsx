import { Alert, Button, Group, List, Modal, Stack, TagsInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsletterInvalidDetails } from '@crieur/api';
import { ApiError } from '../../api/api-error';
import { useApiMutation } from '../../api/queries';
import { useSession } from '../../session/session-context';
import { newsletterError } from './format';

const MAX = 5;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Props = {
  campaignId: string;
  opened: boolean;
  onClose: () => void;
  /** Saves pending edits first: the test is what is saved. false when saving failed. */
  beforeSend: () => Promise<boolean>;
};

/** "Envoyer un test": the saved campaign to up to five reviewers, through SMTP or the outbox. */
export function TestSendModal({ campaignId, opened, onClose, beforeSend }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [addresses, setAddresses] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // a save that failed first, or the test's own answer
  const [failure, setFailure] = useState<unknown>(null);
  const test = useApiMutation('POST /api/campaigns/:id/test');

  useEffect(() => {
    if (opened) {
      setAddresses(user ? [user.email] : []);
      setFailure(null);
    }
  }, [opened, user]);

  const invalid = addresses.filter((address) => !EMAIL.test(address));
  const inputError =
    invalid.length > 0
      ? t('newsletters.test.invalid', { addresses: invalid.join(', ') })
      : addresses.length === 0
        ? t('newsletters.test.none')
        : undefined;

  const send = async () => {
    if (inputError) return;
    setBusy(true);
    setFailure(null);
    try {
      if (!(await beforeSend())) {
        setFailure(new Error('unsaved'));
        return;
      }
      const answer = await test.mutateAsync({ params: { id: campaignId }, body: { addresses } });
      notifications.show({
        color: 'teal',
        title: t('newsletters.test.sentTitle', { count: answer.sent }),
        message: answer.outbox
          ? t('newsletters.test.sentOutbox', { addresses: addresses.join(', ') })
          : t('newsletters.test.sentSmtp', { addresses: addresses.join(', ') }),
      });
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('newsletters.test.title')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{t('newsletters.test.intro')}</Text>
          <TagsInput
            label={t('newsletters.test.addresses')}
            description={t('newsletters.test.addressesHint', { max: MAX })}
            value={addresses}
            onChange={(value) => setAddresses(value.map((address) => address.trim()).filter(Boolean))}
            maxTags={MAX}
            splitChars={[',', ';', ' ']}
            acceptValueOnBlur
            error={inputError}
            data-autofocus
          />
          {failure !== null && <SendFailure error={failure} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={inputError !== undefined}>
              {t('newsletters.test.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Why the test did not go: what to fix in the newsletter, or what to check on the mail server. */
function SendFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) {
    return (
      <Alert color="red" role="alert">
        {t('newsletters.test.notSaved')}
      </Alert>
    );
  }
  const details = error.details as Partial<NewsletterInvalidDetails>;
  const problems = [
    ...(details.fieldErrors ?? []).map((item) => item.message),
    ...(details.blockErrors ?? []).map((item) =>
      t('newsletters.test.blockProblem', { n: item.index + 1, message: item.message }),
    ),
    ...(details.mjmlErrors ?? []).map((item) =>
      t('newsletters.preview.mjmlError', { line: item.line, tag: item.tagName, message: item.message }),
    ),
  ];
  return (
    <Alert
      color="red"
      role="alert"
      title={
        error.code === 'NEWSLETTER_INVALID' ? t('newsletters.test.invalidTitle') : t('newsletters.test.failedTitle')
      }
    >
      {newsletterError(t, error)}
      {problems.length > 0 && (
        <List size="sm" mt="xs">
          {problems.map((problem, index) => (
            <List.Item key={index}>{problem}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsletterInvalidDetails } from '@crieur/api';
import { splitTestAddresses, TEST_ADDRESSES_MAX, testAddressProblems } from '@crieur/api/test-addresses';
import { ApiError } from '../../api/api-error';
import { useApiMutation } from '../../api/queries';
import { useSession } from '../../session/session-context';
import { newsletterError } from './format';

type Props = {
  campaignId: string;
  opened: boolean;
  onClose: () => void;
  /** Saves pending edits first: the test is what is saved. false when saving failed. */
  beforeSend: () => Promise<boolean>;
  /** The server found the letter not ready: the composer shows every error and goes to the first. */
  onInvalid?: () => void;
};

// the last addresses used, per user and per browser: the same reviewers get each issue's tests
const lastKey = (userId: string) => `newsletter-test-addresses:${userId}`;
function readLast(userId: string): string | null {
  try {
    return window.localStorage.getItem(lastKey(userId));
  } catch {
    return null; // storage refused (private mode): start from the user's own address
  }
}
function keepLast(userId: string, addresses: string[]): void {
  try {
    window.localStorage.setItem(lastKey(userId), addresses.join(', '));
  } catch {
    // not kept: the next test starts from the user's own address
  }
}

/** "Envoyer un test": the saved campaign to up to five reviewers, through SMTP or the outbox. */
export function TestSendModal({ campaignId, opened, onClose, beforeSend, onInvalid }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [typed, setTyped] = useState('');
  // problems show once the field was left or a send attempted, as in the composer
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  // a save that failed first, or the test's own answer
  const [failure, setFailure] = useState<unknown>(null);
  const test = useApiMutation('POST /api/campaigns/:id/test');

  useEffect(() => {
    if (opened) {
      setTyped(user ? (readLast(user.id) ?? user.email) : '');
      setTouched(false);
      setFailure(null);
    }
  }, [opened, user]);

  const addresses = splitTestAddresses(typed);
  const problems = testAddressProblems(addresses);
  const inputError = touched && problems.length > 0 ? problems.join(' ') : undefined;

  const send = async () => {
    setTouched(true);
    if (problems.length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      if (!(await beforeSend())) {
        setFailure(new Error('unsaved'));
        return;
      }
      const answer = await test.mutateAsync({ params: { id: campaignId }, body: { addresses } });
      if (user) keepLast(user.id, addresses);
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
      if (error instanceof ApiError && error.code === 'NEWSLETTER_INVALID') onInvalid?.();
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
          <Textarea
            label={t('composerInsert.testAddresses')}
            description={t('composerInsert.testAddressesHint', { max: TEST_ADDRESSES_MAX })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={inputError}
            autosize
            minRows={2}
            maxRows={6}
            autoComplete="email"
            spellCheck={false}
            data-autofocus
          />
          {addresses.length > 0 && problems.length === 0 && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('composerInsert.testRecipients', { count: addresses.length, addresses: addresses.join(', ') })}
            </Text>
          )}
          {failure !== null && <SendFailure error={failure} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('newsletters.test.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
      item.where
        ? t('composerInsert.blockProblem', { where: capitalised(item.where), message: item.message })
        : t('newsletters.test.blockProblem', { n: item.index + 1, message: item.message }),
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

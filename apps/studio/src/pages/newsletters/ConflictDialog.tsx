import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newsletterError } from './format';

type Props = {
  opened: boolean;
  onReload: () => Promise<void>;
  onOverwrite: () => Promise<void>;
};

/** Someone else saved this draft in between: take their version, or keep mine over theirs. Never silent. */
export function ConflictDialog({ opened, onReload, onOverwrite }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'reload' | 'overwrite' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (which: 'reload' | 'overwrite', action: () => Promise<void>) => {
    setBusy(which);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('newsletters.conflict.title')}
      size="lg"
    >
      <Stack gap="md">
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert">
          <Text fw={500}>{t('newsletters.conflict.body')}</Text>
          <Text size="sm" mt="xs">
            {t('newsletters.conflict.help')}
          </Text>
        </Alert>
        {failure !== null && (
          <Text size="sm" c="red" role="alert">
            {newsletterError(t, failure)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            color="red"
            loading={busy === 'overwrite'}
            disabled={busy !== null}
            onClick={() => void run('overwrite', onOverwrite)}
          >
            {t('newsletters.conflict.overwrite')}
          </Button>
          <Button
            color="orange"
            loading={busy === 'reload'}
            disabled={busy !== null}
            onClick={() => void run('reload', onReload)}
          >
            {t('newsletters.conflict.reload')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

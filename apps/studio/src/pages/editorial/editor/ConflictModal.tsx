import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditConflict } from '@crieur/api';
import { formatTime } from '../format';

type Props = {
  conflict: EditConflict | null;
  /** Title, lede and body of the local (unsaved) copy, as plain text. */
  myText: () => string;
  onReload: () => Promise<void>;
};

/** Blocking: someone else saved in between. Nothing is overwritten; the user copies their text, then reloads. */
export function ConflictModal({ conflict, myText, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const [reloading, setReloading] = useState(false);
  const [showText, setShowText] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(myText());
      notifications.show({ color: 'teal', message: t('editorial.editor.conflict.copied') });
    } catch {
      // no clipboard (permissions, http): show the text to select by hand
      setShowText(true);
      setFailure(t('editorial.editor.conflict.copyFailed'));
    }
  };

  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
      setShowText(false);
      setFailure(null);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Modal
      opened={conflict !== null}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('editorial.editor.conflict.title')}
      size="lg"
    >
      {conflict && (
        <Stack gap="md">
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert">
            <Text fw={500}>
              {t('editorial.editor.conflict.body', {
                name: conflict.updatedBy || t('editorial.editor.conflict.someone'),
                time: formatTime(conflict.updatedAt, i18n.language),
              })}
            </Text>
            <Text size="sm" mt="xs">
              {t('editorial.editor.conflict.help')}
            </Text>
          </Alert>
          {failure && (
            <Text size="sm" c="red">
              {failure}
            </Text>
          )}
          {showText && (
            <Textarea
              label={t('editorial.editor.conflict.yourText')}
              value={myText()}
              readOnly
              autosize
              minRows={4}
              maxRows={12}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void copy()}>
              {t('editorial.editor.conflict.copy')}
            </Button>
            <Button color="orange" loading={reloading} onClick={() => void reload()}>
              {t('editorial.editor.conflict.reload')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

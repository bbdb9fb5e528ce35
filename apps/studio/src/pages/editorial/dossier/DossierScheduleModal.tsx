import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScheduleField } from '../../../components/schedule/ScheduleField';
import { errorMessage } from '../../../i18n/error-message';

type Props = {
  opened: boolean;
  onClose: () => void;
  busy: boolean;
  failure: unknown;
  onSchedule: (iso: string) => void;
};

/** « Programmer… »: a day and a time in Paris; the dossier publishes itself then. */
export function DossierScheduleModal({ opened, onClose, busy, failure, onSchedule }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('dossierEditor.scheduleTitle')}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {opened && <ScheduleForm onClose={onClose} busy={busy} failure={failure} onSchedule={onSchedule} />}
    </Modal>
  );
}

function ScheduleForm({ onClose, busy, failure, onSchedule }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const [iso, setIso] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const submit = () => {
    if (!iso) return setRefused(t('schedule.incomplete'));
    if (!busy) onSchedule(iso);
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <ScheduleField
          onChange={(next) => {
            setIso(next);
            setRefused(null);
          }}
          error={refused}
          autoFocus
        />
        {failure !== null && failure !== undefined && (
          <Alert color="red" role="alert" title={t('dossierEditor.actions.failed')}>
            {errorMessage(t, failure)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('dossierEditor.scheduleSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

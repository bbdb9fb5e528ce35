import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider, TimeInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scheduleCampaign } from '../../api/endpoints';
import type { Campaign, CampaignProgress } from '../../api/types';
import { parisToday, parisToIso, sendingError } from './format';

type Props = {
  campaign: Campaign;
  opened: boolean;
  onClose: () => void;
  onScheduled: (progress: CampaignProgress, at: string) => void;
};

/** "Programmer" / "Reprogrammer": a day and a time, both read in Paris time. */
export function ScheduleModal({ campaign, opened, onClose, onScheduled }: Props) {
  const { t } = useTranslation();
  const title = campaign.status === 'held' ? t('campaignsPage.actions.reschedule') : t('campaignsPage.scheduleModal.title');
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      {opened && <ScheduleForm campaign={campaign} onClose={onClose} onScheduled={onScheduled} />}
    </Modal>
  );
}

function ScheduleForm({ campaign, onClose, onScheduled }: Omit<Props, 'opened'>) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState<string | null>(null);
  const [time, setTime] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async () => {
    const at = date && time ? parisToIso(date.slice(0, 10), time.slice(0, 5)) : null;
    if (!at) return setFieldError(t('campaignsPage.scheduleModal.required'));
    if (new Date(at).getTime() <= Date.now()) return setFieldError(t('campaignsPage.scheduleModal.past'));
    setBusy(true);
    setFailure(null);
    try {
      const answer = await scheduleCampaign(campaign.id, at);
      onScheduled(answer.progress, at);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('campaignsPage.scheduleModal.lists', { lists: campaign.lists.map((l) => l.name).join(', ') || t('campaignsPage.detail.noLists') })}</Text>
          <DatePickerInput
            label={t('campaignsPage.scheduleModal.date')}
            value={date}
            onChange={(value) => {
              setDate(value);
              setFieldError(null);
            }}
            minDate={parisToday()}
            valueFormat="dddd D MMMM YYYY"
            popoverProps={{ withinPortal: true, zIndex: 1000 }}
            required
            data-autofocus
          />
          <TimeInput
            label={t('campaignsPage.scheduleModal.time')}
            description={t('campaignsPage.scheduleModal.timeHint')}
            value={time}
            onChange={(event) => {
              setTime(event.currentTarget.value);
              setFieldError(null);
            }}
            error={fieldError}
            required
          />
          {failure !== null && (
            <Alert color="red" role="alert" title={t('campaignsPage.actions.failed')}>
              {sendingError(t, failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('campaignsPage.scheduleModal.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}

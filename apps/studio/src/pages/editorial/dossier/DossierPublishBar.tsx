import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconEye } from '@tabler/icons-react';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierAction, DossierDetail } from '@crieur/api';
import { routePath } from '@crieur/api/client-path';
import { call } from '../../../api/client';
import { errorMessage } from '../../../i18n/error-message';
import { formatParisDateTime } from '../../../components/schedule/format-paris';
import { DossierScheduleModal } from './DossierScheduleModal';

/** The reader's view of the working version, as an HTML page: opened in a new tab. */
const previewUrl = (id: string) => routePath('/api/dossiers/:id/preview', { id }, undefined);

type Props = {
  dossier: DossierDetail;
  readOnly: boolean;
  /** Saves pending edits; false: do not go on (conflict, error). Answers the version saved. */
  beforeStep: () => Promise<number | null>;
  onDone: (dossier: DossierDetail) => void;
};

type Confirmed = Exclude<DossierAction, 'schedule'>;
// every step but scheduling (which has its own dialog) asks first
const isConfirmed = (action: DossierAction): action is Confirmed => action !== 'schedule';

/** Which version is edited, and the steps: publish now, schedule, update the live version, unpublish. */
export function DossierPublishBar({ dossier, readOnly, beforeStep, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<Confirmed | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [busy, setBusy] = useState<DossierAction | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const scheduled = dossier.status === 'draft' && dossier.scheduledAt !== null;
  const state = dossier.status === 'published' ? 'published' : scheduled ? 'scheduled' : 'draft';
  const actions: DossierAction[] =
    state === 'published'
      ? ['unpublish', 'update']
      : state === 'scheduled'
        ? ['unschedule', 'schedule', 'publish']
        : ['schedule', 'publish'];
  const date = (iso: string | null) => formatParisDateTime(iso, i18n.language) ?? '';

  const run = async (action: DossierAction, scheduledAt?: string) => {
    setBusy(action);
    setFailure(null);
    try {
      const version = await beforeStep();
      if (version === null) return;
      const answer = await call('POST /api/dossiers/:id/transition', {
        params: { id: dossier.id },
        body: scheduledAt ? { action, version, scheduledAt } : { action, version },
      });
      onDone(answer.dossier);
      setConfirming(null);
      setScheduling(false);
      notifications.show({
        color: 'teal',
        message: t(`dossierEditor.done.${action}`, { date: date(answer.dossier.scheduledAt) }),
      });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(null);
    }
  };

  const click = (action: DossierAction) => {
    setFailure(null);
    if (isConfirmed(action)) setConfirming(action);
    else setScheduling(true);
  };

  const openPreview = (event: MouseEvent<HTMLAnchorElement>) => {
    // save first so the preview shows the latest text; the tab opens now (popup blockers) and loads after
    event.preventDefault();
    const tab = window.open('about:blank', '_blank');
    void beforeStep().then(() => {
      if (tab) tab.location.href = previewUrl(dossier.id);
    });
  };

  const banner =
    dossier.status === 'published' && dossier.live
      ? t(dossier.live.differs ? 'dossierEditor.live.differs' : 'dossierEditor.live.same', {
          date: date(dossier.live.savedAt),
        })
      : dossier.live
        ? t('dossierEditor.live.unpublished', { date: date(dossier.live.savedAt) })
        : t('dossierEditor.live.draft');
  const failureAlert = failure !== null && (
    <Alert color="red" role="alert" title={t('dossierEditor.actions.failed')}>
      {errorMessage(t, failure)}
    </Alert>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="sm" align="center">
          <Badge
            color={state === 'published' ? 'green' : state === 'scheduled' ? 'blue' : 'gray'}
            variant="light"
            size="lg"
            tt="none"
          >
            {t(`dossierEditor.status.${state}`)}
          </Badge>
          {scheduled && <Text size="sm">{t('dossierEditor.scheduledFor', { date: date(dossier.scheduledAt) })}</Text>}
          {dossier.status === 'published' && dossier.publishedAt && (
            <Text size="sm">{t('dossierEditor.publishedOn', { date: date(dossier.publishedAt) })}</Text>
          )}
        </Group>
        <Group gap="xs" role="group" aria-label={t('dossierEditor.actions.label')} wrap="wrap">
          <Button
            component="a"
            href={previewUrl(dossier.id)}
            target="_blank"
            rel="noopener"
            variant="default"
            size="sm"
            onClick={openPreview}
            leftSection={<IconEye size={16} aria-hidden />}
            rightSection={<IconExternalLink size={14} aria-hidden />}
            title={t('dossierEditor.actions.previewHint')}
          >
            {t('dossierEditor.actions.preview')}
          </Button>
          {!readOnly &&
            actions.map((action) => (
              <Button
                key={action}
                size="sm"
                variant={action === 'publish' || action === 'update' ? 'filled' : 'default'}
                color={action === 'unpublish' ? 'red' : undefined}
                disabled={action === 'update' && dossier.live?.differs === false}
                loading={busy === action && !confirming && !scheduling}
                onClick={() => click(action)}
              >
                {action === 'schedule' && scheduled
                  ? t('dossierEditor.actions.reschedule')
                  : t(`dossierEditor.actions.${action}`)}
              </Button>
            ))}
        </Group>
      </Group>
      <Alert color={dossier.live?.differs && dossier.status === 'published' ? 'orange' : 'blue'} variant="light">
        {banner}
      </Alert>
      {!confirming && !scheduling && failureAlert}

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? t(`dossierEditor.actions.${confirming}`) : ''}
        closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      >
        {confirming && (
          <Stack gap="md">
            <Text>{t(`dossierEditor.confirm.${confirming}`)}</Text>
            {failureAlert}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color={confirming === 'unpublish' ? 'red' : undefined}
                loading={busy === confirming}
                onClick={() => void run(confirming)}
                data-autofocus
              >
                {t(`dossierEditor.actions.${confirming}`)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <DossierScheduleModal
        opened={scheduling}
        onClose={() => setScheduling(false)}
        busy={busy === 'schedule'}
        failure={scheduling ? failure : null}
        onSchedule={(iso) => void run('schedule', iso)}
      />
    </Stack>
  );
}

import { Alert, Anchor, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Campaign, CampaignProgress } from '@crieur/api';
import { useApiMutation, useApiQuery, useSingleFlight } from '../../api/queries';
import { PreflightGate } from '../../components/preflight/PreflightGate';
import { usePreflight, warningCodes } from '../../components/preflight/use-preflight';
import { ApiError } from '../../api/api-error';
import { formatCount, notReadyProblems, problemText, sendingError } from './format';

const isBlocked = (error: unknown) => error instanceof ApiError && error.code === 'PREFLIGHT_BLOCKED';

type Props = {
  campaign: Campaign;
  opened: boolean;
  onClose: () => void;
  onSent: (progress: CampaignProgress, started: boolean) => void;
};

/**
 * "Envoyer maintenant": states the lists and about how many people, shows the checks before sending, then
 * starts the sending once. Blocks keep the button off; warnings turn it into « Envoyer quand même ».
 */
export function SendModal({ campaign, opened, onClose, onSent }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('campaignsPage.sendModal.title')}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      size="lg"
    >
      {opened && <SendForm campaign={campaign} onClose={onClose} onSent={onSent} />}
    </Modal>
  );
}

function SendForm({ campaign, onClose, onSent }: Omit<Props, 'opened'>) {
  const { t, i18n } = useTranslation();
  // counts of today's confirmed subscribers; the ledger freezes the exact set at launch
  const lists = useApiQuery('GET /api/lists');
  const preflight = usePreflight(campaign.id);
  const sending = useApiMutation('POST /api/campaigns/:id/send', {
    onSuccess: (answer) => onSent(answer.progress, answer.started),
  });
  // stays busy after a success: the modal closes on the answer
  const busy = sending.isPending || sending.isSuccess;
  const problems = notReadyProblems(sending.error);
  // a refused send's blocks show in the checklist, not as a second message
  const blockedBySend = isBlocked(sending.error);
  const failure = sending.isError && !problems && !blockedBySend ? sending.error : null;
  const names = campaign.lists.map((l) => l.name).join(', ');
  const items = preflight.answer?.items ?? [];
  const blocked = items.some((i) => i.level === 'block');
  const warnings = warningCodes(items);
  // the server checks the blocks again; if the checklist itself failed, sending stays possible
  const waiting = preflight.checking && preflight.answer === null;

  // a refused send's blocks (422 PREFLIGHT_BLOCKED) take their place in the checklist
  const sendOnce = useSingleFlight((input: Parameters<typeof sending.mutate>[0], options: { onSettled: () => void }) =>
    sending.mutate(input, { ...options, onError: (error) => preflight.showBlocked(error) }),
  );
  const send = () => {
    // one click only: the button stays disabled until the answer, and the server starts it once anyway
    if (!busy) sendOnce({ params: { id: campaign.id }, body: { acknowledgedWarnings: warnings } });
  };

  let estimate: string;
  if (lists.isPending) estimate = t('campaignsPage.sendModal.estimateLoading');
  else if (lists.isError) estimate = t('campaignsPage.sendModal.estimateUnknown');
  else {
    const slugs = new Set(campaign.lists.map((l) => l.slug));
    const count = lists.data.lists.filter((l) => slugs.has(l.slug)).reduce((sum, l) => sum + l.counts.confirmed, 0);
    estimate =
      count === 0
        ? t('campaignsPage.sendModal.estimateNone')
        : t('campaignsPage.sendModal.estimate', { count, n: formatCount(count, i18n.language) });
  }

  return (
    <Stack gap="md">
      <Text>
        {t('campaignsPage.sendModal.body', {
          subject: campaign.subject || t('campaignsPage.list.noSubject'),
          lists: names || t('campaignsPage.detail.noLists'),
        })}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {lists.isPending && <Loader size="xs" aria-hidden />}
        <Text fw={600}>{estimate}</Text>
      </Group>
      <Text size="sm" c="dimmed">
        {t('campaignsPage.sendModal.irreversible')}
      </Text>
      {problems && (
        <Alert color="orange" role="alert" title={t('campaignsPage.sendModal.notReadyTitle')}>
          <Text size="sm">{t('campaignsPage.sendModal.notReadyBody')}</Text>
          <List size="sm" mt="xs">
            {(problems.length > 0 ? problems : [{ path: '', message: t('campaignsPage.errors.notReady') }]).map(
              (p, i) => (
                <List.Item key={i}>{problemText(t, p)}</List.Item>
              ),
            )}
          </List>
          <Anchor
            component={Link}
            to={`/newsletters/${encodeURIComponent(campaign.id)}`}
            size="sm"
            fw={600}
            mt="sm"
            display="inline-block"
          >
            {t('campaignsPage.sendModal.fixInComposer')}
          </Anchor>
        </Alert>
      )}
      <PreflightGate
        state={preflight}
        campaignId={campaign.id}
        blocked={blocked}
        warningCount={warnings.length}
        warningsHint={t('preflight.warningsHint')}
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
        <Button
          onClick={send}
          loading={busy}
          disabled={busy || waiting || blocked || problems !== null}
          color={warnings.length > 0 ? 'orange' : undefined}
          data-autofocus
        >
          {t(warnings.length > 0 ? 'preflight.sendAnyway' : 'campaignsPage.sendModal.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

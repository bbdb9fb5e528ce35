import { Alert, Anchor, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconExternalLink } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Campaign, CampaignProgress, CampaignStatus, ServerWait } from '@crieur/api';
import { useApiQuery } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../hooks/use-page-title';
import { CampaignActions } from './CampaignActions';
import { formatParisDateTime } from './format';
import { ProgressPanel } from './ProgressPanel';
import { ProviderSlowNotice } from './ProviderSlowNotice';
import { RecipientLookup } from './RecipientLookup';
import { ServerWaitNotice } from './ServerWaitNotice';
import { StatusBadge } from './StatusBadge';
import { useCampaignProgress, type ProgressState } from './use-campaign-progress';

/** /studio/campaigns/:id: where the campaign stands, what can be done now, and who got it. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const campaign = useApiQuery('GET /api/campaigns/:id', { params: { id } });
  const progress = useCampaignProgress(id);
  const liveStatus = progress.progress?.status;
  const loadedStatus = campaign.data?.campaign.status;
  const reload = () => void campaign.refetch();

  // the ledger moves on its own (sent, held, paused by the system): fetch the campaign's dates and reason again
  useEffect(() => {
    if (liveStatus && loadedStatus && liveStatus !== loadedStatus) reload();
  }, [liveStatus]); // only a change of the live status triggers it

  usePageTitle(
    campaign.data ? campaign.data.campaign.subject || t('campaignsPage.list.noSubject') : t('sections.campaigns.title'),
  );

  return (
    <QueryView query={campaign}>
      {(answer) => <CampaignDetail campaign={answer.campaign} progress={progress} reload={reload} />}
    </QueryView>
  );
}

type DetailProps = { campaign: Campaign; progress: ProgressState; reload: () => void };

function CampaignDetail({ campaign: data, progress, reload }: DetailProps) {
  const { t } = useTranslation();
  const status = progress.progress?.status ?? data.status;
  // the live figure once polled: the wait starts and ends on its own
  const serverWait = progress.progress ? progress.progress.serverWait : data.serverWait;
  const changed = (next: CampaignProgress) => {
    progress.set(next);
    reload();
  };
  const reloadAll = () => {
    progress.refresh();
    reload();
  };

  return (
    <Stack gap="xl">
      <Anchor component={Link} to="/campaigns" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('campaignsPage.detail.back')}
        </Group>
      </Anchor>
      <Header campaign={data} status={status} serverWait={serverWait} />
      <StatusNotice campaign={data} status={status} progress={progress.progress} serverWait={serverWait} />
      {status === 'sending' && !serverWait && progress.progress && (
        <ProviderSlowNotice providers={progress.progress.slowedProviders} />
      )}
      <CampaignActions
        campaign={data}
        status={status}
        progress={progress.progress}
        onChanged={changed}
        onStale={reloadAll}
      />
      <Divider />
      {progress.progress ? (
        <ProgressPanel progress={progress.progress} pace={progress.pace} pollError={progress.error} />
      ) : progress.error ? (
        <LoadError error={progress.error} onRetry={progress.refresh} />
      ) : (
        <Loader aria-label={t('app.loading')} />
      )}
      {status !== 'draft' && status !== 'scheduled' && status !== 'held' && (
        <>
          <Divider />
          <RecipientLookup campaignId={data.id} />
        </>
      )}
    </Stack>
  );
}

type HeaderProps = { campaign: Campaign; status: CampaignStatus; serverWait: ServerWait | null };

function Header({ campaign, status, serverWait }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <div>
      <Group gap="sm" align="center">
        <Title order={1} fs={campaign.subject ? undefined : 'italic'}>
          {campaign.subject || t('campaignsPage.list.noSubject')}
        </Title>
        <StatusBadge status={status} serverWait={serverWait} size="lg" testId="campaign-status" />
      </Group>
      <Text c="dimmed" mt={4}>
        {t('campaignsPage.detail.meta', {
          kind: t(`newsletters.kinds.${campaign.kind}`),
          lists: campaign.lists.map((l) => l.name).join(', ') || t('campaignsPage.detail.noLists'),
        })}
      </Text>
      <Anchor
        component={Link}
        to={`/newsletters/${encodeURIComponent(campaign.id)}`}
        size="sm"
        mt={4}
        display="inline-block"
      >
        <Group gap={4} component="span">
          {t('campaignsPage.detail.editNewsletter')}
          <IconExternalLink size={14} aria-hidden />
        </Group>
      </Anchor>
    </div>
  );
}

type NoticeProps = HeaderProps & { progress: CampaignProgress | null };

/** One sentence on the state, and why when the system (not a person) decided it. */
function StatusNotice({ campaign, status, progress, serverWait }: NoticeProps) {
  const { t, i18n } = useTranslation();
  const reason = progress?.pauseReason ?? campaign.pauseReason;
  // a staff pause and the wait for the mail server are said together; a pause by the system keeps its own alert
  const wait = serverWait && (status === 'sending' || status === 'paused') && (
    <ServerWaitNotice wait={serverWait} paused={status === 'paused'} pausedByStaff={!reason} />
  );
  if (wait && !(status === 'paused' && reason)) return wait;
  switch (status) {
    case 'draft':
      return <Text>{t('campaignsPage.detail.draftHint')}</Text>;
    case 'scheduled':
      return (
        <Alert color="blue" variant="light">
          {t('campaignsPage.detail.scheduledFor', {
            date: formatParisDateTime(campaign.scheduledAt, i18n.language) ?? '—',
          })}
        </Alert>
      );
    case 'held':
      return (
        <Alert color="orange" title={t('campaignsPage.detail.heldTitle')} role="status">
          {reason || t('campaignsPage.detail.heldNoReason')}
        </Alert>
      );
    case 'paused':
      return reason ? (
        <>
          <Alert color="orange" title={t('campaignsPage.detail.pausedBySystem')} role="status">
            {reason}
          </Alert>
          {wait}
        </>
      ) : (
        <Alert color="yellow" variant="light">
          {t('campaignsPage.detail.pausedByStaff')}
        </Alert>
      );
    case 'cancelled':
      return <Text>{t('campaignsPage.detail.cancelledHint')}</Text>;
    default:
      return null;
  }
}

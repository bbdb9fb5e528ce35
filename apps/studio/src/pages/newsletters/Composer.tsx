import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowLeft, IconCalendarTime, IconCopy, IconSend } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Campaign, MailingList } from '@crieur/api';
import { call } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { usePageTitle } from '../../hooks/use-page-title';
import { BlockList } from './BlockList';
import { ConflictDialog } from './ConflictDialog';
import { CAMPAIGN_STATUS_COLORS, newsletterError } from './format';
import { PreviewPanel } from './PreviewPanel';
import { PreflightPanel } from './PreflightPanel';
import { SaveStatus } from './SaveStatus';
import { SettingsPanel } from './SettingsPanel';
import { TestSendModal } from './TestSendModal';
import { payloadOf, useCampaignDraft } from './use-campaign-draft';
import { useLivePreview } from './use-live-preview';

/** The composer: settings and blocks on the left, the live preview on the right. */
export function Composer({ initial, lists }: { initial: Campaign; lists: MailingList[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [campaign, setCampaign] = useState(initial);
  const [testing, setTesting] = useState(false);
  const [duplicating, setDuplicating] = useState(false);
  const duplication = useApiMutation('POST /api/campaigns/:id/duplicate');
  const editable = campaign.status === 'draft';
  const onSaved = useCallback((saved: Campaign) => setCampaign(saved), []);
  const draft = useCampaignDraft(initial, editable, onSaved);
  const { fields } = draft;
  const body = payloadOf(fields);
  const live = useLivePreview({
    kind: body.kind,
    subject: body.subject,
    preheader: body.preheader,
    lists: body.lists,
    blocks: body.blocks,
  });
  const readOnly = !editable || draft.state.kind === 'conflict';
  // each attempt to test or send with errors shows them all and goes to the first
  const [revealErrors, setRevealErrors] = useState(0);
  const columnRef = useRef<HTMLDivElement>(null);
  const reveal = useCallback(() => setRevealErrors((n) => n + 1), []);
  useEffect(() => {
    if (revealErrors === 0) return;
    columnRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [revealErrors]);
  const problemCount = (live.preview?.blockErrors.length ?? 0) + (live.preview?.fieldErrors.length ?? 0);
  /** With errors known, a test or a send cannot go: show them all instead, and say so. */
  const readyOrReveal = () => {
    if (!editable || problemCount === 0) return true;
    reveal();
    notifications.show({
      color: 'orange',
      title: t('composerInsert.notReadyTitle'),
      message: t('composerInsert.notReady', { count: problemCount }),
    });
    return false;
  };

  usePageTitle(fields.subject || t('newsletters.list.noSubject'));

  const duplicate = async () => {
    setDuplicating(true);
    try {
      if (editable) await draft.flush();
      const { campaign: copy } = await duplication.mutateAsync({ params: { id: campaign.id } });
      notifications.show({ color: 'teal', message: t('newsletters.list.duplicated') });
      void navigate(`/newsletters/${encodeURIComponent(copy.id)}`);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('newsletters.list.duplicateFailed'),
        message: newsletterError(t, error),
      });
    } finally {
      setDuplicating(false);
    }
  };

  const latest = async () => (await call('GET /api/campaigns/:id', { params: { id: campaign.id } })).campaign;

  const reloadTheirs = async () => {
    const fresh = await latest();
    setCampaign(fresh);
    draft.reset(fresh);
  };

  const overwrite = async () => {
    const fresh = await latest();
    if (fresh.status !== 'draft') {
      // it left the draft state meanwhile (scheduled, sent): nothing to overwrite any more
      setCampaign(fresh);
      draft.reset(fresh);
      return;
    }
    await draft.overwrite(fresh.version);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Anchor component={Link} to="/newsletters" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t('newsletters.composer.back')}
          </Group>
        </Anchor>
        <Group gap="sm" wrap="wrap">
          {editable && <SaveStatus state={draft.state} onRetry={() => void draft.flush()} />}
          <Button
            variant="default"
            leftSection={<IconCopy size={16} aria-hidden />}
            loading={duplicating}
            onClick={() => void duplicate()}
          >
            {t('newsletters.composer.duplicate')}
          </Button>
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            onClick={() => readyOrReveal() && setTesting(true)}
            disabled={draft.state.kind === 'conflict'}
          >
            {t('newsletters.composer.sendTest')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconCalendarTime size={16} aria-hidden />}
            disabled={draft.state.kind === 'conflict'}
            onClick={() =>
              void (async () => {
                if (!readyOrReveal()) return;
                // sending reads the saved campaign: save what is typed first
                if (editable) await draft.flush();
                void navigate(`/campaigns/${campaign.id}`);
              })()
            }
          >
            {t(editable ? 'newsletters.composer.goToSending' : 'newsletters.composer.followSending')}
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {fields.subject || t('newsletters.list.noSubject')}
        </Title>
        <Badge color={CAMPAIGN_STATUS_COLORS[campaign.status]} variant="light" size="lg" tt="none">
          {t(`newsletters.status.${campaign.status}`)}
        </Badge>
        <Badge variant="outline" color="gray" size="lg" tt="none">
          {t(`newsletters.kinds.${fields.kind}`)}
        </Badge>
      </Group>
      {!editable && (
        <Alert color="gray" icon={<IconAlertCircle aria-hidden />}>
          {t('newsletters.composer.readOnly')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md" ref={columnRef}>
            <SettingsPanel
              fields={fields}
              lists={lists}
              readOnly={readOnly}
              errors={live.preview?.fieldErrors ?? []}
              revealErrors={revealErrors}
              onChange={draft.update}
            />
            <section aria-labelledby="campaign-blocks">
              <Title order={2} size="h4" id="campaign-blocks" mb="xs">
                {t('newsletters.composer.blocksTitle')}
              </Title>
              <BlockList
                blocks={fields.blocks}
                errors={live.preview?.blockErrors ?? []}
                readOnly={readOnly}
                revealErrors={revealErrors}
                onChange={(change) => draft.update((current) => ({ blocks: change(current.blocks) }))}
              />
            </section>
            {editable && <PreflightPanel campaignId={campaign.id} version={campaign.version} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <div style={{ position: 'sticky', top: 72 }}>
            <PreviewPanel live={live} onShowErrors={editable ? reveal : undefined} />
          </div>
        </Grid.Col>
      </Grid>
      <TestSendModal
        campaignId={campaign.id}
        opened={testing}
        onClose={() => setTesting(false)}
        beforeSend={() => (editable ? draft.flush() : Promise.resolve(true))}
        onInvalid={() => {
          setTesting(false);
          reveal();
        }}
      />
      <ConflictDialog opened={draft.state.kind === 'conflict'} onReload={reloadTheirs} onOverwrite={overwrite} />
    </Stack>
  );
}

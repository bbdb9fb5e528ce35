import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Menu,
  Modal,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconCopy, IconMail, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createCampaign, deleteCampaign, duplicateCampaign, listCampaigns } from '../../api/endpoints';
import { NEWSLETTER_KINDS, type CampaignSummary, type NewsletterKind } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { useApiData } from '../../hooks/use-api-data';
import { SectionHeader } from '../SectionPage';
import { CAMPAIGN_STATUS_COLORS, formatShortDateTime, newsletterError } from './format';

/** Drafts first (the work in hand), then the others as the server orders them (newest first). */
function ordered(campaigns: CampaignSummary[]): CampaignSummary[] {
  return [...campaigns.filter((c) => c.status === 'draft'), ...campaigns.filter((c) => c.status !== 'draft')];
}

/** /studio/newsletters: the campaigns, a "Nouvelle newsletter" menu, duplicate and delete. */
export function NewslettersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useApiData(() => listCampaigns().then((answer) => ordered(answer.campaigns)));
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<CampaignSummary | null>(null);

  const create = async (kind: NewsletterKind) => {
    setCreating(true);
    try {
      const { campaign } = await createCampaign({ kind });
      void navigate(`/newsletters/${encodeURIComponent(campaign.id)}`);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('newsletters.list.createFailed'),
        message: newsletterError(t, error),
      });
      setCreating(false);
    }
  };

  const duplicate = async (campaign: CampaignSummary) => {
    try {
      const { campaign: copy } = await duplicateCampaign(campaign.id);
      notifications.show({ color: 'teal', message: t('newsletters.list.duplicated') });
      void navigate(`/newsletters/${encodeURIComponent(copy.id)}`);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('newsletters.list.duplicateFailed'),
        message: newsletterError(t, error),
      });
    }
  };

  if (state.status === 'failed') return <LoadError error={state.error} onRetry={state.reload} />;

  const newMenu = (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button
          leftSection={<IconPlus size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          loading={creating}
        >
          {t('newsletters.list.new')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {NEWSLETTER_KINDS.map((kind) => (
          <Menu.Item key={kind} onClick={() => void create(kind)}>
            {t(`newsletters.kinds.${kind}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start">
        <SectionHeader section="newsletters" />
        {state.status === 'ready' && state.data.length > 0 && newMenu}
      </Group>
      {state.status === 'loading' && <Loader aria-label={t('app.loading')} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <EmptyState
          icon={<IconMail aria-hidden />}
          title={t('newsletters.list.emptyTitle')}
          description={t('newsletters.list.emptyBody')}
        >
          <EmptyState.Actions>{newMenu}</EmptyState.Actions>
        </EmptyState>
      )}
      {state.status === 'ready' && state.data.length > 0 && (
        <CampaignTable campaigns={state.data} onDuplicate={(c) => void duplicate(c)} onDelete={setDeleting} />
      )}
      <DeleteModal
        campaign={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          setDeleting(null);
          state.reload();
        }}
      />
    </Stack>
  );
}

type TableProps = {
  campaigns: CampaignSummary[];
  onDuplicate: (c: CampaignSummary) => void;
  onDelete: (c: CampaignSummary) => void;
};

function CampaignTable({ campaigns, onDuplicate, onDelete }: TableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('newsletters.list.subject')}</Table.Th>
            <Table.Th>{t('newsletters.list.kind')}</Table.Th>
            <Table.Th>{t('newsletters.list.lists')}</Table.Th>
            <Table.Th>{t('newsletters.list.status')}</Table.Th>
            <Table.Th>{t('newsletters.list.date')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('newsletters.list.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaigns.map((campaign) => {
            const subject = campaign.subject || t('newsletters.list.noSubject');
            const date = campaign.finishedAt ?? campaign.startedAt ?? campaign.scheduledAt ?? campaign.updatedAt;
            return (
              <Table.Tr key={campaign.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/newsletters/${encodeURIComponent(campaign.id)}`}
                    fw={500}
                    fs={campaign.subject ? undefined : 'italic'}
                  >
                    {subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`newsletters.kinds.${campaign.kind}`)}</Table.Td>
                <Table.Td>{campaign.lists.map((list) => list.name).join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Badge
                    color={CAMPAIGN_STATUS_COLORS[campaign.status]}
                    variant="light"
                    tt="none"
                    style={{ minWidth: 'max-content' }}
                  >
                    {t(`newsletters.status.${campaign.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatShortDateTime(date, i18n.language)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(
                      campaign.finishedAt
                        ? 'newsletters.list.sentOn'
                        : campaign.scheduledAt
                          ? 'newsletters.list.scheduledFor'
                          : 'newsletters.list.updatedOn',
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label={t('newsletters.list.duplicate')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('newsletters.list.duplicateNamed', { subject })}
                        onClick={() => onDuplicate(campaign)}
                      >
                        <IconCopy size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    {campaign.status === 'draft' && (
                      <Tooltip label={t('newsletters.list.delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('newsletters.list.deleteNamed', { subject })}
                          onClick={() => onDelete(campaign)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeleteModal({
  campaign,
  onClose,
  onDeleted,
}: {
  campaign: CampaignSummary | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const confirm = async () => {
    if (!campaign) return;
    setBusy(true);
    setFailure(null);
    try {
      await deleteCampaign(campaign.id);
      notifications.show({ color: 'teal', message: t('newsletters.list.deleted') });
      onDeleted();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={campaign !== null} onClose={onClose} title={t('newsletters.list.deleteTitle')}>
      <Stack gap="md">
        <Text size="sm">
          {t('newsletters.list.deleteBody', { subject: campaign?.subject || t('newsletters.list.noSubject') })}
        </Text>
        {failure !== null && (
          <Text size="sm" c="red" role="alert">
            {newsletterError(t, failure)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {t('newsletters.list.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

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
import type { CampaignSummary } from '@crieur/api';
import { NEWSLETTER_KINDS, type NewsletterKind } from '@crieur/api/enums/campaigns';
import { useApiMutation, useApiQuery, useSingleFlight } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
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
  const query = useApiQuery('GET /api/campaigns');
  const campaigns = query.data && ordered(query.data.campaigns);
  const [deleting, setDeleting] = useState<CampaignSummary | null>(null);
  const open = (id: string) => void navigate(`/newsletters/${encodeURIComponent(id)}`);

  const creation = useApiMutation('POST /api/campaigns', { onSuccess: ({ campaign }) => open(campaign.id) });
  // stays busy after a success: the page changes to the new draft
  const creating = creation.isPending || creation.isSuccess;
  const create = (kind: NewsletterKind) =>
    creation.mutate(
      { body: { kind } },
      {
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: t('newsletters.list.createFailed'),
            message: newsletterError(t, error),
          }),
      },
    );

  const duplication = useApiMutation('POST /api/campaigns/:id/duplicate', {
    onSuccess: ({ campaign: copy }) => {
      notifications.show({ color: 'teal', message: t('newsletters.list.duplicated') });
      open(copy.id);
    },
  });
  const duplicate = (campaign: CampaignSummary) =>
    duplication.mutate(
      { params: { id: campaign.id } },
      {
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: t('newsletters.list.duplicateFailed'),
            message: newsletterError(t, error),
          }),
      },
    );

  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

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
        {campaigns && campaigns.length > 0 && newMenu}
      </Group>
      {!campaigns && <Loader aria-label={t('app.loading')} />}
      {campaigns && campaigns.length === 0 && (
        <EmptyState
          icon={<IconMail aria-hidden />}
          title={t('newsletters.list.emptyTitle')}
          description={t('newsletters.list.emptyBody')}
        >
          <EmptyState.Actions>{newMenu}</EmptyState.Actions>
        </EmptyState>
      )}
      {campaigns && campaigns.length > 0 && (
        <CampaignTable campaigns={campaigns} onDuplicate={duplicate} onDelete={setDeleting} />
      )}
      <DeleteModal campaign={deleting} onClose={() => setDeleting(null)} onDeleted={() => setDeleting(null)} />
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
  // the list reloads once the draft is gone
  const deletion = useApiMutation('DELETE /api/campaigns/:id', {
    invalidates: ['GET /api/campaigns'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('newsletters.list.deleted') });
      onDeleted();
    },
  });
  const deleteOnce = useSingleFlight(deletion.mutate);
  const confirm = () => {
    if (campaign) deleteOnce({ params: { id: campaign.id } });
  };
  return (
    <Modal opened={campaign !== null} onClose={onClose} title={t('newsletters.list.deleteTitle')}>
      <Stack gap="md">
        <Text size="sm">
          {t('newsletters.list.deleteBody', { subject: campaign?.subject || t('newsletters.list.noSubject') })}
        </Text>
        {deletion.isError && (
          <Text size="sm" c="red" role="alert">
            {newsletterError(t, deletion.error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={deletion.isPending} onClick={confirm}>
            {t('newsletters.list.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

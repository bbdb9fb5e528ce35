import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconExternalLink, IconMessage2, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ContributionDetail } from '@crieur/api';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../hooks/use-page-title';
import { useSession } from '../../session/session-context';
import { NotFoundPage } from '../NotFoundPage';
import { AcceptModal, MessageModal, type MessageAction } from './DecisionModals';
import { ContributionEditForm } from './ContributionEditForm';
import { ContributionHistory, ProposerCard, SentFields } from './ContributionParts';
import { dayText, KIND_COLORS, parisDateTime, STATUS_COLORS } from './format';
import { useContribution } from './queries';

/** What staff may do from each status (the server decides; this only hides what it would refuse). */
const CAN = {
  edit: ['pending', 'changes_requested', 'accepted'],
  accept: ['pending', 'changes_requested'],
  request_changes: ['pending'],
  refuse: ['pending', 'changes_requested', 'accepted'],
} as const satisfies Record<string, readonly ContributionDetail['status'][]>;
const can = (step: keyof typeof CAN, status: ContributionDetail['status']) =>
  (CAN[step] as readonly string[]).includes(status);

/** /studio/contributions/:id: what was sent, by whom, what happened to it, and the decisions. */
export function ContributionPage() {
  const { id = '' } = useParams();
  const query = useContribution(id);
  return (
    <QueryView query={query} notFound={<NotFoundPage />}>
      {({ contribution }) => <Contribution key={contribution.id} c={contribution} />}
    </QueryView>
  );
}

function Contribution({ c }: { c: ContributionDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  usePageTitle(c.title);
  const moderator = user?.role === 'editor' || user?.role === 'admin';
  const [editing, setEditing] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const [asking, setAsking] = useState<MessageAction | null>(null);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/contributions" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('contributions.back')}
        </Group>
      </Anchor>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={KIND_COLORS[c.kind]} variant="light" tt="none">
            {t(`contributions.kinds.${c.kind}`)}
          </Badge>
          <Badge color={STATUS_COLORS[c.status]} tt="none" data-testid="contribution-status">
            {t(`contributions.statuses.${c.status}`)}
          </Badge>
          {c.expiredAt && (
            <Badge color="gray" variant="outline" tt="none">
              {t('contributions.expired')}
            </Badge>
          )}
        </Group>
        <Title order={1}>{c.title}</Title>
      </Stack>

      <StatusNotice c={c} />

      {moderator && !editing && (
        <Group gap="sm" role="group" aria-label={t('contributions.actions.label')}>
          {can('accept', c.status) && (
            <Button leftSection={<IconCheck size={18} aria-hidden />} color="green" onClick={() => setAccepting(true)}>
              {t('contributions.actions.accept')}
            </Button>
          )}
          {can('request_changes', c.status) && (
            <Button
              variant="light"
              color="orange"
              leftSection={<IconMessage2 size={18} aria-hidden />}
              onClick={() => setAsking('request_changes')}
            >
              {t('contributions.actions.requestChanges')}
            </Button>
          )}
          {can('refuse', c.status) && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconX size={18} aria-hidden />}
              onClick={() => setAsking('refuse')}
            >
              {c.status === 'accepted' ? t('contributions.actions.takeDown') : t('contributions.actions.refuse')}
            </Button>
          )}
          {can('edit', c.status) && (
            <Button
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('contributions.actions.edit')}
            </Button>
          )}
        </Group>
      )}

      <Group align="flex-start" gap="lg" wrap="wrap">
        <Card withBorder padding="lg" style={{ flex: '2 1 420px', minWidth: 0 }}>
          {editing ? (
            <ContributionEditForm
              c={c}
              onDone={(saved) => {
                setEditing(false);
                if (saved) notifications.show({ color: 'teal', message: t('contributions.edit.saved') });
              }}
            />
          ) : (
            <SentFields c={c} />
          )}
        </Card>
        <Stack gap="lg" style={{ flex: '1 1 280px', minWidth: 0 }}>
          {c.proposer && <ProposerCard c={c} />}
          <Card withBorder padding="lg">
            <ContributionHistory c={c} />
          </Card>
        </Stack>
      </Group>

      <AcceptModal c={c} opened={accepting} onClose={() => setAccepting(false)} />
      <MessageModal c={c} action={asking} onClose={() => setAsking(null)} />
    </Stack>
  );
}

function StatusNotice({ c }: { c: ContributionDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (c.status === 'accepted') {
    const future = c.publishAt && new Date(c.publishAt).getTime() > Date.now();
    return (
      <Alert color="green" title={future ? t('contributions.notice.scheduled') : t('contributions.notice.online')}>
        <Stack gap={4}>
          <Text size="sm">{t('contributions.notice.publishAt', { date: parisDateTime(c.publishAt, lang) })}</Text>
          {c.path && (
            <Anchor href={c.path} target="_blank" rel="noopener" size="sm">
              <Group gap={4} component="span">
                {t('contributions.notice.view')}
                <IconExternalLink size={14} aria-hidden />
              </Group>
            </Anchor>
          )}
        </Stack>
      </Alert>
    );
  }
  if (c.status === 'changes_requested' || c.status === 'refused')
    return (
      <Alert color={c.status === 'refused' ? 'red' : 'orange'} title={t(`contributions.notice.${c.status}`)}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.staffMessage}
        </Text>
        {c.erasedOn && (
          <Text size="sm" mt="xs" c="dimmed">
            {t('contributions.notice.erasedOn', { date: dayText(c.erasedOn, lang) })}
          </Text>
        )}
      </Alert>
    );
  if (c.status === 'withdrawn')
    return (
      <Alert color="gray" title={t('contributions.notice.withdrawn')}>
        {c.erasedOn && <Text size="sm">{t('contributions.notice.erasedOn', { date: dayText(c.erasedOn, lang) })}</Text>}
      </Alert>
    );
  if (c.status === 'unconfirmed') return <Alert color="gray">{t('contributions.notice.unconfirmed')}</Alert>;
  return null;
}

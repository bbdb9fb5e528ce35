import { Badge, Code, EmptyState, Stack, Table, Text, Title } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MailingList } from '@crieur/api';
import { useApiQuery } from '../api/queries';
import { QueryView } from '../components/QueryView';
import { useCurrentUser } from '../session/session-context';
import { SectionHeader } from './SectionPage';
import { QueueDashboardSection } from './campaigns/QueueDashboardSection';
import { AuditSection } from './settings/AuditSection';
import { MyPreferencesSection } from './settings/MyPreferencesSection';
import { IdentityLinkSection } from './settings/IdentityLinkSection';
import { OutboxSection } from './settings/OutboxSection';

export function SettingsPage() {
  const { t } = useTranslation();
  const lists = useApiQuery('GET /api/lists');
  const me = useCurrentUser();

  return (
    <Stack gap="xl">
      <SectionHeader section="settings" />
      <MyPreferencesSection />
      {me.role === 'admin' && <IdentityLinkSection />}
      <section aria-labelledby="settings-lists">
        <Title order={2} size="h3" id="settings-lists" mb="sm">
          {t('settings.listsTitle')}
        </Title>
        <QueryView query={lists}>{(data) => <ListsTable lists={data.lists} />}</QueryView>
      </section>
      {(me.role === 'admin' || me.role === 'sender') && <OutboxSection />}
      {me.role === 'admin' && <QueueDashboardSection />}
      {me.role === 'admin' && <AuditSection />}
    </Stack>
  );
}

function ListsTable({ lists }: { lists: MailingList[] }) {
  const { t } = useTranslation();
  if (lists.length === 0) {
    return (
      <EmptyState
        icon={<IconMailOff aria-hidden />}
        title={t('settings.emptyTitle')}
        description={t('settings.emptyDescription')}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder verticalSpacing="sm" aria-labelledby="settings-lists">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('settings.slug')}</Table.Th>
            <Table.Th scope="col">{t('settings.name')}</Table.Th>
            <Table.Th scope="col">{t('settings.visibility')}</Table.Th>
            <Table.Th scope="col">{t('settings.legalBasis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lists.map((list) => (
            <Table.Tr key={list.id}>
              <Table.Td>
                <Code>{list.slug}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {list.name}
                </Text>
                {list.description && (
                  <Text size="xs" c="dimmed">
                    {list.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={list.visibility === 'public' ? 'teal' : 'gray'}>
                  {t(`settings.visibilityValues.${list.visibility}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{t(`settings.legalBasisValues.${list.legalBasis}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

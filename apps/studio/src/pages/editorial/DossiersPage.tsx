import {
  Alert,
  Anchor,
  Button,
  EmptyState,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFolder, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { errorMessage, fieldErrors } from '../../i18n/error-message';
import { useSession } from '../../session/session-context';
import { SectionHeader } from '../SectionPage';
import { EditorialTabs } from './EditorialTabs';
import { DossierStatusBadge } from './dossier/DossierStatusBadge';
import { formatParisDateTime } from '../../components/schedule/format-paris';
import { formatDate } from './format';

/** /studio/editorial/dossiers: the dossiers and "Nouveau dossier". */
export function DossiersPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const query = useApiQuery('GET /api/dossiers');
  const [creating, create] = useDisclosure(false);
  const mayCreate = user?.role !== 'sender';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <SectionHeader section="editorial" />
        {mayCreate && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={create.open}>
            {t('editorial.dossiers.new')}
          </Button>
        )}
      </Group>
      <EditorialTabs />
      <QueryView query={query}>
        {({ dossiers }) =>
          dossiers.length === 0 ? (
            <EmptyState
              icon={<IconFolder aria-hidden />}
              title={t('editorial.dossiers.emptyTitle')}
              description={t('editorial.dossiers.emptyDescription')}
            />
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table
                striped
                highlightOnHover
                withTableBorder
                verticalSpacing="sm"
                aria-label={t('editorial.dossiers.tableLabel')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('editorial.dossiers.columns.title')}</Table.Th>
                    <Table.Th scope="col">{t('editorial.dossiers.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('editorial.dossiers.columns.articles')}</Table.Th>
                    <Table.Th scope="col">{t('editorial.dossiers.columns.publishedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {dossiers.map((dossier) => (
                    <Table.Tr key={dossier.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/editorial/dossiers/${encodeURIComponent(dossier.id)}`}
                          size="sm"
                          fw={500}
                        >
                          {dossier.title}
                        </Anchor>
                        {dossier.lede && (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {dossier.lede}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <DossierStatusBadge dossier={dossier} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {t('dossierEditor.articlesCount', { count: dossier.articleCount })}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('dossierEditor.publishedCount', { count: dossier.publishedCount })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {dossier.publishedAt
                            ? formatDate(dossier.publishedAt, i18n.language)
                            : dossier.scheduledAt
                              ? t('dossierEditor.scheduledOn', {
                                  date: formatParisDateTime(dossier.scheduledAt, i18n.language),
                                })
                              : '—'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
      {mayCreate && <NewDossierModal opened={creating} onClose={create.close} />}
    </Stack>
  );
}

function NewDossierModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [lede, setLede] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  const create = useApiMutation('POST /api/dossiers', {
    invalidates: ['GET /api/dossiers'],
    onSuccess: ({ dossier }) => navigate(`/editorial/dossiers/${encodeURIComponent(dossier.id)}`),
  });
  const failure = create.error;
  const errors: Record<string, string> = missingTitle ? { title: t('validation.required') } : fieldErrors(failure);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissingTitle(!title.trim());
    if (!title.trim()) {
      create.reset(); // the banner of a previous attempt goes: the field says what is missing
      return;
    }
    create.mutate({
      body: { title: title.trim(), lede: lede.trim() || undefined },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('editorial.dossiers.newTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure !== null && (
            <Alert color="red" role="alert" title={t('editorial.dossiers.failed')}>
              {errorMessage(t, failure)}
            </Alert>
          )}
          <TextInput
            label={t('editorial.dossiers.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Textarea
            label={t('editorial.dossiers.lede')}
            value={lede}
            onChange={(e) => setLede(e.currentTarget.value)}
            error={errors.lede}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || create.isSuccess}>
              {t('editorial.dossiers.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

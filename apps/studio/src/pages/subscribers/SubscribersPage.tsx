import { Button, Group, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { QueryView } from '../../components/QueryView';
import { SectionHeader } from '../SectionPage';
import { AddSubscriberModal } from './AddSubscriberModal';
import { ListCards } from './ListCards';
import { SubscribersBrowser } from './SubscribersBrowser';

export function SubscribersPage() {
  const { t } = useTranslation();
  const query = useApiQuery('GET /api/lists');
  const lists = query.data?.lists ?? null;
  const [adding, add] = useDisclosure(false);

  // a 403 means this role may not see subscribers: "accès refusé" without the header
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start">
        <SectionHeader section="subscribers" />
        <Group gap="sm">
          <Button
            component={Link}
            to="/subscribers/import"
            variant="default"
            leftSection={<IconFileImport size={18} aria-hidden />}
          >
            {t('subscribers.importFile')}
          </Button>
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={add.open} disabled={lists === null}>
            {t('subscribers.add')}
          </Button>
        </Group>
      </Group>
      <section aria-labelledby="subscribers-lists">
        <Title order={2} size="h3" id="subscribers-lists" mb="sm">
          {t('subscribers.listsTitle')}
        </Title>
        <QueryView query={query}>{(data) => <ListCards lists={data.lists} />}</QueryView>
      </section>
      <section aria-labelledby="subscribers-people">
        <Title order={2} size="h3" id="subscribers-people" mb="sm">
          {t('subscribers.peopleTitle')}
        </Title>
        <SubscribersBrowser lists={lists} />
      </section>
      {/* adding someone reloads the counts and the table: the modal's write invalidates both */}
      {lists && <AddSubscriberModal opened={adding} lists={lists} onClose={add.close} />}
    </Stack>
  );
}

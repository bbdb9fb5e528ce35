import { Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { useApiData } from '../../hooks/use-api-data';
import { SectionHeader } from '../SectionPage';
import { AddSubscriberModal } from './AddSubscriberModal';
import { ListCards } from './ListCards';
import { loadLists } from './lists';
import { SubscribersBrowser } from './SubscribersBrowser';

export function SubscribersPage() {
  const { t } = useTranslation();
  const lists = useApiData(loadLists);
  const [adding, add] = useDisclosure(false);
  const [tableGeneration, setTableGeneration] = useState(0);

  // a 403 means this role may not see subscribers: "accès refusé" without the header
  if (lists.status === 'failed') return <LoadError error={lists.error} onRetry={lists.reload} />;

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
          <Button
            leftSection={<IconUserPlus size={18} aria-hidden />}
            onClick={add.open}
            disabled={lists.status !== 'ready'}
          >
            {t('subscribers.add')}
          </Button>
        </Group>
      </Group>
      <section aria-labelledby="subscribers-lists">
        <Title order={2} size="h3" id="subscribers-lists" mb="sm">
          {t('subscribers.listsTitle')}
        </Title>
        {lists.status === 'loading' ? <Loader aria-label={t('app.loading')} /> : <ListCards lists={lists.data} />}
      </section>
      <section aria-labelledby="subscribers-people">
        <Title order={2} size="h3" id="subscribers-people" mb="sm">
          {t('subscribers.peopleTitle')}
        </Title>
        <SubscribersBrowser lists={lists.status === 'ready' ? lists.data : null} reloadKey={tableGeneration} />
      </section>
      {lists.status === 'ready' && (
        <AddSubscriberModal
          opened={adding}
          lists={lists.data}
          onClose={add.close}
          onCreated={() => {
            lists.reload();
            setTableGeneration((n) => n + 1);
          }}
        />
      )}
    </Stack>
  );
}

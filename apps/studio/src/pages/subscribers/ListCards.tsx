import { Badge, Button, Card, EmptyState, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { IconDownload, IconFileImport, IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MailingList } from '@crieur/api';
import { formatNumber } from './format';
import { downloadUrl } from './lists';

/** One card per list: its confirmed subscribers first, then export and import. */
export function ListCards({ lists }: { lists: MailingList[] }) {
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
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
      {lists.map((list) => (
        <ListCard key={list.id} list={list} />
      ))}
    </SimpleGrid>
  );
}

function ListCard({ list }: { list: MailingList }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const titleId = `list-card-${list.slug}`;
  const { confirmed, pending, unsubscribed } = list.counts;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId} data-testid={titleId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Title order={3} size="h4" id={titleId}>
          {list.name}
        </Title>
        <Badge variant="light" color={list.visibility === 'public' ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
          {t(`settings.visibilityValues.${list.visibility}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('subscribers.card.legalBasis', { basis: t(`settings.legalBasisValues.${list.legalBasis}`) })}
      </Text>
      <Group gap={8} align="baseline" mt="md" wrap="nowrap">
        <Text fz={36} fw={700} lh={1} data-testid={`${titleId}-confirmed`}>
          {n(confirmed)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('subscribers.card.confirmed', { count: confirmed })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mt={6} mb="md">
        {t('subscribers.card.pending', { n: n(pending) })} ·{' '}
        {t('subscribers.card.unsubscribed', { count: unsubscribed, n: n(unsubscribed) })}
      </Text>
      <Group gap="xs" mt="auto">
        <Button
          component="a"
          href={downloadUrl('GET /api/lists/:slug/export', { slug: list.slug })}
          download
          variant="light"
          size="xs"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('subscribers.card.export')}
        </Button>
        <Button
          component={Link}
          to={`/subscribers/import?list=${encodeURIComponent(list.slug)}`}
          variant="default"
          size="xs"
          leftSection={<IconFileImport size={16} aria-hidden />}
        >
          {t('subscribers.card.import')}
        </Button>
      </Group>
    </Card>
  );
}

import { Anchor, Group, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Admins' way to Bull Board: a plain link, the server serves it outside the studio's router. */
export function QueueDashboardSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-queues">
      <Title order={2} size="h3" id="settings-queues" mb="sm">
        {t('campaignsPage.queueDashboard.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('campaignsPage.queueDashboard.body')}
      </Text>
      <Anchor href="/studio/queues" target="_blank" rel="noopener">
        <Group gap={4} component="span">
          {t('campaignsPage.queueDashboard.link')}
          <IconExternalLink size={14} aria-hidden />
        </Group>
      </Anchor>
    </section>
  );
}

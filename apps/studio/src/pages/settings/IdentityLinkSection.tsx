import { Button, Group, Text, Title } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganisationName } from '../../hooks/use-organisation-name';

/** Admins: where the association's identity now lives (its own page), with the name as it stands. */
export function IdentityLinkSection() {
  const { t } = useTranslation();
  const name = useOrganisationName();
  return (
    <section aria-labelledby="settings-identity">
      <Title order={2} size="h3" id="settings-identity" mb={4}>
        {t('identity.link.title')}
      </Title>
      <Group justify="space-between" align="center" gap="sm" maw={760}>
        <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 240 }}>
          {name ? t('identity.link.named', { organisation: name }) : t('identity.link.unnamed')}
        </Text>
        <Button component={Link} to="/settings/identity" variant="light" leftSection={<IconId size={16} aria-hidden />}>
          {t('identity.link.open')}
        </Button>
      </Group>
    </section>
  );
}

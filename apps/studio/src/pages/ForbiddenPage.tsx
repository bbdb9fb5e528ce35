import { Button, EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../hooks/use-page-title';

export function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <EmptyState mt="xl" icon={<IconLock aria-hidden />} variant="light" color="red">
      <EmptyState.Title order={1}>{t('forbidden.title')}</EmptyState.Title>
      <EmptyState.Description>{t('forbidden.body')}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/">
          {t('common.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

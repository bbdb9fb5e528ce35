import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { errorMessage } from '../i18n/error-message';
import { ForbiddenPage } from '../pages/ForbiddenPage';

/** What a page shows when its data did not load: "accès refusé" on 403, else the message and a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'FORBIDDEN') return <ForbiddenPage />;
  return (
    <Alert color="red" title={t('loadFailed')} role="alert">
      {errorMessage(t, error)}
      <Group mt="sm">
        <Button variant="light" color="red" size="xs" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Group>
    </Alert>
  );
}

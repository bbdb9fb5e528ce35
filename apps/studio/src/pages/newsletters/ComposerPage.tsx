import { Button, EmptyState, Loader } from '@mantine/core';
import { IconFileUnknown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { getCampaign } from '../../api/endpoints';
import { LoadError } from '../../components/LoadError';
import { useApiData } from '../../hooks/use-api-data';
import { loadLists } from '../subscribers/lists';
import { Composer } from './Composer';

/** /studio/newsletters/:id: loads the campaign and the lists, then the composer. */
export function ComposerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const state = useApiData(
    () => Promise.all([getCampaign(id), loadLists()]).then(([answer, lists]) => ({ campaign: answer.campaign, lists })),
    id,
  );

  if (state.status === 'loading') return <Loader aria-label={t('app.loading')} />;
  if (state.status === 'failed') {
    if (state.error instanceof ApiError && state.error.code === 'NOT_FOUND')
      return (
        <EmptyState
          icon={<IconFileUnknown aria-hidden />}
          title={t('newsletters.composer.notFoundTitle')}
          description={t('newsletters.composer.notFoundBody')}
        >
          <EmptyState.Actions>
            <Button component={Link} to="/newsletters" variant="light">
              {t('newsletters.composer.back')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      );
    return <LoadError error={state.error} onRetry={state.reload} />;
  }
  return <Composer key={id} initial={state.data.campaign} lists={state.data.lists} />;
}

import { Button, EmptyState, Loader } from '@mantine/core';
import { IconFileUnknown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { Composer } from './Composer';

/** /studio/newsletters/:id: loads the campaign and the lists, then the composer. */
export function ComposerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const campaign = useApiQuery('GET /api/campaigns/:id', { params: { id } });
  const lists = useApiQuery('GET /api/lists');

  const notFound = (
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
  // the composer starts from the server's latest copy, not a cached one: someone may have saved or sent it since
  if (campaign.isFetching && !campaign.isFetchedAfterMount) return <Loader aria-label={t('app.loading')} />;
  return (
    <QueryView query={campaign} notFound={notFound}>
      {(answer) => (
        <QueryView query={lists}>
          {({ lists: all }) => <Composer key={id} initial={answer.campaign} lists={all} />}
        </QueryView>
      )}
    </QueryView>
  );
}

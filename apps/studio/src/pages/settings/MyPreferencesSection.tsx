import { Switch, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { errorMessage } from '../../i18n/error-message';

/** The signed-in person's own settings: review emails on or off (users.notify_review). */
export function MyPreferencesSection() {
  const { t } = useTranslation();
  const preferences = useApiQuery('GET /api/session/preferences');
  const save = useApiMutation('PATCH /api/session/preferences', {
    invalidates: ['GET /api/session/preferences'],
    onSuccess: ({ preferences: p }) =>
      void notifications.show({
        color: 'teal',
        message: `${t('myPreferences.saved')} ${t(p.notifyReview ? 'myPreferences.on' : 'myPreferences.off')}`,
      }),
  });
  return (
    <section aria-labelledby="settings-mine">
      <Title order={2} size="h3" id="settings-mine" mb="sm">
        {t('myPreferences.title')}
      </Title>
      <QueryView query={preferences}>
        {({ preferences: p }) => (
          <Switch
            checked={save.isPending ? !p.notifyReview : p.notifyReview}
            disabled={save.isPending}
            onChange={(event) =>
              save.mutate(
                { body: { notifyReview: event.currentTarget.checked } },
                { onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }) },
              )
            }
            label={t('myPreferences.notifyReview')}
            description={t('myPreferences.notifyReviewHelp')}
            size="md"
            maw={720}
          />
        )}
      </QueryView>
    </section>
  );
}

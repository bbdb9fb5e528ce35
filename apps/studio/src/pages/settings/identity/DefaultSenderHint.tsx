import { Anchor } from '@mantine/core';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { SessionContext } from '../../../session/session-context';

/** The From name a campaign gets when its own is empty: the identity's sender name, else the association's name. */
export function useDefaultSenderName(): string {
  const organisation = useApiQuery('GET /api/organisation', undefined, { staleTime: 60_000 });
  const o = organisation.data?.organisation;
  return (o?.senderName.trim() || o?.name.trim()) ?? '';
}

/** The composer's sender-name hint: the real default, or where an admin sets one. */
export function DefaultSenderHint({ name }: { name: string }) {
  const { t } = useTranslation();
  // read softly: the composer's tests may render the panel without a session
  const role = useContext(SessionContext)?.user?.role;
  if (name) return <>{t('identity.sender.hint', { name })}</>;
  if (role !== 'admin') return <>{t('identity.sender.noneAskAdmin')}</>;
  return (
    <>
      {t('identity.sender.none')}{' '}
      <Anchor component={Link} to="/settings/identity" size="xs">
        {t('identity.sender.setIt')}
      </Anchor>
    </>
  );
}

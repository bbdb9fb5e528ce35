import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisationName } from './use-organisation-name';

/** Sets the browser tab title to "<title> — <the association's name>" ("<title> — Studio" until it has one). */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const organisation = useOrganisationName();
  useEffect(() => {
    document.title = organisation ? t('app.pageTitle', { title, organisation }) : t('app.pageTitleNoName', { title });
  }, [t, title, organisation]);
}

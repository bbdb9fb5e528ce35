import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  { value: '/editorial', key: 'articles' },
  { value: '/editorial/dossiers', key: 'dossiers' },
  { value: '/editorial/calendar', key: 'calendar' },
] as const;

/** Articles · Dossiers · Calendrier: real links (middle click opens a tab), styled as tabs. */
export function EditorialTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = pathname.startsWith('/editorial/dossiers')
    ? '/editorial/dossiers'
    : pathname.startsWith('/editorial/calendar')
      ? '/editorial/calendar'
      : '/editorial';
  return (
    <Tabs value={active} onChange={(value) => value && navigate(value)} activateTabWithKeyboard={false}>
      <Tabs.List aria-label={t('editorial.tabs.label')}>
        {TABS.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {t(`editorial.tabs.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

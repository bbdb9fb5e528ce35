import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  { value: '/growth', key: 'subscribers' },
  { value: '/growth/campaigns', key: 'campaigns' },
  { value: '/growth/report', key: 'report' },
] as const;

/** Abonné·es · Campagnes · Rapport annuel, styled as tabs, each its own address. */
export function GrowthTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = TABS.slice(1).find((tab) => pathname.startsWith(tab.value))?.value ?? '/growth';
  return (
    <Tabs
      value={active}
      onChange={(value) => value && navigate(value)}
      activateTabWithKeyboard={false}
      className="growth-no-print"
    >
      <Tabs.List aria-label={t('growth.tabs.label')}>
        {TABS.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {t(`growth.tabs.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

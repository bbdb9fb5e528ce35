import { Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LegalPage, Organisation } from '@crieur/api';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { SectionHeader } from '../SectionPage';
import { LegalPageForm } from './legal/LegalPageForm';

/** « Pages légales » (admins): mentions légales, confidentialité and contact, one tab each. */
export function LegalPagesPage() {
  const { t } = useTranslation();
  const pages = useApiQuery('GET /api/legal-pages');
  const organisation = useApiQuery('GET /api/organisation');
  return (
    <Stack gap="lg">
      <SectionHeader section="legal" />
      <Text size="sm" c="dimmed" maw={760}>
        {t('legal.intro')}
      </Text>
      <QueryView query={pages}>
        {(data) =>
          organisation.data ? <LegalTabs pages={data.pages} organisation={organisation.data.organisation} /> : null
        }
      </QueryView>
    </Stack>
  );
}

function LegalTabs({ pages, organisation }: { pages: LegalPage[]; organisation: Organisation }) {
  const { t } = useTranslation();
  // every tab stays mounted: switching pages keeps what was typed in the others
  return (
    <Tabs defaultValue={pages[0]?.slug} keepMounted>
      <Tabs.List mb="lg">
        {pages.map((page) => (
          <Tabs.Tab key={page.slug} value={page.slug}>
            {t(`legal.tabs.${page.slug}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {pages.map((page) => (
        <Tabs.Panel key={page.slug} value={page.slug}>
          <LegalPageForm page={page} organisation={organisation} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

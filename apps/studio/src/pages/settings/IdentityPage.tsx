import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NewsletterBranding, Organisation } from '@crieur/api';
import { NEWSLETTER_KINDS } from '@crieur/api/enums/campaigns';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { SectionHeader } from '../SectionPage';
import { BrandingForm } from './identity/BrandingForm';
import { OrganisationForm } from './identity/OrganisationForm';

/** « Identité » (admins): the association's identity and each newsletter's branding, as readers will see them. */
export function IdentityPage() {
  const { t } = useTranslation();
  const organisation = useApiQuery('GET /api/organisation');
  const brandings = useApiQuery('GET /api/newsletters/branding');
  return (
    <Stack gap="xl">
      <SectionHeader section="identity" />
      <section aria-labelledby="identity-organisation" id="organisation">
        <Title order={2} size="h3" id="identity-organisation" mb={4}>
          {t('identity.organisation.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md" maw={760}>
          {t('identity.organisation.intro')}
        </Text>
        <QueryView query={organisation}>{(data) => <OrganisationForm organisation={data.organisation} />}</QueryView>
      </section>
      <section aria-labelledby="identity-newsletters">
        <Title order={2} size="h3" id="identity-newsletters" mb={4}>
          {t('identity.branding.sectionTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md" maw={760}>
          {t('identity.branding.intro')}
        </Text>
        <QueryView query={brandings}>
          {(data) =>
            organisation.data ? (
              <NewsletterTabs brandings={data.brandings} organisation={organisation.data.organisation} />
            ) : null
          }
        </QueryView>
      </section>
    </Stack>
  );
}

function NewsletterTabs({ brandings, organisation }: { brandings: NewsletterBranding[]; organisation: Organisation }) {
  const { t } = useTranslation();
  const byKind = new Map(brandings.map((b) => [b.kind, b]));
  const kinds = NEWSLETTER_KINDS.filter((kind) => byKind.has(kind));
  // every tab stays mounted: switching newsletters keeps what was typed in the others
  return (
    <Tabs defaultValue={kinds[0]} keepMounted>
      <Tabs.List mb="lg">
        {kinds.map((kind) => (
          <Tabs.Tab key={kind} value={kind}>
            {t(`identity.kinds.${kind}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {kinds.map((kind) => (
        <Tabs.Panel key={kind} value={kind}>
          <BrandingForm branding={byKind.get(kind)!} organisation={organisation} label={t(`identity.kinds.${kind}`)} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

import { Box, Image, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BODY_TEXT, isHexColour } from '@crieur/api/contrast';
import type { IdentityImage, TitleFont } from '@crieur/api';

export type PreviewBranding = {
  title: string;
  kicker: string;
  tagline: string;
  accent: string;
  tint: string;
  titleFont: TitleFont;
  banner: IdentityImage | null;
  identity: string;
  notice: string;
};

export type PreviewOrganisation = { name: string; postalAddress: string; logo: IdentityImage | null };

// the newsletters' own stacks (packages/newsletter): what readers' mail apps have without web fonts
const FONTS: Record<TitleFont, string> = {
  sans: 'Helvetica, Arial, sans-serif',
  serif: "Georgia, 'Times New Roman', serif",
};
const FOOTER_BG = '#eef0f3';
const MUTED = '#4a5160';

/**
 * The top and bottom of a letter as readers will see them, drawn with the templates' colours and sizes
 * (templates/newsletters/partials: banner, notice, footer), at most 600 px wide like the email.
 */
export function MastheadPreview({
  branding,
  organisation,
}: {
  branding: PreviewBranding;
  organisation: PreviewOrganisation;
}) {
  const { t } = useTranslation();
  const accent = isHexColour(branding.accent) ? branding.accent : '#888888';
  const tint = isHexColour(branding.tint) ? branding.tint : '#f3f3f3';
  return (
    <Box
      component="figure"
      m={0}
      maw={600}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }}
      aria-label={t('identity.preview.label')}
    >
      {branding.banner && <Image src={branding.banner.url} alt={branding.banner.alt} w="100%" fit="cover" mah={200} />}
      <Box bg={accent} px={24} pt={28} pb={24} c="#ffffff">
        {branding.kicker && (
          <Text fz={12} tt="uppercase" style={{ letterSpacing: 1 }} mb={8} c="#ffffff">
            {branding.kicker}
          </Text>
        )}
        <Text
          component="p"
          m={0}
          fw={700}
          fz={30}
          lh={1.15}
          c="#ffffff"
          style={{ fontFamily: FONTS[branding.titleFont], overflowWrap: 'anywhere' }}
        >
          {branding.title || t('identity.preview.noTitle')}
        </Text>
        {branding.tagline && (
          <Text fz={15} mt={8} c="#ffffff">
            {branding.tagline}
          </Text>
        )}
      </Box>
      {branding.notice && (
        <Box bg={tint} px={24} py={12}>
          <Text fz={14} c={BODY_TEXT}>
            {branding.notice}
          </Text>
        </Box>
      )}
      <Box bg="#ffffff" px={24} py={16}>
        <Text fz={14} c={MUTED} fs="italic">
          {t('identity.preview.body')}
        </Text>
      </Box>
      <Box bg={FOOTER_BG} px={24} py={20} ta="center">
        {organisation.logo && (
          <Image
            src={organisation.logo.url}
            alt={organisation.logo.alt}
            h={40}
            w="auto"
            fit="contain"
            mx="auto"
            mb={8}
          />
        )}
        <Text fz={13} fw={700} c={BODY_TEXT}>
          {organisation.name || t('identity.preview.noName')}
        </Text>
        {branding.identity && (
          <Text fz={13} c={MUTED} mt={4}>
            {branding.identity}
          </Text>
        )}
        {organisation.postalAddress && (
          <Text fz={13} c={MUTED} mt={4} style={{ whiteSpace: 'pre-line' }}>
            {organisation.postalAddress}
          </Text>
        )}
        <Text fz={13} c={BODY_TEXT} mt={8} td="underline">
          {t('identity.preview.links')}
        </Text>
      </Box>
    </Box>
  );
}

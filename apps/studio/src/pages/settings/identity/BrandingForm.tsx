import {
  Alert,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { accentProblem, isHexColour, tintProblem } from '@crieur/api/contrast';
import type { IdentityImage, NewsletterBranding, TitleFont } from '@crieur/api';
import { useApiMutation } from '../../../api/queries';
import { errorMessage, fieldErrors } from '../../../i18n/error-message';
import { ColourField } from './ColourField';
import { ImageField } from './ImageField';
import { MastheadPreview, type PreviewOrganisation } from './MastheadPreview';
import { useUnsavedGuard } from './use-unsaved-guard';

type Values = {
  title: string;
  kicker: string;
  tagline: string;
  accent: string;
  tint: string;
  titleFont: TitleFont;
  banner: IdentityImage | null;
  identity: string;
  notice: string;
  welcomeText: string;
};

const valuesOf = ({ kind: _kind, updatedAt: _at, ...values }: NewsletterBranding): Values => values;

// dark enough for white text, light enough under #1f2430: a start, any other colour may be typed
const ACCENTS = ['#1b4d89', '#1f5c3f', '#7a1f3d', '#5b3f8c', '#8a4b08', '#2f3b4c'];
const TINTS = ['#e8eef7', '#e6f1ea', '#f5e9ed', '#efeaf7', '#fbf0e1', '#eef0f3'];
const SERVER_FIELDS: Record<string, keyof Values> = { bannerMediaId: 'banner' };

const colourRule = (problem: (hex: string) => string | null, invalid: string) => (v: string) =>
  isHexColour(v.trim()) ? (problem(v.trim()) ?? undefined) : invalid;

type Props = { branding: NewsletterBranding; organisation: PreviewOrganisation; label: string };

/** One newsletter's masthead, colours, banner, footer line, notice and welcome text, beside a live preview. */
export function BrandingForm({ branding, organisation, label }: Props) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: valuesOf(branding),
    validateInputOnBlur: true,
    validate: {
      title: (v) => (v.trim() ? undefined : t('identity.branding.titleRequired')),
      // the same sentences as the server's refusal, ratio included
      accent: colourRule(accentProblem, t('identity.branding.colourInvalid')),
      tint: colourRule(tintProblem, t('identity.branding.colourInvalid')),
    },
  });
  const dirty = form.isDirty();
  useUnsavedGuard(dirty);

  const save = useApiMutation('PUT /api/newsletters/:kind/branding', {
    invalidates: ['GET /api/audit'],
    onSuccess: (data) => {
      const saved = valuesOf(data.branding);
      form.setInitialValues(saved);
      form.setValues(saved);
      form.resetDirty(saved);
      notifications.show({ color: 'teal', message: t('identity.branding.saved', { newsletter: label }) });
    },
  });
  const unplaced =
    save.error && Object.keys(fieldErrors(save.error)).length === 0 ? errorMessage(t, save.error) : undefined;

  const submit = form.onSubmit(({ banner, ...v }) =>
    save.mutate(
      {
        params: { kind: branding.kind },
        body: {
          ...v,
          title: v.title.trim(),
          accent: v.accent.trim(),
          tint: v.tint.trim(),
          bannerMediaId: banner?.id ?? null,
        },
      },
      {
        onError: (error) =>
          form.setErrors(
            Object.fromEntries(Object.entries(fieldErrors(error)).map(([k, m]) => [SERVER_FIELDS[k] ?? k, m])),
          ),
      },
    ),
  );
  const colourProps = (field: 'accent' | 'tint') => {
    const { value, onChange, onBlur, error } = form.getInputProps(field);
    return { value: value as string, onChange, onBlur, error: error as string | undefined };
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('identity.branding.formLabel', { newsletter: label })}>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            {unplaced && (
              <Alert color="red" role="alert">
                {unplaced}
              </Alert>
            )}
            <TextInput
              label={t('identity.branding.title')}
              withAsterisk
              maxLength={120}
              {...form.getInputProps('title')}
            />
            <TextInput
              label={t('identity.branding.kicker')}
              description={t('identity.branding.kickerHint')}
              maxLength={160}
              {...form.getInputProps('kicker')}
            />
            <TextInput label={t('identity.branding.tagline')} maxLength={200} {...form.getInputProps('tagline')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <ColourField
                label={t('identity.branding.accent')}
                description={t('identity.branding.accentHint')}
                carries="white"
                swatches={ACCENTS}
                {...colourProps('accent')}
              />
              <ColourField
                label={t('identity.branding.tint')}
                description={t('identity.branding.tintHint')}
                carries="text"
                swatches={TINTS}
                {...colourProps('tint')}
              />
            </SimpleGrid>
            <Radio.Group label={t('identity.branding.titleFont')} {...form.getInputProps('titleFont')}>
              <Group gap="lg" mt={6}>
                <Radio value="sans" label={t('identity.branding.fontSans')} />
                <Radio value="serif" label={t('identity.branding.fontSerif')} />
              </Group>
            </Radio.Group>
            <ImageField
              shape="banner"
              label={t('identity.branding.banner')}
              description={t('identity.branding.bannerHint')}
              empty={t('identity.branding.bannerEmpty')}
              pickTitle={t('identity.branding.bannerPick', { newsletter: label })}
              value={form.values.banner}
              onChange={(banner) => form.setFieldValue('banner', banner)}
              error={form.errors.banner as string | undefined}
            />
            <TextInput
              label={t('identity.branding.identity')}
              description={t('identity.branding.identityHint')}
              maxLength={300}
              {...form.getInputProps('identity')}
            />
            <Textarea
              label={t('identity.branding.notice')}
              description={t('identity.branding.noticeHint')}
              autosize
              minRows={2}
              maxLength={500}
              {...form.getInputProps('notice')}
            />
            <Textarea
              label={t('identity.branding.welcomeText')}
              description={t('identity.branding.welcomeTextHint')}
              placeholder={t('identity.branding.welcomeTextPlaceholder')}
              autosize
              minRows={4}
              maxRows={12}
              maxLength={2000}
              {...form.getInputProps('welcomeText')}
            />
            <Group gap="sm">
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                {t('identity.branding.save', { newsletter: label })}
              </Button>
              {dirty && (
                <Badge color="yellow" variant="light" size="lg">
                  {t('identity.unsaved')}
                </Badge>
              )}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          {/* beside the form on wide screens, the preview follows the scroll (under the 56 px header) */}
          <Box pos="sticky" top={72}>
            <Title order={3} size="h5" mb={4}>
              {t('identity.preview.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('identity.preview.intro')}
            </Text>
            <MastheadPreview branding={form.values} organisation={organisation} />
          </Box>
        </Grid.Col>
      </Grid>
    </form>
  );
}

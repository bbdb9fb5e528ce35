import { MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignFieldError, MailingList } from '@crieur/api';
import { NEWSLETTER_KINDS, type NewsletterKind } from '@crieur/api/enums/campaigns';
import { DefaultSenderHint, useDefaultSenderName } from '../settings/identity/DefaultSenderHint';
import type { DraftFields } from './use-campaign-draft';

type Props = {
  fields: DraftFields;
  lists: MailingList[];
  readOnly: boolean;
  /** What the last preview said of the subject and preheader. */
  errors: CampaignFieldError[];
  onChange: (patch: Partial<DraftFields>) => void;
  /** Grows each time every error must show (a test or a send was attempted). */
  revealErrors?: number;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Subject, preheader, sender and audience of the campaign. */
export function SettingsPanel({ fields, lists, readOnly, errors, onChange, revealErrors = 0 }: Props) {
  const { t } = useTranslation();
  // a field's error shows once it was left, or once a test or send was attempted
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touch = (path: string) => () => setTouched((current) => new Set([...current, path]));
  const shows = (path: string) => revealErrors > 0 || touched.has(path);
  const defaultSender = useDefaultSenderName();
  const errorOf = (path: string) => errors.find((error) => error.path === path)?.message;
  const replyToError =
    fields.replyTo.trim() && !EMAIL.test(fields.replyTo.trim()) ? t('newsletters.settings.replyToInvalid') : undefined;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="campaign-settings">
      <Stack gap="sm">
        <Text fw={600} id="campaign-settings" component="h2" size="lg" m={0}>
          {t('newsletters.settings.title')}
        </Text>
        <TextInput
          label={t('newsletters.settings.subject')}
          description={t('newsletters.settings.subjectHint')}
          value={fields.subject}
          onChange={(event) => onChange({ subject: event.currentTarget.value })}
          onBlur={touch('subject')}
          error={shows('subject') ? errorOf('subject') : undefined}
          readOnly={readOnly}
          maxLength={200}
          withAsterisk
        />
        <TextInput
          label={t('newsletters.settings.preheader')}
          description={t('newsletters.settings.preheaderHint')}
          value={fields.preheader}
          onChange={(event) => onChange({ preheader: event.currentTarget.value })}
          onBlur={touch('preheader')}
          error={shows('preheader') ? errorOf('preheader') : undefined}
          readOnly={readOnly}
          maxLength={200}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('newsletters.settings.fromName')}
            description={<DefaultSenderHint name={defaultSender} />}
            placeholder={defaultSender || undefined}
            value={fields.fromName}
            onChange={(event) => onChange({ fromName: event.currentTarget.value })}
            readOnly={readOnly}
            maxLength={100}
          />
          <TextInput
            label={t('newsletters.settings.replyTo')}
            description={t('newsletters.settings.replyToHint')}
            type="email"
            value={fields.replyTo}
            onChange={(event) => onChange({ replyTo: event.currentTarget.value })}
            onBlur={touch('replyTo')}
            error={shows('replyTo') ? replyToError : undefined}
            readOnly={readOnly}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('newsletters.settings.kind')}
            description={t('newsletters.settings.kindHint')}
            data={NEWSLETTER_KINDS.map((kind) => ({ value: kind, label: t(`newsletters.kinds.${kind}`) }))}
            value={fields.kind}
            allowDeselect={false}
            onChange={(value) => value && onChange({ kind: value as NewsletterKind })}
            readOnly={readOnly}
          />
          <MultiSelect
            label={t('newsletters.settings.lists')}
            description={t('newsletters.settings.listsHint')}
            data={lists.map((list) => ({ value: list.slug, label: list.name }))}
            value={fields.lists}
            onChange={(value) => onChange({ lists: value })}
            readOnly={readOnly}
            error={fields.lists.length === 0 ? t('newsletters.settings.listsRequired') : undefined}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

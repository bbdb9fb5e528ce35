import { Anchor, Box, Card, Image, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionDetail } from '@crieur/api';
import { JOB_CONTRACT_LABELS } from '@crieur/api/enums/contributions';
import { dayText, parisDateTime } from './format';

// the proposer's own steps and the system's carry no staff name
const PROPOSER_STEPS = new Set(['proposed', 'confirmed', 'resubmitted', 'withdrawn']);

// label and value side by side when there is room, the value under its label on a phone
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        columnGap: 'var(--mantine-spacing-md)',
        rowGap: 2,
        padding: '8px 0',
        borderBottom: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <Text component="dt" size="sm" fw={600} style={{ flex: '0 0 11rem' }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ flex: '1 1 16rem', minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Box>
  );
}

/** Everything the proposer sent (as edited since), their text shown as typed: plain text, escaped by React. */
export function SentFields({ c }: { c: ContributionDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? t('contributions.yes') : t('contributions.no'));
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('contributions.sent')}
      </Title>
      <Box component="dl" m={0}>
        <Field label={t('contributions.fields.title')}>{c.title}</Field>
        {c.kind === 'event' && (
          <>
            <Field label={t('contributions.fields.startsAt')}>{parisDateTime(c.startsAt, lang) ?? '—'}</Field>
            <Field label={t('contributions.fields.endsAt')}>{parisDateTime(c.endsAt, lang) ?? '—'}</Field>
            <Field label={t('contributions.fields.online')}>{yesNo(c.online)}</Field>
            <Field label={t('contributions.fields.place')}>{c.place || '—'}</Field>
            <Field label={t('contributions.fields.organiser')}>{c.organiser || '—'}</Field>
          </>
        )}
        {c.kind === 'job' && (
          <>
            <Field label={t('contributions.fields.organisation')}>{c.organisation || '—'}</Field>
            <Field label={t('contributions.fields.contractType')}>
              {c.contractType ? JOB_CONTRACT_LABELS[c.contractType] : '—'}
            </Field>
            <Field label={t('contributions.fields.place')}>{c.place || '—'}</Field>
            <Field label={t('contributions.fields.remote')}>{yesNo(c.remote)}</Field>
            <Field label={t('contributions.fields.closesOn')}>{dayText(c.closesOn, lang) ?? '—'}</Field>
          </>
        )}
        {c.kind === 'news' && <Field label={t('contributions.fields.organisation')}>{c.organisation || '—'}</Field>}
        <Field label={t('contributions.fields.url')}>
          {c.url ? (
            <Anchor href={c.url} target="_blank" rel="noopener noreferrer nofollow" style={{ wordBreak: 'break-all' }}>
              {c.url}
            </Anchor>
          ) : (
            '—'
          )}
        </Field>
        <Field label={t('contributions.fields.description')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>
        </Field>
        {c.image && (
          <Field label={t('contributions.fields.image')}>
            <Stack gap={4} component="span">
              <Image src={c.image.url} alt={c.image.alt} maw={320} radius="sm" />
              <Text size="xs" c="dimmed">
                {c.image.alt ? t('contributions.fields.imageAlt', { alt: c.image.alt }) : t('contributions.noAlt')}
              </Text>
            </Stack>
          </Field>
        )}
      </Box>
    </Stack>
  );
}

/** Who proposed it and their consent to be contacted about it (moderators only). */
export function ProposerCard({ c }: { c: ContributionDetail }) {
  const { t, i18n } = useTranslation();
  if (!c.proposer) return null;
  return (
    <Card withBorder padding="lg">
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('contributions.proposer.title')}
        </Title>
        <Text size="sm" fw={500}>
          {c.proposer.name || t('contributions.proposer.noName')}
        </Text>
        {c.proposer.email ? (
          <Anchor href={`mailto:${c.proposer.email}`} size="sm" style={{ wordBreak: 'break-all' }}>
            {c.proposer.email}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {t('contributions.proposer.gone')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('contributions.proposer.consent', { date: parisDateTime(c.proposer.consentAt, i18n.language) })}
        </Text>
      </Stack>
    </Card>
  );
}

/** The proposal's life, oldest first: who did what, with the messages sent. */
export function ContributionHistory({ c }: { c: ContributionDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('contributions.history.title')}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={c.history.length - 1}>
        {c.history.map((e) => (
          <Timeline.Item key={e.id} title={t(`contributions.history.types.${e.type}`)}>
            <Text size="xs" c="dimmed">
              {parisDateTime(e.at, i18n.language)}
              {' · '}
              {e.actor ??
                (PROPOSER_STEPS.has(e.type)
                  ? t('contributions.history.byProposer')
                  : t('contributions.history.bySystem'))}
            </Text>
            {e.message && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {e.message}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

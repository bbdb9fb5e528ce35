import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecipientStatus } from '@crieur/api';
import { useApiQuery } from '../../api/queries';
import { errorMessage } from '../../i18n/error-message';
import { formatCount, formatParisDateTime, reasonText } from './format';

const RECIPIENT_COLORS: Record<RecipientStatus, string> = {
  queued: 'blue',
  sending: 'indigo',
  sent: 'teal',
  failed: 'red',
  skipped: 'gray',
  uncertain: 'orange',
};

/** "Est-ce que Marie l’a reçue ?": one address's row in the ledger. */
export function RecipientLookup({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  // the address asked for: the lookup runs once it is submitted, and again on each submit
  const [asked, setAsked] = useState<string | null>(null);
  const lookup = useApiQuery(
    'GET /api/campaigns/:id/recipients',
    { params: { id: campaignId }, query: { email: asked ?? '' } },
    { enabled: asked !== null },
  );
  const busy = lookup.isFetching;
  const failure = lookup.isError ? lookup.error : null;
  const result = asked !== null && lookup.isSuccess ? { email: asked, recipient: lookup.data.recipient } : null;

  const search = () => {
    const wanted = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(wanted)) return setInvalid(true);
    if (wanted === asked) void lookup.refetch();
    else setAsked(wanted);
  };

  const r = result?.recipient;
  return (
    <section aria-labelledby="campaign-lookup">
      <Title order={2} size="h3" id="campaign-lookup" mb="sm">
        {t('campaignsPage.lookup.title')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          search();
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('campaignsPage.lookup.email')}
            description={t('campaignsPage.lookup.hint')}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setInvalid(false);
            }}
            error={invalid ? t('campaignsPage.lookup.invalid') : null}
            style={{ flex: '1 1 260px', maxWidth: 420 }}
          />
          <Button type="submit" loading={busy} leftSection={<IconSearch size={16} aria-hidden />}>
            {t('campaignsPage.lookup.submit')}
          </Button>
        </Group>
      </form>
      <div aria-live="polite">
        {failure !== null && (
          <Alert color="red" mt="md" role="alert">
            {errorMessage(t, failure)}
          </Alert>
        )}
        {result && !r && (
          <Text mt="md" c="dimmed">
            {t('campaignsPage.lookup.notFound', { email: result.email })}
          </Text>
        )}
        {result && r && (
          <Paper withBorder p="md" mt="md" radius="md">
            <Stack gap="xs">
              <Group gap="sm">
                <Text fw={600} style={{ wordBreak: 'break-all' }}>
                  {result.email}
                </Text>
                <Badge color={RECIPIENT_COLORS[r.status]} variant="light" tt="none">
                  {t(`campaignsPage.lookup.statusValues.${r.status}`)}
                </Badge>
              </Group>
              <Table variant="vertical" withTableBorder={false} layout="fixed">
                <Table.Tbody>
                  <Row label={t('campaignsPage.lookup.attempts')} value={formatCount(r.attempts, i18n.language)} />
                  {r.sentAt && (
                    <Row
                      label={t('campaignsPage.lookup.sentAt')}
                      value={formatParisDateTime(r.sentAt, i18n.language)}
                    />
                  )}
                  <Row
                    label={t('campaignsPage.lookup.updatedAt')}
                    value={formatParisDateTime(r.updatedAt, i18n.language)}
                  />
                  {r.response && <Row label={t('campaignsPage.lookup.reply')} value={<Code>{r.response}</Code>} />}
                  {r.error && (
                    <Row
                      label={t('campaignsPage.lookup.error')}
                      value={<Code color="red.1">{reasonText(t, r.error)}</Code>}
                    />
                  )}
                  <Row label={t('campaignsPage.lookup.messageId')} value={<Code>{r.messageId}</Code>} />
                </Table.Tbody>
              </Table>
            </Stack>
          </Paper>
        )}
      </div>
    </section>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={{ base: 130, sm: 220 }} scope="row">
        {label}
      </Table.Th>
      <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
    </Table.Tr>
  );
}

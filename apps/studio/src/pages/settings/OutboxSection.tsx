import { Alert, EmptyState, Table, Text, Title } from '@mantine/core';
import { IconMailbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { formatDateTime } from '../users/format';

/** Without SMTP_URL every email is a file in DATA_DIR/outbox: staff can see what went out. */
export function OutboxSection() {
  const { t, i18n } = useTranslation();
  const outbox = useApiQuery('GET /api/outbox');
  return (
    <section aria-labelledby="settings-outbox">
      <Title order={2} size="h3" id="settings-outbox" mb="sm">
        {t('settings.outbox.title')}
      </Title>
      <QueryView query={outbox}>
        {(data) =>
          data.mode === 'smtp' ? (
            <Alert color="blue">{t('settings.outbox.smtp')}</Alert>
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="sm">
                {t('settings.outbox.explain')}
              </Text>
              {data.messages.length === 0 ? (
                <EmptyState
                  icon={<IconMailbox aria-hidden />}
                  title={t('settings.outbox.emptyTitle')}
                  description={t('settings.outbox.emptyDescription')}
                />
              ) : (
                <Table.ScrollContainer minWidth={560}>
                  <Table striped withTableBorder verticalSpacing="xs" aria-labelledby="settings-outbox">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('settings.outbox.at')}</Table.Th>
                        <Table.Th scope="col">{t('settings.outbox.to')}</Table.Th>
                        <Table.Th scope="col">{t('settings.outbox.subject')}</Table.Th>
                        <Table.Th scope="col">{t('settings.outbox.file')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.messages.map((m) => (
                        <Table.Tr key={m.file}>
                          <Table.Td>{formatDateTime(m.at, i18n.language)}</Table.Td>
                          <Table.Td>{m.to}</Table.Td>
                          <Table.Td>{m.subject}</Table.Td>
                          <Table.Td>
                            <Text size="xs" ff="monospace">
                              {m.file}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </>
          )
        }
      </QueryView>
    </section>
  );
}

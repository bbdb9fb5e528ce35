import { Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { formatDateTime } from '../users/format';

// failed and refused logins stand out: the rest is the team's ordinary work
const isWarning = (action: string) => action.startsWith('login_') || action.includes('erased');

/** The append-only log, newest first, each entry a French sentence written by the server with the names. */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const audit = useApiQuery('GET /api/audit', { query: { limit: 50 } });
  return (
    <section aria-labelledby="settings-audit">
      <Title order={2} size="h3" id="settings-audit" mb="sm">
        {t('settings.audit.title')}
      </Title>
      <QueryView query={audit}>
        {({ entries }) =>
          entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('activity.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped withTableBorder verticalSpacing="xs" aria-labelledby="settings-audit">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w={220}>
                      {t('settings.audit.at')}
                    </Table.Th>
                    <Table.Th scope="col">{t('activity.sentence')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((e) => (
                    <Table.Tr key={e.id} data-action={e.action}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" c="dimmed">
                          {formatDateTime(e.at, i18n.language)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                          {isWarning(e.action) && (
                            <ThemeIcon size="sm" variant="light" color="orange" aria-hidden>
                              <IconAlertTriangle size={14} />
                            </ThemeIcon>
                          )}
                          {e.sentence}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </section>
  );
}

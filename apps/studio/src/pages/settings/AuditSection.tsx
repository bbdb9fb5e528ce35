import { Badge, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { formatDateTime } from '../users/format';

// the append-only log of logins and account changes, newest first
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const audit = useApiQuery('GET /api/audit', { query: { limit: 50 } });
  return (
    <section aria-labelledby="settings-audit">
      <Title order={2} size="h3" id="settings-audit" mb="sm">
        {t('settings.audit.title')}
      </Title>
      <QueryView query={audit}>
        {({ entries }) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder verticalSpacing="xs" aria-labelledby="settings-audit">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('settings.audit.at')}</Table.Th>
                  <Table.Th scope="col">{t('settings.audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('settings.audit.target')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={e.action.includes('fail') || e.action.includes('lock') ? 'red' : 'gray'}
                      >
                        {t(`settings.audit.actions.${e.action}` as never, { defaultValue: e.action })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </section>
  );
}

import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnteredCount, MailingList } from '@crieur/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { errorMessage } from '../../i18n/error-message';
import { formatCount, formatMonth } from './format';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// an entered count moves the charts and the yearly report too
const FOLLOWERS = ['GET /api/growth/history', 'GET /api/growth', 'GET /api/reports/year/:year'] as const;

/** Counts from before Crieur (one per list and month), entered by senders and admins, marked "saisi" in the charts. */
export function HistoryPanel({ lists, latestMonth }: { lists: MailingList[]; latestMonth: string }) {
  const { t, i18n } = useTranslation();
  const history = useApiQuery('GET /api/growth/history');
  const [list, setList] = useState<string | null>(lists[0]?.slug ?? null);
  const [month, setMonth] = useState('');
  const [count, setCount] = useState<number | string>('');
  const [note, setNote] = useState('');
  const monthError =
    month &&
    (!MONTH.test(month)
      ? t('growth.history.monthFormat')
      : month > latestMonth
        ? t('growth.history.monthFuture')
        : null);
  const nameOf = (slug: string) => lists.find((l) => l.slug === slug)?.name ?? slug;
  const put = useApiMutation('PUT /api/growth/history', {
    invalidates: FOLLOWERS,
    onSuccess: (saved) => {
      notifications.show({
        color: 'teal',
        message: t('growth.history.saved', {
          list: nameOf(saved.list),
          month: formatMonth(i18n.language, saved.month),
        }),
      });
      setMonth('');
      setCount('');
      setNote('');
    },
  });
  const remove = useApiMutation('DELETE /api/growth/history/:list/:month', { invalidates: FOLLOWERS });

  function save(event: React.FormEvent) {
    event.preventDefault();
    if (!list || !MONTH.test(month) || monthError || typeof count !== 'number') return;
    put.mutate(
      { body: { list, month, confirmed: count, note } },
      {
        onError: (error) =>
          notifications.show({ color: 'red', title: t('growth.history.saveFailed'), message: errorMessage(t, error) }),
      },
    );
  }

  const onRemove = (row: EnteredCount) =>
    remove.mutate(
      { params: { list: row.list, month: row.month } },
      { onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }) },
    );

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="growth-history-title"
      className="growth-no-print"
    >
      <Title order={2} size="h4" id="growth-history-title">
        {t('growth.history.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('growth.history.hint')}
      </Text>
      <form onSubmit={save}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('growth.history.list')}
            data={lists.map((l) => ({ value: l.slug, label: l.name }))}
            value={list}
            onChange={setList}
            allowDeselect={false}
            w={220}
          />
          <TextInput
            label={t('growth.history.month')}
            placeholder="2025-01"
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value.trim())}
            error={monthError || undefined}
            w={130}
            required
          />
          <NumberInput
            label={t('growth.history.count')}
            value={count}
            onChange={setCount}
            min={0}
            max={10_000_000}
            allowDecimal={false}
            thousandSeparator={i18n.language === 'en' ? ',' : ' '}
            w={150}
            required
          />
          <TextInput
            label={t('growth.history.note')}
            placeholder={t('growth.history.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button
            type="submit"
            loading={put.isPending}
            disabled={!list || !MONTH.test(month) || Boolean(monthError) || typeof count !== 'number'}
          >
            {t('growth.history.save')}
          </Button>
        </Group>
      </form>
      <QueryView query={history}>
        {({ history: rows }) =>
          rows.length === 0 ? (
            <Text size="sm" c="dimmed" mt="md">
              {t('growth.history.empty')}
            </Text>
          ) : (
            // on a phone the table scrolls in its card, never the page
            <Table.ScrollContainer minWidth={520} mt="md">
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('growth.history.list')}</Table.Th>
                    <Table.Th>{t('growth.history.month')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('growth.history.count')}</Table.Th>
                    <Table.Th>{t('growth.history.note')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('growth.history.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={`${row.list}-${row.month}`}>
                      <Table.Td>{nameOf(row.list)}</Table.Td>
                      <Table.Td>{formatMonth(i18n.language, row.month)}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>{formatCount(i18n.language, row.confirmed)}</Table.Td>
                      <Table.Td>{row.note}</Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => onRemove(row)}
                          aria-label={t('growth.history.remove', {
                            list: nameOf(row.list),
                            month: formatMonth(i18n.language, row.month),
                          })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Paper>
  );
}

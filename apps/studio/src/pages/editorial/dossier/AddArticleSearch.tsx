import { Alert, Badge, Button, Group, Loader, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '@crieur/api';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { LoadError } from '../../../components/LoadError';
import { errorMessage } from '../../../i18n/error-message';
import { ARTICLE_STATUS_COLORS } from '../format';

type Props = { dossierId: string; onAdded: (dossier: DossierDetail) => void };

/** A search among all articles by title; « Ajouter » puts one at the end of the dossier. */
export function AddArticleSearch({ dossierId, onAdded }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q] = useDebouncedValue(typed.trim(), 250);
  const found = useApiQuery('GET /api/dossiers/:id/candidates', { params: { id: dossierId }, query: { q } });
  const add = useApiMutation('POST /api/dossiers/:id/articles', {
    invalidates: ['GET /api/dossiers', 'GET /api/dossiers/:id/candidates'],
    onSuccess: (answer, input) => {
      onAdded(answer.dossier);
      const title = answer.dossier.articles.find((a) => a.id === input.body.articleId)?.title ?? '';
      notifications.show({
        color: 'teal',
        message: answer.movedFrom
          ? t('dossierEditor.search.moved', { title, from: answer.movedFrom })
          : t('dossierEditor.search.added', { title }),
      });
    },
  });
  const articles = found.data?.articles ?? [];

  return (
    <Stack gap="xs" mt="sm" component="section" aria-labelledby="dossier-add">
      <TextInput
        id="dossier-add-search"
        label={<span id="dossier-add">{t('dossierEditor.search.label')}</span>}
        description={t('dossierEditor.search.hint')}
        placeholder={t('dossierEditor.search.placeholder')}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={found.isFetching ? <Loader size={14} aria-hidden /> : null}
        type="search"
        autoComplete="off"
      />
      {add.error !== null && (
        <Alert color="red" role="alert" title={t('dossierEditor.articles.failed')}>
          {errorMessage(t, add.error)}
        </Alert>
      )}
      {found.error !== null && <LoadError error={found.error} onRetry={() => void found.refetch()} />}
      {found.data && articles.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('dossierEditor.search.none')}
        </Text>
      )}
      {articles.length > 0 && (
        <ScrollArea.Autosize mah={320} type="auto">
          <Stack
            gap={4}
            component="ul"
            aria-label={t('dossierEditor.search.results')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {articles.map((article) => (
              <li key={article.id}>
                <Group gap="sm" wrap="nowrap" p={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                  <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate>
                      {article.title}
                    </Text>
                    {article.dossier && (
                      <Group gap={4} wrap="nowrap">
                        <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" aria-hidden />
                        <Text size="xs" c="orange.9">
                          {t('dossierEditor.search.inOther', { title: article.dossier.title })}
                        </Text>
                      </Group>
                    )}
                  </Stack>
                  <Badge
                    color={ARTICLE_STATUS_COLORS[article.status]}
                    variant="light"
                    size="sm"
                    tt="none"
                    style={{ minWidth: 'max-content' }}
                  >
                    {t(`editorial.statusValues.${article.status}`)}
                  </Badge>
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={t('dossierEditor.search.addTitle', { title: article.title })}
                    loading={add.isPending && add.variables?.body.articleId === article.id}
                    onClick={() => add.mutate({ params: { id: dossierId }, body: { articleId: article.id } })}
                  >
                    {t('dossierEditor.search.add')}
                  </Button>
                </Group>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

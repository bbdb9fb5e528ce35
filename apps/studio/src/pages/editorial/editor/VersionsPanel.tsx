import { Badge, Button, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDetail } from '@crieur/api';
import { useApiQuery } from '../../../api/queries';
import { QueryView } from '../../../components/QueryView';
import { CompareDialog, type VersionChoice } from './CompareDialog';
import type { ArticleFields } from './use-autosave';
import { revisionLabel } from './version-labels';

type Props = {
  article: ArticleDetail;
  fields: ArticleFields;
  canEdit: boolean;
  /** Saves pending edits first and gives the version to restore against; null: do not go on. */
  beforeRestore: () => Promise<number | null>;
  onRestored: (article: ArticleDetail) => void;
};

/**
 * The versions, each named by its step, who and when (« Publiée par Léa Dubois, le 3 mars 2026 à 14 h 05 »);
 * autosaves come thinned by the server to the last of each editing session. Any version opens the comparison
 * with the working one.
 */
export function VersionsPanel({ article, fields, canEdit, beforeRestore, onRestored }: Props) {
  const { t, i18n } = useTranslation();
  const [compare, setCompare] = useState<{ from: VersionChoice; to: VersionChoice } | null>(null);
  // the editor marks this list stale at each save and restore (api/queries: invalidation)
  const revisions = useApiQuery('GET /api/articles/:id/revisions', { params: { id: article.id } });

  return (
    <QueryView query={revisions}>
      {({ revisions: list }) =>
        list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('articleVersions.none')}
          </Text>
        ) : (
          <Stack gap="xs">
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed" style={{ flex: '1 1 12rem' }}>
                {t('articleVersions.thinned')}
              </Text>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconArrowsDiff size={14} aria-hidden />}
                onClick={() => setCompare({ from: article.live?.revisionId ?? list[0]!.id, to: 'working' })}
              >
                {t('articleVersions.compareTwo')}
              </Button>
            </Group>
            <ScrollArea.Autosize mah={360} type="auto">
              <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {list.map((revision) => (
                  <li key={revision.id}>
                    <UnstyledButton
                      onClick={() => setCompare({ from: revision.id, to: 'working' })}
                      aria-label={t('articleVersions.open', { label: revisionLabel(t, revision, i18n.language) })}
                      p="xs"
                      w="100%"
                      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                      className="crieur-revision"
                    >
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <Text size="sm" fw={revision.step === 'autosave' ? 400 : 600} style={{ flex: 1 }}>
                          {revisionLabel(t, revision, i18n.language)}
                        </Text>
                        {revision.isLive && (
                          <Badge size="sm" color="green" variant="light" tt="none" style={{ flexShrink: 0 }}>
                            {t('articleVersions.liveBadge')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        v{revision.version} · {revision.title}
                        {revision.saves > 1 && ` · ${t('articleVersions.saves', { count: revision.saves })}`}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
            <CompareDialog
              articleId={article.id}
              opened={compare !== null}
              onClose={() => setCompare(null)}
              working={fields}
              initial={compare ?? { from: 'working', to: 'working' }}
              canEdit={canEdit}
              beforeRestore={beforeRestore}
              onRestored={(restored) => {
                setCompare(null);
                onRestored(restored);
              }}
            />
          </Stack>
        )
      }
    </QueryView>
  );
}

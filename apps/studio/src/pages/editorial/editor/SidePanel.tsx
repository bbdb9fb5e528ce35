import { Paper, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDetail } from '@crieur/api';
import { CommentsPanel, CommentsTabLabel, useShowCommentsOnFocus } from './CommentsPanel';
import type { ArticleFields } from './use-autosave';
import { VersionsPanel } from './VersionsPanel';

type Props = {
  article: ArticleDetail;
  fields: ArticleFields;
  canEdit: boolean;
  /** Saves pending edits first and gives the version to restore against; null: do not go on. */
  beforeRestore: () => Promise<number | null>;
  onRestored: (article: ArticleDetail) => void;
};

/** Comments (list + add) and versions (list, compare with the current text, restore). */
export function SidePanel(props: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('comments');
  useShowCommentsOnFocus(props.article.id, () => setTab('comments'));
  return (
    <Paper withBorder p="sm" radius="md">
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List aria-label={t('editorial.editor.side.label')} grow>
          <Tabs.Tab value="comments">
            <CommentsTabLabel articleId={props.article.id} />
          </Tabs.Tab>
          <Tabs.Tab value="revisions">{t('editorial.editor.side.revisions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="comments" pt="sm">
          <CommentsPanel articleId={props.article.id} />
        </Tabs.Panel>
        <Tabs.Panel value="revisions" pt="sm">
          {tab === 'revisions' && <VersionsPanel {...props} />}
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}

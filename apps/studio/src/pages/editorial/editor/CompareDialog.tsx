import { Alert, Button, Group, Loader, Modal, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDetail, Revision, RevisionSummary } from '@crieur/api';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/queries';
import { LoadError } from '../../../components/LoadError';
import { errorMessage } from '../../../i18n/error-message';
import type { ArticleFields } from './use-autosave';
import { diffVersions } from './version-diff';
import { VersionDiffView } from './VersionDiffView';
import { revisionLabel } from './version-labels';

/** A saved version (its id) or the working version, as the editor holds it now. */
export type VersionChoice = number | 'working';

type Props = {
  articleId: string;
  opened: boolean;
  onClose: () => void;
  working: ArticleFields;
  /** the pair shown when the dialog opens */
  initial: { from: VersionChoice; to: VersionChoice };
  canEdit: boolean;
  /** Saves pending edits first and gives the version to restore against; null: do not go on. */
  beforeRestore: () => Promise<number | null>;
  onRestored: (article: ArticleDetail) => void;
};

/** Compares any two versions (and the working one), insertions and deletions highlighted; restores the "from" one. */
export function CompareDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="70rem"
      title={t('articleVersions.compare.title')}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {/* mounted per opening: it starts from the pair asked for */}
      {props.opened && <Comparison {...props} />}
    </Modal>
  );
}

const toValue = (choice: VersionChoice) => String(choice);
const fromValue = (value: string | null): VersionChoice | null =>
  value === null ? null : value === 'working' ? 'working' : Number(value);

function useVersion(articleId: string, choice: VersionChoice, working: ArticleFields) {
  // a saved version never changes: read once per visit
  const saved = useApiQuery(
    'GET /api/articles/:id/revisions/:revisionId',
    { params: { id: articleId, revisionId: typeof choice === 'number' ? choice : 0 } },
    { enabled: choice !== 'working', staleTime: Infinity },
  );
  if (choice === 'working')
    return { version: working as Pick<Revision, 'title' | 'lede' | 'body'> & Extra, query: null };
  return { version: saved.data?.revision ?? null, query: saved };
}
type Extra = Pick<Revision, 'coverMediaId' | 'tags' | 'authors'>;

const OTHER_FIELDS = ['coverMediaId', 'tags', 'authors'] as const;

function Comparison({ articleId, working, initial, canEdit, beforeRestore, onRestored }: Props) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState<VersionChoice>(initial.from);
  const [to, setTo] = useState<VersionChoice>(initial.to);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // the versions panel reads the same list (and marks it stale at each save)
  const list = useApiQuery('GET /api/articles/:id/revisions', { params: { id: articleId } });
  const older = useVersion(articleId, from, working);
  const newer = useVersion(articleId, to, working);

  const options = useMemo(() => {
    const label = (r: RevisionSummary) =>
      t('articleVersions.compare.option', { version: r.version, label: revisionLabel(t, r, i18n.language) }) +
      (r.isLive ? t('articleVersions.compare.liveSuffix') : '');
    return [
      { value: 'working', label: t('articleVersions.compare.working') },
      ...(list.data?.revisions ?? []).map((r) => ({ value: String(r.id), label: label(r) })),
    ];
  }, [list.data, t, i18n.language]);

  const diff = useMemo(
    () => (older.version && newer.version ? diffVersions(older.version, newer.version) : null),
    [older.version, newer.version],
  );
  const otherChanges =
    older.version && newer.version
      ? OTHER_FIELDS.filter(
          (field) => JSON.stringify(older.version![field]) !== JSON.stringify(newer.version![field]),
        ).map((field) => t(`articleVersions.compare.fields.${field}`))
      : [];
  const fromSummary = typeof from === 'number' ? list.data?.revisions.find((r) => r.id === from) : undefined;

  const restore = async () => {
    if (typeof from !== 'number') return;
    setBusy(true);
    setFailure(null);
    try {
      const version = await beforeRestore();
      if (version === null) return;
      const { article } = await call('POST /api/articles/:id/revisions/:revisionId/restore', {
        params: { id: articleId, revisionId: from },
        body: { version },
      });
      notifications.show({
        color: 'teal',
        message: t('articleVersions.compare.restored', { version: fromSummary?.version ?? '' }),
      });
      onRestored(article);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  const failedQuery = [list, older.query, newer.query].find((q) => q?.isError);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('articleVersions.compare.from')}
          data={options}
          value={toValue(from)}
          onChange={(value) => {
            const choice = fromValue(value);
            if (choice !== null) setFrom(choice);
            setConfirming(false);
          }}
          allowDeselect={false}
          searchable
          comboboxProps={{ withinPortal: true, zIndex: 1000 }}
        />
        <Select
          label={t('articleVersions.compare.to')}
          data={options}
          value={toValue(to)}
          onChange={(value) => {
            const choice = fromValue(value);
            if (choice !== null) setTo(choice);
          }}
          allowDeselect={false}
          searchable
          comboboxProps={{ withinPortal: true, zIndex: 1000 }}
        />
      </SimpleGrid>
      {failedQuery ? (
        <LoadError error={failedQuery.error} onRetry={() => void failedQuery.refetch()} />
      ) : !diff ? (
        <Loader aria-label={t('app.loading')} />
      ) : (
        <>
          {!diff.changed && (
            <Alert color="gray" variant="light">
              {t('articleVersions.compare.noChange')}
            </Alert>
          )}
          {otherChanges.length > 0 && (
            <Text size="sm">{t('articleVersions.compare.otherChanges', { fields: otherChanges.join(', ') })}</Text>
          )}
          <VersionDiffView diff={diff} />
        </>
      )}
      {failure !== null && (
        <Alert color="red" role="alert" title={t('articleVersions.compare.restoreFailed')}>
          {errorMessage(t, failure)}
        </Alert>
      )}
      {canEdit && typeof from === 'number' && (
        <Group justify="flex-end">
          {confirming ? (
            <>
              <Text size="sm" style={{ flex: '1 1 300px' }}>
                {t('articleVersions.compare.restoreConfirm', { version: fromSummary?.version ?? '' })}
              </Text>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" loading={busy} onClick={() => void restore()} data-autofocus>
                {t('articleVersions.compare.restoreGo')}
              </Button>
            </>
          ) : (
            <Button variant="light" onClick={() => setConfirming(true)}>
              {t('articleVersions.compare.restore')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconArrowsDiff, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ArticleDetail } from '@crieur/api';
import { formatDateAt } from './version-labels';

type Props = { article: ArticleDetail; onShowDiff: () => void };

/**
 * Which version is being edited, and why the page may be read-only: on a live article, the working version against
 * the one readers see (« Voir les différences »); an author's proposal waiting for review; an unpublished piece.
 */
export function EditingNotice({ article, onShowDiff }: Props) {
  const { t, i18n } = useTranslation();
  const { live } = article;
  const liveDate = live ? formatDateAt(live.savedAt, i18n.language) : null;
  // the author's own proposal or submission waits: the way back is "Retirer de la relecture"
  const mineWaiting = !article.canEdit && article.allowedTransitions.includes('withdraw');

  if (article.status === 'published' && live) {
    return (
      <Alert color="blue" icon={<IconWorld aria-hidden />} data-testid="live-banner">
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('articleVersions.banner.live', { date: liveDate })}
          </Text>
          <Text size="sm">{live.differs ? t('articleVersions.banner.differs') : t('articleVersions.banner.same')}</Text>
          {article.updateInReview && (
            <Text size="sm">
              {mineWaiting ? t('articleVersions.banner.proposedByMe') : t('articleVersions.banner.proposed')}
            </Text>
          )}
          {live.differs && (
            <div>
              <Button
                size="xs"
                variant="white"
                leftSection={<IconArrowsDiff size={14} aria-hidden />}
                onClick={onShowDiff}
              >
                {t('articleVersions.banner.showDiff')}
              </Button>
            </div>
          )}
          {!article.canEdit && !article.updateInReview && <Text size="sm">{t('editorial.editor.readOnly')}</Text>}
        </Stack>
      </Alert>
    );
  }
  if (article.status === 'unpublished' && live) {
    return (
      <Alert color="gray" icon={<IconAlertCircle aria-hidden />}>
        <Stack gap={4}>
          <Text size="sm">{t('articleVersions.banner.unpublished', { date: liveDate })}</Text>
          {!article.canEdit && <Text size="sm">{t('editorial.editor.readOnly')}</Text>}
        </Stack>
      </Alert>
    );
  }
  if (article.canEdit) return null;
  return (
    <Alert color="gray" icon={<IconAlertCircle aria-hidden />}>
      {mineWaiting ? t('articleVersions.banner.inReviewMine') : t('editorial.editor.readOnly')}
    </Alert>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useContributionQueue } from '../pages/contributions/queries';

/** The number of proposals waiting for a moderator, beside « Contributions » (nothing when none). */
export function PendingContributions() {
  const { t, i18n } = useTranslation();
  const queue = useContributionQueue({ status: 'pending', page: 1 });
  const pending = queue.data?.counts.pending ?? 0;
  if (!pending) return null;
  return (
    <Badge
      size="sm"
      variant="filled"
      circle={pending < 10}
      aria-label={t('contributions.pendingBadge', { count: pending })}
    >
      {pending.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR')}
    </Badge>
  );
}

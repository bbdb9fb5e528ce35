import { Badge, type BadgeProps } from '@mantine/core';
import { IconServerOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus, ServerWait } from '@crieur/api';
import { STATUS_COLORS } from './format';

type Props = { status: CampaignStatus; serverWait: ServerWait | null; size?: BadgeProps['size']; testId?: string };

/** A campaign's status; while sending waits for the mail server, that wait shows instead of "Envoi en cours". */
export function StatusBadge({ status, serverWait, size, testId }: Props) {
  const { t } = useTranslation();
  const waiting = serverWait !== null && (status === 'sending' || status === 'paused');
  const label = !waiting
    ? t(`campaignsPage.status.${status}`)
    : status === 'paused'
      ? t('campaignsPage.serverWait.badgePaused')
      : t('campaignsPage.serverWait.badge');
  return (
    <Badge
      color={waiting && status === 'sending' ? 'orange' : STATUS_COLORS[status]}
      variant="light"
      size={size}
      tt="none"
      leftSection={waiting ? <IconServerOff size={14} aria-hidden /> : undefined}
      data-testid={testId}
      // the label never shrinks to "Envo…": the column or the line makes room
      style={{ minWidth: 'max-content' }}
    >
      {label}
    </Badge>
  );
}

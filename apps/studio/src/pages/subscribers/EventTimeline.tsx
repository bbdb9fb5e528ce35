import { Card, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBan,
  IconCircleCheck,
  IconEraser,
  IconFileImport,
  IconMailOff,
  IconMailPlus,
  IconMoodAngry,
  IconPencil,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SubscriberEvent, SubscriberEventType, SuppressionReason } from '@crieur/api';
import { SUPPRESSION_REASONS } from '@crieur/api/enums/subscribers';
import { formatDateTime } from './format';

const EVENT_LOOK: Record<SubscriberEventType, { icon: Icon; color: string }> = {
  subscribed: { icon: IconMailPlus, color: 'indigo' },
  confirmed: { icon: IconCircleCheck, color: 'teal' },
  unsubscribed: { icon: IconMailOff, color: 'gray' },
  bounced: { icon: IconAlertTriangle, color: 'orange' },
  complained: { icon: IconMoodAngry, color: 'red' },
  imported: { icon: IconFileImport, color: 'indigo' },
  erased: { icon: IconEraser, color: 'red' },
  suppressed: { icon: IconBan, color: 'red' },
  updated: { icon: IconPencil, color: 'gray' },
};

/** The subscriber's history, newest first, as the server sends it. */
export function EventTimeline({ events, listName }: { events: SubscriberEvent[]; listName: (slug: string) => string }) {
  const { t, i18n } = useTranslation();
  // reasons the catalog knows (suppression) are translated; others are shown as sent
  const reasonText = (reason: string) =>
    (SUPPRESSION_REASONS as readonly string[]).includes(reason)
      ? t(`subscriber.suppressionReasons.${reason as SuppressionReason}`)
      : reason;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="subscriber-history">
      <Title order={2} size="h4" id="subscriber-history" mb="md">
        {t('subscriber.historyTitle')}
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('subscriber.noEvents')}
        </Text>
      ) : (
        <Timeline
          bulletSize={26}
          lineWidth={2}
          data-testid="subscriber-history"
          component="ol"
          style={{ listStyle: 'none', paddingInlineStart: 0 }}
        >
          {events.map((event) => {
            const { icon: EventIcon, color } = EVENT_LOOK[event.type] ?? EVENT_LOOK.updated;
            const reason = typeof event.data.reason === 'string' ? event.data.reason : null;
            const details = [
              formatDateTime(event.at, i18n.language),
              event.list ? t('subscriber.event.list', { list: listName(event.list) }) : null,
              t('subscriber.event.source', { source: t(`subscriber.sources.${event.source}`) }),
              event.actor ? t('subscriber.event.actor', { actor: event.actor }) : null,
            ].filter(Boolean);
            return (
              <Timeline.Item
                key={event.id}
                component="li"
                title={t(`subscriber.events.${event.type}`)}
                bullet={
                  <ThemeIcon size={26} radius="xl" color={color} variant="light" aria-hidden>
                    <EventIcon size={15} />
                  </ThemeIcon>
                }
              >
                <Text size="xs" c="dimmed">
                  {details.join(' · ')}
                </Text>
                {reason && (
                  <Text size="xs" c="dimmed">
                    {t('subscriber.event.reason', { reason: reasonText(reason) })}
                  </Text>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}

import { Alert, Anchor, Button, Collapse, Group, List, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconRefresh } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreflightItem } from '@crieur/api';
import { errorMessage } from '../../i18n/error-message';
import type { PreflightState } from './use-preflight';

type Level = PreflightItem['level'];

const LOOK: Record<Level, { color: string; icon: typeof IconCircleX }> = {
  block: { color: 'red', icon: IconCircleX },
  warning: { color: 'orange', icon: IconAlertTriangle },
  ok: { color: 'teal', icon: IconCircleCheck },
};

type Props = {
  state: PreflightState;
  /** heading level inside the page or dialog */
  order?: 2 | 3 | 4;
  /** "Aller au bloc 3": given where the blocks are on screen (the composer) */
  onBlock?: ((index: number) => void) | undefined;
  /** where blocks are fixed, when not here (the send dialog links to the composer) */
  fixLink?: ReactNode;
};

function ItemLine({ item, onBlock }: { item: PreflightItem; onBlock?: ((index: number) => void) | undefined }) {
  const { t } = useTranslation();
  const { color, icon: Icon } = LOOK[item.level];
  return (
    <List.Item
      icon={
        <ThemeIcon color={color} variant="light" size={24} radius="xl" aria-hidden>
          <Icon size={16} />
        </ThemeIcon>
      }
    >
      <Text size="sm" component="span" fw={600} c={item.level === 'ok' ? undefined : `${color}.9`}>
        {t(`preflight.level.${item.level}`)}
        {'\u00a0: '}
      </Text>
      <Text size="sm" component="span">
        {item.message}
      </Text>
      {item.detail && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {item.detail}
        </Text>
      )}
      {onBlock && item.blockIndex !== undefined && (
        <Anchor component="button" type="button" size="xs" onClick={() => onBlock(item.blockIndex!)}>
          {t('preflight.goToBlock', { n: item.blockIndex + 1 })}
        </Anchor>
      )}
    </List.Item>
  );
}

function LevelSection({
  title,
  items,
  onBlock,
  order,
}: {
  title: string;
  items: PreflightItem[];
  onBlock?: Props['onBlock'];
  order: number;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <Title order={(order + 1) as 3 | 4 | 5} size="h6" mb={4}>
        {title}
      </Title>
      <List spacing="xs" center={false}>
        {items.map((item, i) => (
          <ItemLine key={`${item.code}-${i}`} item={item} onBlock={onBlock} />
        ))}
      </List>
    </section>
  );
}

/** « Vérifications avant envoi »: blocks in red, warnings in orange, what is fine in green (folded). */
export function PreflightChecklist({ state, order = 3, onBlock, fixLink }: Props) {
  const { t } = useTranslation();
  const [showOk, setShowOk] = useState(false);
  const items = state.answer?.items ?? [];
  const of = (level: Level) => items.filter((i) => i.level === level);
  const blocks = of('block');
  const warnings = of('warning');
  const oks = of('ok');
  const headingId = `preflight-title-${order}`;

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={order} size="h5" id={headingId}>
          {t('preflight.title')}
        </Title>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={state.run}
          disabled={state.checking}
        >
          {t('preflight.refresh')}
        </Button>
      </Group>
      {state.checking && (
        <Group gap="xs" role="status">
          <Loader size="xs" aria-hidden />
          <Text size="sm">{t('preflight.checking')}</Text>
        </Group>
      )}
      {state.error !== null && !state.checking && (
        <Alert color="gray" role="alert">
          {t('preflight.failed', { message: errorMessage(t, state.error) })}
        </Alert>
      )}
      {state.answer && (
        <>
          <Text size="sm" fw={600} aria-live="polite">
            {[
              blocks.length > 0 ? t('preflight.summary.blocks', { count: blocks.length }) : null,
              warnings.length > 0 ? t('preflight.summary.warnings', { count: warnings.length }) : null,
              t('preflight.summary.ok', { count: oks.length }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <LevelSection title={t('preflight.blocksTitle')} items={blocks} onBlock={onBlock} order={order} />
          {blocks.length > 0 && fixLink}
          <LevelSection title={t('preflight.warningsTitle')} items={warnings} onBlock={onBlock} order={order} />
          {oks.length > 0 && (
            <div>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => setShowOk((v) => !v)}
                aria-expanded={showOk}
                c="teal.9"
              >
                <Group gap={6} component="span">
                  <IconCircleCheck size={16} aria-hidden />
                  {showOk ? t('preflight.hideOk') : t('preflight.showOk', { count: oks.length })}
                </Group>
              </Anchor>
              <Collapse expanded={showOk}>
                <List spacing="xs" mt="xs">
                  {oks.map((item, i) => (
                    <ItemLine key={`${item.code}-${i}`} item={item} />
                  ))}
                </List>
              </Collapse>
            </div>
          )}
        </>
      )}
    </Stack>
  );
}

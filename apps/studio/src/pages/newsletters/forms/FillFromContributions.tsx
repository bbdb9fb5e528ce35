import { Button, Group, Text } from '@mantine/core';
import { IconPlaylistAdd } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ContributionKind } from '@crieur/api/enums/contributions';
import { call } from '../../../api/client';
import type { AgendaEvent, JobOffer, MembersNewsItem } from '../blocks';
import { newsletterError } from '../format';
import { mergeFilled } from './fill-merge';

type RowOf = { event: AgendaEvent; job: JobOffer; news: MembersNewsItem };

type Props<K extends ContributionKind> = {
  kind: K;
  rows: RowOf[K][];
  max: number;
  onChange: (rows: RowOf[K][]) => void;
};

/**
 * « Remplir avec les contributions »: appends the accepted contributions this newsletter has not sent yet (events to
 * come, open offers, members' news) as rows staff then edit, remove or reorder; says what happened, politely.
 */
export function FillFromContributions<K extends ContributionKind>({ kind, rows, max, onChange }: Props<K>) {
  const { t } = useTranslation();
  const { id: campaignId = '' } = useParams();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const fill = async () => {
    setBusy(true);
    setSaid(null);
    try {
      const answer = await call('GET /api/contributions/fill', { query: { kind, campaignId } });
      // the answer to `kind` holds that block's rows (the contract's union, narrowed by the query)
      const merged = mergeFilled(rows, answer.items as unknown as RowOf[K][], max);
      if (merged.added > 0) onChange(merged.rows);
      const text =
        merged.added === 0 && merged.left === 0
          ? t('contributionFill.none')
          : [
              merged.added > 0 ? t('contributionFill.added', { count: merged.added }) : '',
              merged.left > 0 ? t('contributionFill.full', { count: merged.left, max }) : '',
            ]
              .filter(Boolean)
              .join(' ');
      setSaid({ text, error: false });
    } catch (error) {
      setSaid({ text: newsletterError(t, error), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="sm" align="center" wrap="wrap">
      <Button
        variant="default"
        size="xs"
        leftSection={<IconPlaylistAdd size={14} aria-hidden />}
        loading={busy}
        onClick={() => void fill()}
        disabled={!campaignId}
        data-testid={`fill-${kind}`}
      >
        {t('contributionFill.button')}
      </Button>
      <Text size="sm" c={said?.error ? 'red' : 'dimmed'} role="status" aria-live="polite">
        {said?.text ?? ''}
      </Text>
    </Group>
  );
}

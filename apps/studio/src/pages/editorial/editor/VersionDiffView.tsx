import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiffPart, VersionDiff } from './version-diff';
import classes from './version-diff.module.css';

const BLOCK_CLASS = {
  same: '',
  changed: classes.blockChanged,
  added: classes.blockAdded,
  removed: classes.blockRemoved,
} as const;

/** Runs of text with additions in <ins> (green, underlined) and deletions in <del> (red, struck through). */
function Parts({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'added' ? (
          <ins key={i} className={classes.added} title={t('articleVersions.compare.added')}>
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={i} className={classes.removed} title={t('articleVersions.compare.removed')}>
            {part.text}
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** The comparison of two versions: title, lede and text, block by block. */
export function VersionDiffView({ diff }: { diff: VersionDiff }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="version-diff">
      <Text size="xs" c="dimmed">
        {t('articleVersions.compare.legend')}
      </Text>
      <section aria-label={t('articleVersions.compare.fieldTitle')}>
        <Title order={3} size="h4" className={classes.text}>
          <Parts parts={diff.title} />
        </Title>
      </section>
      {diff.lede.length > 0 && (
        <section aria-label={t('articleVersions.compare.fieldLede')}>
          <Text fs="italic" className={classes.text}>
            <Parts parts={diff.lede} />
          </Text>
        </section>
      )}
      <section aria-label={t('articleVersions.compare.fieldBody')} className={classes.body}>
        {diff.body.map((block, i) => (
          <p key={i} className={`${classes.text} ${BLOCK_CLASS[block.kind]}`} data-kind={block.kind}>
            <Parts parts={block.parts} />
          </p>
        ))}
      </section>
    </Stack>
  );
}

import { Paper } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { PreflightChecklist } from '../../components/preflight/PreflightChecklist';
import { usePreflight } from '../../components/preflight/use-preflight';

// links and DNS are asked again once the saves settle, not at every autosave
const AFTER_SAVE_MS = 2000;

/** The composer's « Vérifications avant envoi »: the saved letter, checked again after saves and on demand. */
export function PreflightPanel({ campaignId, version }: { campaignId: string; version: number }) {
  const preflight = usePreflight(campaignId);
  const first = useRef(version);
  const { run } = preflight;

  useEffect(() => {
    if (version === first.current) return;
    const timer = setTimeout(run, AFTER_SAVE_MS);
    return () => clearTimeout(timer);
  }, [version, run]);

  const goToBlock = (index: number) => {
    const card = document.querySelector<HTMLElement>(`[data-block-index="${index}"]`);
    card?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    card?.querySelector<HTMLElement>('input, textarea, [contenteditable="true"]')?.focus({ preventScroll: true });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <PreflightChecklist state={preflight} order={2} onBlock={goToBlock} />
    </Paper>
  );
}

export type RevisionStep = 'autosave' | 'submitted' | 'published' | 'restored';

/** What the thinning needs of a saved version. */
export type RevisionEntry = { id: number; step: RevisionStep; savedById: string | null; savedAt: Date };

/** A pause longer than this ends an editing session. */
export const SESSION_GAP_MS = 30 * 60_000;

/**
 * The versions worth listing, newest first: every named step (submitted, published, restored) and the last
 * autosave of each editing session (one person's autosaves with no pause over 30 minutes and no other step
 * between them). `saves` says how many autosaves the kept one stands for (1 for a named step).
 */
export function thinRevisions<T extends RevisionEntry>(newestFirst: readonly T[]): (T & { saves: number })[] {
  const kept: (T & { saves: number })[] = [];
  // the autosaves of the session under way, oldest first
  let session: T[] = [];
  const close = (run: T[]) => {
    if (run.length > 0) kept.push({ ...run[run.length - 1]!, saves: run.length });
  };
  for (const row of [...newestFirst].reverse()) {
    const last = session[session.length - 1];
    if (row.step !== 'autosave') {
      close(session);
      session = [];
      kept.push({ ...row, saves: 1 });
    } else if (
      last &&
      last.savedById === row.savedById &&
      row.savedAt.getTime() - last.savedAt.getTime() <= SESSION_GAP_MS
    ) {
      session.push(row);
    } else {
      close(session);
      session = [row];
    }
  }
  close(session);
  return kept.reverse();
}

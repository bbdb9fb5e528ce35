import type { ArticleDoc } from '@crieur/content';
import { diffArrays, diffWords } from 'diff';
import { docToBlocks } from './plain-text';

/** A run of text, the same in both versions, only in the newer one (added), or only in the older (removed). */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };
/** One block of the body: unchanged, new, gone, or changed word by word. */
export type BlockDiff = { kind: 'same' | 'added' | 'removed' | 'changed'; parts: DiffPart[] };

export type ComparedVersion = { title: string; lede: string; body: ArticleDoc | null | undefined };
export type VersionDiff = { title: DiffPart[]; lede: DiffPart[]; body: BlockDiff[]; changed: boolean };

const partOf = (change: { value: string; added: boolean; removed: boolean }): DiffPart => ({
  kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
  text: change.value,
});

/** Word by word (jsdiff's diffWords: spaces go with the words they follow, punctuation is a word of its own). */
export function diffText(from: string, to: string): DiffPart[] {
  if (from === to) return from ? [{ kind: 'same', text: from }] : [];
  return diffWords(from, to).map(partOf);
}

/**
 * Blocks are first matched whole (jsdiff's diffArrays), so a paragraph added or removed shows as one; a removed block
 * followed by an added one is the same block changed, compared word by word.
 */
export function diffBlocks(from: readonly string[], to: readonly string[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  const changes = diffArrays([...from], [...to]);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of change.value) out.push({ kind: 'same', parts: [{ kind: 'same', text }] });
      continue;
    }
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      const [removed, added] = [change.value, next.value];
      const paired = Math.min(removed.length, added.length);
      for (let k = 0; k < paired; k++) out.push({ kind: 'changed', parts: diffText(removed[k]!, added[k]!) });
      for (const text of removed.slice(paired)) out.push({ kind: 'removed', parts: [{ kind: 'removed', text }] });
      for (const text of added.slice(paired)) out.push({ kind: 'added', parts: [{ kind: 'added', text }] });
      i++;
      continue;
    }
    const kind = change.added ? 'added' : 'removed';
    for (const text of change.value) out.push({ kind, parts: [{ kind, text }] });
  }
  return out;
}

/** What changed from one version to another: title, lede and body, block by block. */
export function diffVersions(from: ComparedVersion, to: ComparedVersion): VersionDiff {
  const title = diffText(from.title, to.title);
  const lede = diffText(from.lede, to.lede);
  const body = diffBlocks(docToBlocks(from.body), docToBlocks(to.body));
  const touched = (parts: DiffPart[]) => parts.some((part) => part.kind !== 'same');
  return { title, lede, body, changed: touched(title) || touched(lede) || body.some((b) => b.kind !== 'same') };
}

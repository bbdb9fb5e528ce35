// Where inserted blocks go: after a block, at the start or at the end. Pure, so the dialog and the list agree.
import type { KeyedBlock } from './blocks';

export type InsertPlace = { after: string } | 'start' | 'end';

/** After the selected block, or at the end when none is. */
export const placeOf = (selectedKey: string | null): InsertPlace => (selectedKey ? { after: selectedKey } : 'end');

/** The index the first inserted block takes; a block that is gone (removed meanwhile) means the end. */
export function insertIndex(blocks: readonly KeyedBlock[], place: InsertPlace): number {
  if (place === 'start') return 0;
  if (place === 'end') return blocks.length;
  const index = blocks.findIndex((item) => item.key === place.after);
  return index === -1 ? blocks.length : index + 1;
}

/** The place as a select's value ("after:b3", "start", "end") and back. */
export const placeValue = (place: InsertPlace): string => (typeof place === 'string' ? place : `after:${place.after}`);
export function placeFromValue(value: string): InsertPlace {
  if (value === 'start' || value === 'end') return value;
  return { after: value.replace(/^after:/, '') };
}

// The composer's block list as the composer drives it, for the studio's jsdom tests.
import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { vi } from 'vitest';
import type { BlockError } from '@crieur/api';
import { renderWithProviders } from '../../test/render';
import { newKey, type Block, type KeyedBlock } from './blocks';
import { BlockList } from './BlockList';

export const keyed = (...blocks: Block[]): KeyedBlock[] => blocks.map((block) => ({ key: newKey(), block }));

/**
 * The composer keeps the list and applies each change BlockList hands back to the latest copy;
 * this harness does the same, so the tests read the outcome on screen and in `latest()`.
 */
export function renderList(initial: KeyedBlock[], props: { readOnly?: boolean; errors?: BlockError[] } = {}) {
  let latest = initial;
  const onChange = vi.fn();
  // what the composer does when a test or a send is attempted with errors
  let revealAll = () => {};
  function Harness() {
    const [blocks, setBlocks] = useState(initial);
    const [reveal, setReveal] = useState(0);
    revealAll = () => setReveal((n) => n + 1);
    return (
      <BlockList
        blocks={blocks}
        errors={props.errors ?? []}
        readOnly={props.readOnly ?? false}
        revealErrors={reveal}
        onChange={(change) => {
          onChange(change);
          setBlocks((current) => (latest = change(current)));
        }}
      />
    );
  }
  const view = renderWithProviders(<Harness />);
  return {
    ...view,
    onChange,
    latest: () => latest.map((item) => item.block),
    revealAll: () => act(() => revealAll()),
  };
}

/** The blocks' names, top to bottom, as assistive tools read them. */
export function order(): string[] {
  const list = screen.getByRole('list', { name: 'Blocs de la newsletter, dans l’ordre' });
  return within(list)
    .getAllByRole('region')
    .map((region) => region.getAttribute('aria-label') ?? '');
}

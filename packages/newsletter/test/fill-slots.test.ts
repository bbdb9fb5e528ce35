import { describe, expect, it } from 'vitest';
import { fillSlots, MissingSlotError } from '../src/fill-slots.js';

describe('fillSlots', () => {
  it('fills in one pass, never expanding a value again', () => {
    expect(fillSlots('<p>{{a}}|{{b}}</p>', { a: '{{b}}', b: '$& $1' })).toBe('<p>{{b}}|$& $1</p>');
  });

  it('throws on a slot with no value', () => {
    expect(() => fillSlots('{{missing}}', {})).toThrow(MissingSlotError);
  });
});

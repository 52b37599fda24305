import { describe, expect, it } from 'vitest';
import { definedFields } from '../../src/content/fields.js';

describe('definedFields', () => {
  it('copies the named fields that are set, in the order named, and no key for an unset one', () => {
    const from: { a?: string; b?: number; c?: string; d: string } = { c: 'x', b: 0, d: 'y' };
    const out = definedFields(from, ['a', 'b', 'c']);
    expect(out).toEqual({ b: 0, c: 'x' });
    expect(Object.keys(out)).toEqual(['b', 'c']);
    expect('a' in out).toBe(false);
  });
});

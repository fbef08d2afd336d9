/** plural: the word for a count. */
import { describe, expect, it } from 'vitest';
import { plural } from '../../src/charts/plural';

describe('plural(n, one, many)', () => {
  it('says one for 1 and the plural otherwise, an s added unless given', () => {
    expect(plural(1, 'dump')).toBe('dump');
    expect(plural(0, 'dump')).toBe('dumps');
    expect(plural(5, 'theme')).toBe('themes');
    expect(plural(2, 'child', 'children')).toBe('children');
  });
});

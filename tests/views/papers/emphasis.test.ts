/** emphasisSegments: the markdown emphasis of abstracts as plain text segments, never HTML. */
import { describe, expect, it } from 'vitest';
import { emphasisSegments } from '../../../src/views/papers/emphasis';

describe('emphasisSegments(text)', () => {
  it('splits bold and italic markdown into plain text segments', () => {
    expect(emphasisSegments('a **b** *c* d')).toEqual([{ text: 'a ' }, { text: 'b', strong: true }, { text: ' ' }, { text: 'c', em: true }, { text: ' d' }]);
  });
  it('keeps HTML as text and leaves snake_case and lone stars alone', () => {
    expect(emphasisSegments('<b>x</b> snake_case_name 2 * 3')).toEqual([{ text: '<b>x</b> snake_case_name 2 * 3' }]);
  });
});

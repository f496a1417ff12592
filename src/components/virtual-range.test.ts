import { describe, expect, it } from 'vitest';
import { rangeKeeping } from './virtual-range';

const range = { startIndex: 10, endIndex: 12, overscan: 1, count: 100 };

describe('rangeKeeping', () => {
  it('adds the kept rows to the rows in view, in order', () => {
    expect(rangeKeeping([50, 2])(range)).toEqual([2, 9, 10, 11, 12, 13, 50]);
  });

  it('adds nothing for a row already in view or out of the list', () => {
    expect(rangeKeeping([11, -1, 100])(range)).toEqual([9, 10, 11, 12, 13]);
  });
});

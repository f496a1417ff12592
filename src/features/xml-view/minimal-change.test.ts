import { describe, expect, it } from 'vitest';
import { minimalChange } from './minimal-change';

describe('minimalChange', () => {
  it('replaces only the part that differs', () => {
    expect(minimalChange('<a>600</a>', '<a>700</a>')).toEqual({ from: 3, to: 4, insert: '7' });
    expect(minimalChange('abc', 'abc')).toEqual({ from: 3, to: 3, insert: '' });
    expect(minimalChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
    expect(minimalChange('xyz', '')).toEqual({ from: 0, to: 3, insert: '' });
    const long = 'a'.repeat(5000);
    expect(minimalChange(`${long}X${long}`, `${long}YZ${long}`)).toEqual({
      from: 5000,
      to: 5001,
      insert: 'YZ',
    });
    expect(minimalChange(long + long, long)).toEqual({ from: 5000, to: 10000, insert: '' });
  });
});

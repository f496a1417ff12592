import { describe, expect, it } from 'vitest';
import { trimWhere } from './trim';

const dash = (c: string) => c === '-';

describe('trimWhere', () => {
  it('strips both ends and keeps what is between', () => {
    expect(trimWhere('--a-b--', dash)).toBe('a-b');
    expect(trimWhere('a-b', dash)).toBe('a-b');
    expect(trimWhere('----', dash)).toBe('');
    expect(trimWhere('', dash)).toBe('');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atoi, isAllDigits } from './c-atoi';

describe('atoi', () => {
  it('reads what C reads (reference §13)', () => {
    expect(atoi('600')).toBe(600);
    expect(atoi('600s')).toBe(600);
    expect(atoi('abc')).toBe(0);
    expect(atoi('')).toBe(0);
    expect(atoi('-1')).toBe(-1);
    expect(atoi('  +7')).toBe(7);
    expect(atoi('001,002')).toBe(1);
    expect(atoi('07')).toBe(7);
  });

  it('wraps past 32 bits and saturates past 64', () => {
    expect(atoi('4294967896')).toBe(600);
    expect(atoi('2147483648')).toBe(-2147483648);
    expect(atoi('99999999999999999999999')).toBe(-1);
    expect(atoi('-99999999999999999999999')).toBe(0);
  });

  it('reads short and long numbers alike: as strtol, saturated at 64 bits, then cut to 32', () => {
    const reference = (text: string) => {
      const [, sign, digits] = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(text) ?? [];
      const max = 2n ** 63n - 1n;
      let value = digits ? BigInt(digits) : 0n;
      value = sign === '-' ? (value > max + 1n ? -(max + 1n) : -value) : value > max ? max : value;
      return Number(BigInt.asIntN(32, value));
    };
    const piece = fc.constantFrom('0', '1', '7', '9', ' ', '\t', '+', '-', 's', '00000');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(atoi(text)).toBe(reference(text));
      }),
      { numRuns: 2000, seed: 130 },
    );
  });

  it('accepts only digits as a number string', () => {
    expect(isAllDigits('07')).toBe(true);
    expect(isAllDigits('')).toBe(true);
    expect(isAllDigits(' 7')).toBe(false);
    expect(isAllDigits('+7')).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDelta, textDelta } from './text-delta';

describe('text delta', () => {
  it('stores an edit as the part that changed', () => {
    const base = `<command>\r\n  <name>x</name>\r\n</command>\r\n`.repeat(1000);
    const text = base.replace('<name>x', '<name>xy');
    const delta = textDelta(base, text);
    expect(delta.insert.length).toBeLessThanOrEqual(1);
    expect(applyDelta(base, delta)).toBe(text);
  });

  it('round-trips any pair of texts, surrogate halves and line endings included', () => {
    const piece = fc.constantFrom('a', 'b', '\r\n', '\n', '\uD83D', '\uDE00', '😀', '<', '&');
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, (base, next) => {
        const delta = textDelta(base, next);
        expect(delta.prefix + delta.suffix).toBeLessThanOrEqual(Math.min(base.length, next.length));
        expect(applyDelta(base, delta)).toBe(next);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a delta that does not fit its base', () => {
    expect(applyDelta('abc', { prefix: 2, suffix: 2, insert: '' })).toBeNull();
  });
});

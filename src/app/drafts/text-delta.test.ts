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

  it('finds the same shared start and end as a character-by-character comparison on large texts', () => {
    const shared = (a: string, b: string, at: (s: string, i: number) => number, most: number) => {
      let n = 0;
      while (n < most && at(a, n) === at(b, n)) n++;
      return n;
    };
    const line = fc.constantFrom('  <name>x</name>\r\n', '<command>\n', '😀\n', 'a');
    const big = fc.array(line, { minLength: 600, maxLength: 1500 }).map((lines) => lines.join(''));
    const edit = fc.record({
      at: fc.nat(),
      removed: fc.nat({ max: 9000 }),
      insert: fc.string({ maxLength: 20 }),
    });
    fc.assert(
      fc.property(big, edit, (base, { at, removed, insert }) => {
        const from = at % (base.length + 1);
        const next = base.slice(0, from) + insert + base.slice(from + removed);
        const delta = textDelta(base, next);
        const shorter = Math.min(base.length, next.length);
        const prefix = shared(base, next, (s, i) => s.charCodeAt(i), shorter);
        const fromEnd = (s: string, i: number) => s.charCodeAt(s.length - 1 - i);
        expect(delta.prefix).toBe(prefix);
        expect(delta.suffix).toBe(shared(base, next, fromEnd, shorter - prefix));
        expect(applyDelta(base, delta)).toBe(next);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a delta that does not fit its base', () => {
    expect(applyDelta('abc', { prefix: 2, suffix: 2, insert: '' })).toBeNull();
  });
});

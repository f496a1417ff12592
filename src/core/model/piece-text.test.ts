import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PieceText } from './piece-text';

const editArbitrary = fc.record({
  at: fc.nat(),
  removed: fc.nat({ max: 400 }),
  insert: fc.oneof(fc.string({ maxLength: 5 }), fc.string({ minLength: 200, maxLength: 600 })),
});

describe('PieceText', () => {
  it('reads after any splices as the string the same splices give', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3000 }),
        fc.array(editArbitrary, { maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: -10, max: 4000 }), fc.integer({ min: -10, max: 4000 }))),
        (start, edits, ranges) => {
          let expected = start;
          let text = PieceText.of(start);
          for (const { at, removed, insert } of edits) {
            const from = at % (expected.length + 1);
            const to = Math.min(expected.length, from + removed);
            expected = expected.slice(0, from) + insert + expected.slice(to);
            text = text.splice(from, to, insert);
          }
          expect(text.toString()).toBe(expected);
          expect(text.length).toBe(expected.length);
          for (const [from, to] of ranges) {
            expect(text.slice(from, to)).toBe(expected.slice(from, to));
            expect(text.slice(from)).toBe(expected.slice(from));
            expect(text.charCodeAt(from)).toEqual(expected.charCodeAt(from));
            expect(text.startsWith('ab', from)).toBe(expected.startsWith('ab', from));
          }
          expect(text.endsWith('\n')).toBe(expected.endsWith('\n'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the pieces few however many edits are made', () => {
    let text = PieceText.of('x'.repeat(100_000));
    for (let i = 0; i < 5000; i++)
      text = text.splice((i * 7919) % text.length, (i * 7919) % text.length, 'y');
    expect(text.pieces.length).toBeLessThanOrEqual(512);
    // Typing at one place keeps one piece there.
    let typed = PieceText.of('a'.repeat(10_000));
    for (let i = 0; i < 100; i++) typed = typed.splice(5000 + i, 5000 + i, 'b');
    expect(typed.pieces.length).toBe(3);
  });
});

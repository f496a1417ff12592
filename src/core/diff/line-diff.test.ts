import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, diffSequences, type LineChange, splitLines } from './line-diff';

/** Applies the changes to `a` and checks that the lines they leave alone are the same on both sides. */
function apply(a: readonly string[], b: readonly string[], changes: readonly LineChange[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    expect(change.aStart - i).toBe(change.bStart - j);
    for (; i < change.aStart; i++, j++) expect(a[i]).toBe(b[j]);
    i = change.aEnd;
    j = change.bEnd;
  }
  expect(a.length - i).toBe(b.length - j);
  for (; i < a.length; i++, j++) expect(a[i]).toBe(b[j]);
  // Rebuild b from a's common lines and b's changed ones.
  let at = 0;
  for (const change of changes) {
    out.push(...a.slice(at, change.aStart), ...b.slice(change.bStart, change.bEnd));
    at = change.aEnd;
  }
  out.push(...a.slice(at));
  return out;
}

/** The length of the longest common subsequence, by the textbook table. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

const editCount = (changes: readonly LineChange[]) =>
  changes.reduce((n, c) => n + (c.aEnd - c.aStart) + (c.bEnd - c.bStart), 0);

const linesArbitrary = (maxLength: number) =>
  fc.array(fc.constantFrom('a\n', 'b\n', 'c\n', 'd\r\n', 'a\r\n', 'e'), { maxLength });

describe('splitLines', () => {
  it('keeps each line’s own ending and a last line without one', () => {
    expect(splitLines('a\r\nb\nc')).toEqual(['a\r\n', 'b\n', 'c']);
    expect(splitLines('a\n')).toEqual(['a\n']);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('x\ry\n')).toEqual(['x\ry\n']);
  });
});

describe('diffLines', () => {
  it('finds nothing in equal texts, and one change for an edited line', () => {
    expect(diffLines('a\nb\n', 'a\nb\n').changes).toEqual([]);
    expect(diffLines('a\nb\nc\n', 'a\nB\nc\n').changes).toEqual([{ aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 }]);
  });

  it('counts a changed line ending and an added final newline as changed lines', () => {
    expect(diffLines('a\r\nb\r\n', 'a\r\nb\n').changes).toEqual([{ aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 }]);
    expect(diffLines('a\nb', 'a\nb\n').changes).toEqual([{ aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 }]);
  });

  it('handles empty sides', () => {
    expect(diffLines('', 'a\nb').changes).toEqual([{ aStart: 0, aEnd: 0, bStart: 0, bEnd: 2 }]);
    expect(diffLines('a\n', '').changes).toEqual([{ aStart: 0, aEnd: 1, bStart: 0, bEnd: 0 }]);
  });

  it('gives a valid and shortest edit script (against the textbook table)', () => {
    fc.assert(
      fc.property(linesArbitrary(40), linesArbitrary(40), (a, b) => {
        const changes = diffSequences(a, b);
        expect(apply(a, b, changes)).toEqual(b);
        expect(editCount(changes)).toBe(a.length + b.length - 2 * lcsLength(a, b));
        for (let k = 1; k < changes.length; k++) {
          expect(changes[k].aStart).toBeGreaterThan(changes[k - 1].aEnd);
        }
      }),
      { numRuns: 400 },
    );
  }, 30_000);

  it('stays exact, if not always shortest, past the cost limit (texts that share little)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 800, maxLength: 1500 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 800, maxLength: 1500 }),
        (x, y) => {
          const a = x.map((n) => `${n}\n`);
          const b = y.map((n) => `${n}\n`);
          expect(apply(a, b, diffSequences(a, b))).toEqual(b);
        },
      ),
      { numRuns: 8 },
    );
  }, 60_000);

  it('compares a 2 MB file with a few scattered edits line by line', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `  <entry id="${i}">value ${i % 97}</entry>\n`);
    const before = lines.join('');
    const edited = [...lines];
    edited[10] = '  <entry id="10">changed</entry>\n';
    edited.splice(30_000, 1);
    edited.splice(59_990, 0, '  <new/>\n');
    const diff = diffLines(before, edited.join(''));
    expect(before.length).toBeGreaterThan(2_000_000);
    expect(diff.changes).toEqual([
      { aStart: 10, aEnd: 11, bStart: 10, bEnd: 11 },
      { aStart: 30_000, aEnd: 30_001, bStart: 30_000, bEnd: 30_000 },
      { aStart: 59_991, aEnd: 59_991, bStart: 59_990, bEnd: 59_991 },
    ]);
  }, 30_000);
});

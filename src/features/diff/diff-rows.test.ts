import { describe, expect, it } from 'vitest';
import { diffLines, hunksOf } from '../../core';
import { changedSpans, hunkShowing, splitRows, unifiedRows } from './diff-rows';

const before = 'a\r\n<level>7</level>\r\nc\r\nd\r\n';

describe('diff rows', () => {
  it('set a changed line beside the line it replaced and mark what differs', () => {
    const [hunk] = hunksOf(diffLines(before, before.replace('<level>7', '<level>10')));
    const rows = splitRows(hunk);
    expect(rows).toHaveLength(4);
    expect(rows[1].left).toMatchObject({
      kind: 'removed',
      number: 2,
      text: '<level>7</level>',
      changed: [7, 8],
    });
    expect(rows[1].right).toMatchObject({
      kind: 'added',
      number: 2,
      text: '<level>10</level>',
      changed: [7, 9],
    });
    expect(rows[0].left).toMatchObject({ kind: 'context', text: 'a', ending: 'CRLF', showEnding: false });
  });

  it('leave the other side empty for lines only one text has', () => {
    const rows = splitRows(hunksOf(diffLines('a\nb\n', 'a\nx\ny\nb\n'))[0]);
    expect(rows.map((r) => [r.left?.text, r.right?.text])).toEqual([
      ['a', 'a'],
      [undefined, 'x'],
      [undefined, 'y'],
      ['b', 'b'],
    ]);
    expect(rows[3].right?.number).toBe(4);
  });

  it('show the line ending when it is all that changed, and a missing final newline', () => {
    const rows = splitRows(hunksOf(diffLines('a\r\nb', 'a\nb'))[0]);
    expect(rows[0].left).toMatchObject({ text: 'a', ending: 'CRLF', showEnding: true });
    expect(rows[0].right).toMatchObject({ text: 'a', ending: 'LF', showEnding: true });
    expect(rows[1].left).toMatchObject({ kind: 'context', ending: 'none', showEnding: true });
  });

  it('list removed lines before added ones in the unified view, with both numbers on common lines', () => {
    const rows = unifiedRows(hunksOf(diffLines('a\nb\nc\n', 'a\nB\nc\nd\n'))[0]);
    expect(rows.map((r) => [r.oldNumber, r.newNumber, r.cell.kind, r.cell.text])).toEqual([
      [1, 1, 'context', 'a'],
      [2, undefined, 'removed', 'b'],
      [undefined, 2, 'added', 'B'],
      [3, 3, 'context', 'c'],
      [undefined, 4, 'added', 'd'],
    ]);
    expect(rows[1].cell.changed).toEqual([0, 1]);
  });

  it('find the hunk that shows a block’s lines', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${i}\n`);
    const edited = [...lines];
    edited[5] = 'five\n';
    edited[30] = 'thirty\n';
    const hunks = hunksOf(diffLines(lines.join(''), edited.join('')));
    expect(hunkShowing(hunks, 'b', 28, 33)).toBe(1);
    expect(hunkShowing(hunks, 'a', 0, 3)).toBe(0);
    expect(hunkShowing(hunks, 'a', 15, 20)).toBe(-1);
  });

  it('mark nothing in equal texts', () => {
    expect(changedSpans('abc', 'abc')).toEqual({ a: [3, 3], b: [3, 3] });
    expect(changedSpans('abXc', 'abc')).toEqual({ a: [2, 3], b: [2, 2] });
  });
});

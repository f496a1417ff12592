import { describe, expect, it } from 'vitest';
import { changedLines } from './changed-lines';

describe('changedLines', () => {
  it('finds nothing in an unchanged text', () => {
    expect(changedLines('a\nb\n', 'a\nb\n')).toEqual([]);
  });

  it('marks an edited line and added lines, not the lines around them', () => {
    expect(changedLines('a\nb\nc\n', 'a\nB\nc\n')).toEqual([2]);
    expect(changedLines('a\nb\nc\n', 'a\nb\nx\ny\nc\n')).toEqual([3, 4]);
    expect(changedLines('a\nb\nc\nd\n', 'a\nX\nc\nY\n')).toEqual([2, 4]);
  });

  it('marks nothing for a deletion, and treats CRLF lines like LF lines', () => {
    expect(changedLines('a\r\nb\r\nc\r\n', 'a\r\nc\r\n')).toEqual([]);
    expect(changedLines('a\r\nb\r\n', 'a\r\nz\r\n')).toEqual([2]);
  });

  it('counts a line whose line break changed, and only that line', () => {
    expect(changedLines('a\r\nb\r\nc\r\n', 'a\r\nb\nc\r\n')).toEqual([2]);
    expect(changedLines('a\rb\rc', 'a\rB\rc')).toEqual([2]);
  });
});

describe('changedLines on uncommon line breaks', () => {
  it('marks a line whose ending alone changed, and numbers lines as the editor does after a lone CR', () => {
    expect(changedLines('a\r\nb\r\n', 'a\r\nb\n')).toEqual([2]);
    expect(changedLines('a\rb\nc\n', 'a\rb\nC\n')).toEqual([3]);
    expect(changedLines('a\nb\n', 'a\nx\ry\nb\n')).toEqual([2, 3]);
  });
});

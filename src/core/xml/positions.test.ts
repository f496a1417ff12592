import { describe, expect, it } from 'vitest';
import { daemonLineAt, lineStarts, offsetAt, positionAt } from './positions';

describe('positions', () => {
  it('counts CRLF, LF and a lone CR as one line break each, as editors do', () => {
    const text = 'a\r\nb\nc\rd';
    expect(lineStarts(text)).toEqual([0, 3, 5, 7]);
    expect(positionAt(text, text.indexOf('d'))).toEqual({ line: 4, column: 1 });
    expect(positionAt(text, text.indexOf('b'))).toEqual({ line: 2, column: 1 });
    // Between the CR and the LF of a CRLF is still the end of line 1.
    expect(positionAt(text, 2)).toEqual({ line: 1, column: 3 });
    expect(offsetAt(text, 3, 1)).toBe(text.indexOf('c'));
  });

  it('gives the daemon its own count, which only sees LF', () => {
    const text = '<a>\r<b>\r\n</c>';
    expect(positionAt(text, text.indexOf('</c>')).line).toBe(3);
    expect(daemonLineAt(text, text.indexOf('</c>'))).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { daemonLineAt, lineStarts, lineStartsAfterEdit, offsetAt, positionAt } from './positions';

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

describe('lineStartsAfterEdit', () => {
  it('gives the line starts a fresh pass over the edited text gives', () => {
    const texts = ['a\nb\r\nc\rd\n', '\n\n', 'x', '\r\n\r\n  <a>\n</a>\r', ''];
    const pieces = ['', 'z', '\n', '\r\n', '\r', 'q\nr'];
    for (const text of texts) {
      for (let from = 0; from <= text.length; from++) {
        for (let to = from; to <= text.length; to++) {
          for (const piece of pieces) {
            const edited = text.slice(0, from) + piece + text.slice(to);
            // The checker never cuts a CRLF in two.
            const cuts = (t: string, at: number) => t[at - 1] === '\r' && t[at] === '\n';
            if (
              cuts(text, from) ||
              cuts(text, to) ||
              cuts(edited, from) ||
              cuts(edited, from + piece.length)
            ) {
              continue;
            }
            lineStarts(text);
            lineStartsAfterEdit(text, edited, from, to, from + piece.length);
            const moved = [...lineStarts(edited)];
            lineStarts('forget');
            expect(moved, JSON.stringify({ text, from, to, piece })).toEqual(lineStarts(edited));
          }
        }
      }
    }
  });

  it('keeps giving them, and positions, through a long run of edits (each moves the last ones)', () => {
    let random = 7;
    const next = (below: number) => {
      random = (random * 1_103_515_245 + 12_345) % 2_147_483_648;
      return random % below;
    };
    const pieces = ['', 'ab', '\n', '\r\n', 'x\ny\n', '<a>\n  <b/>\n</a>'];
    let text = 'line\n'.repeat(50);
    lineStarts(text);
    for (let step = 0; step < 300; step++) {
      const from = next(text.length + 1);
      const to = Math.min(text.length, from + next(8));
      const piece = pieces[next(pieces.length)];
      const edited = text.slice(0, from) + piece + text.slice(to);
      const cuts = (t: string, at: number) => t[at - 1] === '\r' && t[at] === '\n';
      if (cuts(text, from) || cuts(text, to) || cuts(edited, from) || cuts(edited, from + piece.length))
        continue;
      lineStartsAfterEdit(text, edited, from, to, from + piece.length);
      text = edited;
      // Counted here, apart: asking the module about another text would drop the starts it moved.
      const starts = [0];
      for (const [i, c] of [...text].entries()) {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
      }
      const offset = next(text.length + 1);
      const line = starts.findLastIndex((start) => start <= offset);
      expect(positionAt(text, offset)).toEqual({ line: line + 1, column: offset - starts[line] + 1 });
      expect(lineStarts(text)).toEqual(starts);
    }
  });
});

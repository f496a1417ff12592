import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineBreakMap } from './line-breaks';

describe('LineBreakMap', () => {
  it('shows every line break as one LF and maps offsets both ways', () => {
    const map = new LineBreakMap('<a>\r\n  <b/>\r\n</a>\r\n');
    expect(map.display).toBe('<a>\n  <b/>\n</a>\n');
    const b = map.text.indexOf('<b/>');
    expect(map.toDisplay(b)).toBe(map.display.indexOf('<b/>'));
    expect(map.toDocument(map.display.indexOf('</a>'))).toBe(map.text.indexOf('</a>'));
    // The middle of a CRLF is the start of the line break.
    expect(map.toDisplay(4)).toBe(3);
    expect(map.toDisplay(map.text.length)).toBe(map.display.length);
  });

  it('leaves CR-only and mixed files one character per line break', () => {
    const map = new LineBreakMap('a\rb\nc\r\nd');
    expect(map.display).toBe('a\nb\nc\nd');
    expect(map.toDocument(map.display.indexOf('d'))).toBe(map.text.indexOf('d'));
    expect(map.toDisplay(map.text.indexOf('c'))).toBe(map.display.indexOf('c'));
  });

  it('changes only the typed characters, typing line breaks in the line’s own ending', () => {
    const text = '<a>\r\n  <b>1</b>\r\n</a>\r\n';
    const map = new LineBreakMap(text);
    const at = map.display.indexOf('1');
    expect(map.apply([{ from: at, to: at + 1, insert: '22' }])).toBe(text.replace('1', '22'));
    const end = map.display.indexOf('</b>') + 4;
    expect(map.apply([{ from: end, to: end, insert: '\n  <c/>' }])).toBe(
      text.replace('</b>', '</b>\r\n  <c/>'),
    );
    // Deleting a line break deletes both of its characters.
    const first = map.display.indexOf('\n');
    expect(map.apply([{ from: first, to: first + 1, insert: '' }])).toBe(text.replace('\r\n', ''));
    expect(new LineBreakMap('x\ry').apply([{ from: 1, to: 1, insert: '\n' }])).toBe('x\r\ry');
  });

  it('never fuses a typed line break with a lone CR before it or an LF after it', () => {
    // A line ending in CR, then lines ending in LF: a break typed at the start of the LF line follows a CR.
    expect(new LineBreakMap('a\rb\n').apply([{ from: 2, to: 2, insert: '\n' }])).toBe('a\r\r\nb\n');
    expect(new LineBreakMap('\ra\na').apply([{ from: 0, to: 2, insert: '\n' }])).toBe('\r\n\na');
    // Deleting what separates them does fuse them into one CRLF.
    expect(new LineBreakMap('\rb\n').apply([{ from: 1, to: 2, insert: '' }])).toBe('\r\n');
  });

  it('round-trips any text and any edit against a plain splice of the display text', () => {
    const chars = fc.constantFrom('a', '<', '>', ' ', '\r', '\n', '\r\n', 'é');
    const text = fc.array(chars, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        text,
        fc.nat(),
        fc.nat(),
        fc.array(fc.constantFrom('x', '\n'), { maxLength: 4 }),
        (t, i, j, ins) => {
          const map = new LineBreakMap(t);
          const from = Math.min(i, j) % (map.display.length + 1);
          const to = Math.min((Math.max(i, j) % (map.display.length + 1)) + 0, map.display.length);
          const lo = Math.min(from, to);
          const hi = Math.max(from, to);
          for (let d = 0; d <= map.display.length; d++) expect(map.toDisplay(map.toDocument(d))).toBe(d);
          const docFrom = map.toDocument(lo);
          const docTo = map.toDocument(hi);
          // Deleting what separates a lone CR from an LF fuses them (tested below).
          fc.pre(!(ins.length === 0 && t[docFrom - 1] === '\r' && t[docTo] === '\n'));
          const next = map.apply([{ from: lo, to: hi, insert: ins.join('') }]);
          const expected = map.display.slice(0, lo) + ins.join('') + map.display.slice(hi);
          expect(new LineBreakMap(next).display).toBe(expected);
          // Bytes before and after the change are the document's own.
          expect(next.startsWith(t.slice(0, docFrom))).toBe(true);
          expect(next.endsWith(t.slice(docTo))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  }, 30_000);
});

/**
 * CodeMirror keeps every line break as one `\n`, whatever the file uses (`\r\n`, `\r`, `\n`). The document
 * keeps the file's own bytes, so a CRLF is two characters there and one in the editor. This maps offsets
 * between the two and turns the editor's changes into changes of the document's text that touch only the
 * typed characters.
 */

export interface TextChange {
  /** Offsets in the editor's text. */
  from: number;
  to: number;
  /** The inserted text with `\n` line breaks, as the editor holds it. */
  insert: string;
}

export class LineBreakMap {
  /** The document's text as the editor holds it. */
  readonly display: string;
  /** Document offsets of the `\r` of each `\r\n`, ascending. */
  readonly #pairs: number[];

  constructor(readonly text: string) {
    const pairs: number[] = [];
    if (text.includes('\r')) {
      for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
        if (text.charCodeAt(i + 1) === 10) pairs.push(i);
      }
      this.display = text.replace(/\r\n?/g, '\n');
    } else {
      this.display = text;
    }
    this.#pairs = pairs;
  }

  /** How many pairs start before `offset` in the document (binary search). */
  #pairsBefore(offset: number): number {
    let low = 0;
    let high = this.#pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#pairs[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The editor offset of a document offset; the middle of a CRLF maps to the start of the line break. */
  toDisplay(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const before = this.#pairsBefore(clamped);
    if (before > 0 && this.#pairs[before - 1] === clamped - 1) return clamped - 1 - (before - 1);
    return clamped - before;
  }

  /** The document offset of an editor offset. */
  toDocument(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.display.length));
    // The k-th pair sits at display offset pairs[k] - k; count the pairs strictly before `clamped`.
    let low = 0;
    let high = this.#pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#pairs[mid] - mid < clamped) low = mid + 1;
      else high = mid;
    }
    return clamped + low;
  }

  /** The line break the document uses at the end of the line that holds `offset` (else the last one before it). */
  lineBreakAt(offset: number): string {
    const { text } = this;
    for (let i = offset; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) return '\n';
      if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
    }
    for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (c === 10) return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
      if (c === 13) return '\r';
    }
    return '\n';
  }

  /**
   * The document's text after the editor's changes (offsets in the editor's text before them, ascending and
   * not overlapping). Everything outside the changed ranges keeps its bytes; a typed line break takes the
   * line break of the line it is typed on. (Deleting the text between a lone CR and an LF fuses them into
   * one CRLF: the file then has one line break there, and the editor shows that.)
   */
  apply(changes: readonly TextChange[]): string {
    const { text } = this;
    const pieces: string[] = [];
    let copied = 0;
    for (const change of changes) {
      const from = this.toDocument(change.from);
      const to = this.toDocument(change.to);
      pieces.push(text.slice(copied, from));
      pieces.push(this.#withLineBreaks(change.insert, from, to));
      copied = Math.max(copied, to);
    }
    pieces.push(text.slice(copied));
    return pieces.join('');
  }

  /**
   * `insert` with each LF written as the line's own line break; a lone CR or LF that would fuse with its
   * neighbour into a CRLF (one line break where the admin typed two) is written as a CRLF instead.
   */
  #withLineBreaks(insert: string, from: number, to: number): string {
    if (!insert.includes('\n')) return insert;
    const eol = this.lineBreakAt(from);
    if (eol === '\r\n') return insert.replaceAll('\n', eol);
    let out = '';
    let previous = this.text.charCodeAt(from - 1);
    for (const [i, chunk] of insert.split('\n').entries()) {
      if (i > 0) {
        const lineBreak = eol === '\n' && previous === 13 ? '\r\n' : eol;
        out += lineBreak;
        previous = lineBreak.charCodeAt(lineBreak.length - 1);
      }
      out += chunk;
      if (chunk !== '') previous = chunk.charCodeAt(chunk.length - 1);
    }
    if (out.endsWith('\r') && this.text.charCodeAt(to) === 10) out += '\n';
    return out;
  }
}

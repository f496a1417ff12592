/**
 * The text of an edited document as the pieces the edits left: slices of the text first read and the
 * text each edit put in. An edit reads around its place through the pieces and makes new pieces, so it
 * never copies the whole text; `ConfigDocument.text` is the pieces joined as a V8 cons string, which is
 * made flat only when a caller reads it (and then once).
 */

/** What the edits read of a text: a string is one, and so is a PieceText. */
export interface TextReader {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
  startsWith(search: string, position?: number): boolean;
  endsWith(search: string): boolean;
}

/** Past this many pieces the text is joined into one again: each edit adds at most two. */
const MAX_PIECES = 512;
/** Neighbouring pieces this short are joined, so that typing at one place keeps one piece there. */
const SMALL_PIECE = 256;

export class PieceText implements TextReader {
  readonly length: number;
  /** Where each piece starts in the text. */
  readonly #starts: number[];

  private constructor(readonly pieces: readonly string[]) {
    const starts: number[] = [];
    let at = 0;
    for (const piece of pieces) {
      starts.push(at);
      at += piece.length;
    }
    this.#starts = starts;
    this.length = at;
  }

  static of(text: string): PieceText {
    return new PieceText(text.length > 0 ? [text] : []);
  }

  /** The piece that holds `offset` (`0 <= offset < length`). */
  #pieceAt(offset: number): number {
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return Number.NaN;
    const p = this.#pieceAt(index);
    return this.pieces[p].charCodeAt(index - this.#starts[p]);
  }

  slice(start: number, end = this.length): string {
    let from = Math.max(0, Math.min(start < 0 ? this.length + start : start, this.length));
    const to = Math.max(from, Math.min(end < 0 ? this.length + end : end, this.length));
    let text = '';
    for (let p = from < to ? this.#pieceAt(from) : this.pieces.length; from < to; p++) {
      const piece = this.pieces[p];
      const pieceStart = this.#starts[p];
      const upTo = Math.min(piece.length, to - pieceStart);
      text += piece.slice(from - pieceStart, upTo);
      from = pieceStart + upTo;
    }
    return text;
  }

  startsWith(search: string, position = 0): boolean {
    return this.slice(position, position + search.length) === search;
  }

  endsWith(search: string): boolean {
    return search.length <= this.length && this.slice(this.length - search.length) === search;
  }

  /** The text with `[start, end)` replaced by `insert`; the pieces it does not reach are shared. */
  splice(start: number, end: number, insert: string): PieceText {
    const pieces: string[] = [];
    const add = (piece: string) => {
      if (piece.length === 0) return;
      const last = pieces.at(-1);
      if (last !== undefined && last.length < SMALL_PIECE && piece.length < SMALL_PIECE)
        pieces[pieces.length - 1] = last + piece;
      else pieces.push(piece);
    };
    let inserted = false;
    for (let p = 0; p < this.pieces.length; p++) {
      const piece = this.pieces[p];
      const pieceStart = this.#starts[p];
      const pieceEnd = pieceStart + piece.length;
      if (pieceEnd <= start) {
        add(piece);
        continue;
      }
      if (!inserted) {
        if (pieceStart < start) add(piece.slice(0, start - pieceStart));
        add(insert);
        inserted = true;
      }
      if (pieceEnd > end) add(pieceStart >= end ? piece : piece.slice(end - pieceStart));
    }
    if (!inserted) add(insert);
    return pieces.length > MAX_PIECES ? new PieceText([pieces.join('')]) : new PieceText(pieces);
  }

  /** The pieces joined without copying them (a cons string), or the one piece. */
  toString(): string {
    let text = '';
    for (const piece of this.pieces) text += piece;
    return text;
  }
}

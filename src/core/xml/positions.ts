/**
 * Offset ↔ line/column, 1-based, with line starts cached for the last text seen (edits re-use it rarely).
 *
 * Lines end at `\r\n`, `\n` or a lone `\r`, as in every editor (the XML view included), so a position the
 * page or the command line shows is where the admin's editor shows it. The daemon's own messages count
 * only `\n` (`daemonLineAt`).
 */

export interface Position {
  line: number;
  column: number;
}

/** Line starts `source[from, to)`, each moved `shift` characters on. */
interface StartsRun {
  readonly source: Int32Array;
  readonly from: number;
  readonly to: number;
  readonly shift: number;
}

/** Once an edited text's starts lie in this many runs, they are copied into one. */
const MOST_RUNS = 32;

/**
 * The line starts of one text, as runs of typed arrays (an earlier text's starts, moved): after an edit the
 * starts past it are not copied with their new offsets, so moving a large file's line index costs the
 * lines the edit changed and a few runs, not a copy of every start (issue 9 §1).
 */
class LineIndex {
  readonly length: number;
  /** The line each run begins at. */
  readonly #firsts: number[];

  constructor(readonly runs: readonly StartsRun[]) {
    const firsts: number[] = [];
    let at = 0;
    for (const run of runs) {
      firsts.push(at);
      at += run.to - run.from;
    }
    this.#firsts = firsts;
    this.length = at;
  }

  static of(starts: Int32Array): LineIndex {
    return new LineIndex([{ source: starts, from: 0, to: starts.length, shift: 0 }]);
  }

  /** The offset where 0-based line `line` starts. */
  at(line: number): number {
    const firsts = this.#firsts;
    let low = 0;
    let high = firsts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (firsts[mid] <= line) low = mid;
      else high = mid - 1;
    }
    const run = this.runs[low];
    return run.source[run.from + line - firsts[low]] + run.shift;
  }

  /** 0-based index of the line that holds `offset`. */
  lineAt(offset: number): number {
    const { runs } = this;
    let low = 0;
    let high = runs.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (runs[mid].source[runs[mid].from] + runs[mid].shift <= offset) low = mid;
      else high = mid - 1;
    }
    const run = runs[low];
    const sought = offset - run.shift;
    let first = run.from;
    let last = run.to - 1;
    while (first < last) {
      const mid = (first + last + 1) >> 1;
      if (run.source[mid] <= sought) first = mid;
      else last = mid - 1;
    }
    return this.#firsts[low] + first - run.from;
  }

  toArray(): Int32Array {
    if (this.runs.length === 1 && this.runs[0].shift === 0) {
      const [run] = this.runs;
      return run.source.subarray(run.from, run.to);
    }
    const starts = new Int32Array(this.length);
    let at = 0;
    for (const run of this.runs) {
      if (run.shift === 0) starts.set(run.source.subarray(run.from, run.to), at);
      else for (let i = run.from; i < run.to; i++) starts[at + i - run.from] = run.source[i] + run.shift;
      at += run.to - run.from;
    }
    return starts;
  }

  /** Lines `[kept, after)` replaced by lines starting at `added`, and the lines after them moved `shift` on. */
  splice(kept: number, after: number, added: Int32Array, shift: number): LineIndex {
    const runs: StartsRun[] = [];
    const later: StartsRun[] = [];
    this.runs.forEach((run, r) => {
      const first = this.#firsts[r];
      const end = first + run.to - run.from;
      if (first < kept) runs.push(end <= kept ? run : { ...run, to: run.from + kept - first });
      if (end > after) {
        const from = run.from + Math.max(0, after - first);
        later.push({ source: run.source, from, to: run.to, shift: run.shift + shift });
      }
    });
    if (added.length > 0) runs.push({ source: added, from: 0, to: added.length, shift: 0 });
    const index = new LineIndex(runs.concat(later));
    return index.runs.length > MOST_RUNS ? LineIndex.of(index.toArray()) : index;
  }
}

let cachedText: string | null = null;
let cachedStarts = LineIndex.of(Int32Array.of(0));

const LF = 10;
const CR = 13;

/** The offsets where the lines of `text` start, for the last text asked about. */
function startsOf(text: string): LineIndex {
  if (text === cachedText) return cachedStarts;
  const starts = [0];
  const hasCr = text.includes('\r');
  if (!hasCr) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) starts.push(i + 1);
      else if (c === CR) {
        if (text.charCodeAt(i + 1) === LF) i++;
        starts.push(i + 1);
      }
    }
  }
  cachedText = text;
  cachedStarts = LineIndex.of(Int32Array.from(starts));
  return cachedStarts;
}

export function lineStarts(text: string): number[] {
  return Array.from(startsOf(text).toArray());
}

/**
 * Tells the line index that `newText` is `oldText` with `oldText[from, oldTo)` replaced by
 * `newText[from, newTo)`, neither end inside a CRLF: when the old text's line starts are at hand, the new
 * ones are those moved, plus those of the replacement, instead of a pass over the whole new text.
 */
export function lineStartsAfterEdit(
  oldText: string,
  newText: string,
  from: number,
  oldTo: number,
  newTo: number,
): void {
  // Only the old text is compared: the same object as the cached one when the checker saw it last, so the
  // comparison is immediate; comparing the new one would read both texts through.
  if (oldText !== cachedText) return;
  const old = cachedStarts;
  // Starts up to `from` stay; those of breaks inside the old span go; those after it move.
  const kept = old.lineAt(from) + 1;
  let after = kept;
  while (after < old.length && old.at(after) <= oldTo) after++;
  const added: number[] = [];
  for (let i = from; i < newTo; i++) {
    const c = newText.charCodeAt(i);
    if (c === LF) added.push(i + 1);
    else if (c === CR) {
      if (newText.charCodeAt(i + 1) === LF) i++;
      added.push(i + 1);
    }
  }
  cachedText = newText;
  cachedStarts = old.splice(kept, after, Int32Array.from(added), newTo - oldTo);
}

/** 0-based index of the line that holds `offset`, given the offsets where lines start (ascending, from 0). */
export function lineIndexAt(starts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function positionAt(text: string, offset: number): Position {
  const starts = startsOf(text);
  const clamped = Math.max(0, Math.min(offset, text.length));
  const line = starts.lineAt(clamped);
  return { line: line + 1, column: clamped - starts.at(line) + 1 };
}

export function offsetAt(text: string, line: number, column: number): number {
  const starts = startsOf(text);
  const start = starts.at(Math.max(0, Math.min(line - 1, starts.length - 1)));
  return Math.min(start + Math.max(0, column - 1), text.length);
}

/** The line number the daemon's XML reader gives for `offset`: it counts `\n` only (OS_XML `_xml_fgetc`). */
export function daemonLineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

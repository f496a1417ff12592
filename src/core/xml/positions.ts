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

let cachedText: string | null = null;
/** A typed array: moving a large file's line starts after an edit is then two copies and a tight loop. */
let cachedStarts = Int32Array.of(0);

const LF = 10;
const CR = 13;

/** The offsets where the lines of `text` start, for the last text asked about. */
function startsOf(text: string): Int32Array {
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
  cachedStarts = Int32Array.from(starts);
  return cachedStarts;
}

export function lineStarts(text: string): number[] {
  return Array.from(startsOf(text));
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
  let kept = lineIndexAt(old, from) + 1;
  while (kept < old.length && old[kept] <= from) kept++;
  let after = kept;
  while (after < old.length && old[after] <= oldTo) after++;
  const added: number[] = [];
  for (let i = from; i < newTo; i++) {
    const c = newText.charCodeAt(i);
    if (c === LF) added.push(i + 1);
    else if (c === CR) {
      if (newText.charCodeAt(i + 1) === LF) i++;
      added.push(i + 1);
    }
  }
  const starts = new Int32Array(kept + added.length + old.length - after);
  starts.set(old.subarray(0, kept));
  starts.set(added, kept);
  const shift = newTo - oldTo;
  for (let i = after, at = kept + added.length; i < old.length; i++, at++) starts[at] = old[i] + shift;
  cachedText = newText;
  cachedStarts = starts;
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
  const line = lineIndexAt(starts, clamped);
  return { line: line + 1, column: clamped - starts[line] + 1 };
}

export function offsetAt(text: string, line: number, column: number): number {
  const starts = startsOf(text);
  const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
  return Math.min(start + Math.max(0, column - 1), text.length);
}

/** The line number the daemon's XML reader gives for `offset`: it counts `\n` only (OS_XML `_xml_fgetc`). */
export function daemonLineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

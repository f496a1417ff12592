/** Offset ↔ line/column, 1-based, with line starts cached for the last text seen (edits re-use it rarely). */

export interface Position {
  line: number;
  column: number;
}

let cachedText: string | null = null;
let cachedStarts: number[] = [0];

export function lineStarts(text: string): number[] {
  if (text === cachedText) return cachedStarts;
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  cachedText = text;
  cachedStarts = starts;
  return starts;
}

/** 0-based index of the line that holds `offset`, given the offsets where lines start (ascending, from 0). */
export function lineIndexAt(starts: readonly number[], offset: number): number {
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
  const starts = lineStarts(text);
  const clamped = Math.max(0, Math.min(offset, text.length));
  const line = lineIndexAt(starts, clamped);
  return { line: line + 1, column: clamped - starts[line] + 1 };
}

export function offsetAt(text: string, line: number, column: number): number {
  const starts = lineStarts(text);
  const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
  return Math.min(start + Math.max(0, column - 1), text.length);
}

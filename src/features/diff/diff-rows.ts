import type { Hunk, HunkLine } from '../../core';

export type Ending = 'CRLF' | 'LF' | 'none';

/** One line as the diff view shows it: its text without the line break, and which break it had. */
export interface DiffCell {
  kind: HunkLine['kind'];
  /** 1-based line number in its own text. */
  number: number;
  text: string;
  ending: Ending;
  /** Show the line break: it is what changed, or the file ends without one. */
  showEnding: boolean;
  /** The part of the text that differs from the line it replaced or was replaced by. */
  changed?: [number, number];
}

export interface SplitRow {
  left?: DiffCell;
  right?: DiffCell;
}

export interface UnifiedRow {
  cell: DiffCell;
  /** The line's number in the imported text (context and removed lines). */
  oldNumber?: number;
  /** The line's number in the draft (context and added lines). */
  newNumber?: number;
}

function endingOf(line: string): { text: string; ending: Ending } {
  if (line.endsWith('\r\n')) return { text: line.slice(0, -2), ending: 'CRLF' };
  if (line.endsWith('\n')) return { text: line.slice(0, -1), ending: 'LF' };
  return { text: line, ending: 'none' };
}

function cellOf(line: HunkLine): DiffCell {
  const { text, ending } = endingOf(line.text);
  const number = (line.kind === 'added' ? (line.bLine as number) : (line.aLine as number)) + 1;
  return { kind: line.kind, number, text, ending, showEnding: ending === 'none' };
}

/** The stretch of `a` and of `b` between their common start and their common end. */
export function changedSpans(a: string, b: string): { a: [number, number]; b: [number, number] } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { a: [start, endA], b: [start, endB] };
}

/** A removed line and the added line shown beside it: what differs between them is marked on each. */
function pairUp(removed: DiffCell, added: DiffCell): void {
  if (removed.text === added.text) {
    removed.showEnding = true;
    added.showEnding = true;
    return;
  }
  const spans = changedSpans(removed.text, added.text);
  removed.changed = spans.a;
  added.changed = spans.b;
}

/** The hunk's lines in runs: common lines one by one, each change as its removed and its added lines. */
function runs(hunk: Hunk): Array<{ context: HunkLine } | { removed: HunkLine[]; added: HunkLine[] }> {
  const out: Array<{ context: HunkLine } | { removed: HunkLine[]; added: HunkLine[] }> = [];
  for (const line of hunk.lines) {
    const last = out.at(-1);
    if (line.kind === 'context') out.push({ context: line });
    else if (last && 'removed' in last && (line.kind === 'added' || last.added.length === 0)) {
      last[line.kind].push(line);
    } else
      out.push(line.kind === 'removed' ? { removed: [line], added: [] } : { removed: [], added: [line] });
  }
  return out;
}

/** Side by side: the n-th removed line of a change beside its n-th added line. */
export function splitRows(hunk: Hunk): SplitRow[] {
  const rows: SplitRow[] = [];
  for (const run of runs(hunk)) {
    if ('context' in run) {
      const left = cellOf(run.context);
      const right = { ...left, number: (run.context.bLine as number) + 1 };
      rows.push({ left, right });
      continue;
    }
    const count = Math.max(run.removed.length, run.added.length);
    for (let k = 0; k < count; k++) {
      const left = run.removed[k] ? cellOf(run.removed[k]) : undefined;
      const right = run.added[k] ? cellOf(run.added[k]) : undefined;
      if (left && right) pairUp(left, right);
      rows.push({ left, right });
    }
  }
  return rows;
}

/** One column: removed lines, then added ones, marked as in the side-by-side view. */
export function unifiedRows(hunk: Hunk): UnifiedRow[] {
  const rows: UnifiedRow[] = [];
  for (const run of runs(hunk)) {
    if ('context' in run) {
      const cell = cellOf(run.context);
      rows.push({ cell, oldNumber: cell.number, newNumber: (run.context.bLine as number) + 1 });
      continue;
    }
    const removed = run.removed.map(cellOf);
    const added = run.added.map(cellOf);
    for (let k = 0; k < Math.min(removed.length, added.length); k++) pairUp(removed[k], added[k]);
    for (const cell of removed) rows.push({ cell, oldNumber: cell.number });
    for (const cell of added) rows.push({ cell, newNumber: cell.number });
  }
  return rows;
}

/** The first hunk that shows any of the lines `[from, to]` (0-based) of one side. */
export function hunkShowing(hunks: readonly Hunk[], side: 'a' | 'b', from: number, to: number): number {
  return hunks.findIndex((hunk) => {
    const start = side === 'a' ? hunk.aStart : hunk.bStart;
    const length = side === 'a' ? hunk.aLength : hunk.bLength;
    return from < start + Math.max(length, 1) && to >= start;
  });
}

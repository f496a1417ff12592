/**
 * Unified hunks and the `.diff` file, in the format `diff -u` writes and `patch` reads: lines keep their own
 * endings (a CRLF file's patch carries its CRs inside the lines, while the headers end in LF so that GNU
 * patch does not strip them), and a last line without a newline is followed by `\ No newline at end of file`.
 */

import type { LineChange, LineDiff } from './line-diff';

export type HunkLineKind = 'context' | 'removed' | 'added';

export interface HunkLine {
  kind: HunkLineKind;
  /** The line with its terminator, if it has one. */
  text: string;
  /** 0-based line index in the old text (context and removed lines). */
  aLine?: number;
  /** 0-based line index in the new text (context and added lines). */
  bLine?: number;
}

export interface Hunk {
  /** 0-based first line and line count in the old text, and in the new one. */
  aStart: number;
  aLength: number;
  bStart: number;
  bLength: number;
  lines: HunkLine[];
}

export const DEFAULT_CONTEXT = 3;

/** Changes closer than twice the context share one hunk, as in `diff -u`. */
export function hunksOf(diff: LineDiff, context = DEFAULT_CONTEXT): Hunk[] {
  const { a, b, changes } = diff;
  const groups: LineChange[][] = [];
  for (const change of changes) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    if (group && last && change.aStart - last.aEnd <= 2 * context) group.push(change);
    else groups.push([change]);
  }
  return groups.map((group) => {
    const first = group[0];
    const last = group[group.length - 1];
    const lead = Math.min(context, first.aStart);
    const trail = Math.min(context, a.length - last.aEnd);
    const aStart = first.aStart - lead;
    const bStart = first.bStart - lead;
    const lines: HunkLine[] = [];
    const common = (from: number, to: number, shift: number) => {
      for (let i = from; i < to; i++) lines.push({ kind: 'context', text: a[i], aLine: i, bLine: i + shift });
    };
    let aAt = aStart;
    for (const change of group) {
      common(aAt, change.aStart, change.bStart - change.aStart);
      for (let i = change.aStart; i < change.aEnd; i++) lines.push({ kind: 'removed', text: a[i], aLine: i });
      for (let j = change.bStart; j < change.bEnd; j++) lines.push({ kind: 'added', text: b[j], bLine: j });
      aAt = change.aEnd;
    }
    common(aAt, last.aEnd + trail, last.bEnd - last.aEnd);
    return {
      aStart,
      aLength: last.aEnd + trail - aStart,
      bStart,
      bLength: last.bEnd + trail - bStart,
      lines,
    };
  });
}

/** `-3,4` as diff writes it: the count left out when it is 1, and an empty range named by the line before it. */
function range(start: number, length: number): string {
  if (length === 0) return `${start},0`;
  return length === 1 ? `${start + 1}` : `${start + 1},${length}`;
}

export function hunkHeader(hunk: Hunk): string {
  return `@@ -${range(hunk.aStart, hunk.aLength)} +${range(hunk.bStart, hunk.bLength)} @@`;
}

const MARKS: Record<HunkLineKind, string> = { context: ' ', removed: '-', added: '+' };

/**
 * A name `patch -p0` finds in the current directory: the file's base name, with anything a patch header
 * cannot carry unquoted (spaces, tabs, quotes, control characters) replaced by `_`.
 */
export function patchFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const safe = base.replace(/[^\w.+@,=-]/g, '_').replace(/^\.+$/, '');
  return safe === '' ? 'ossec.conf' : safe;
}

/**
 * The unified patch that turns the old text into the new one, as text in the file's own characters; write
 * it with the file's encoding (`encodeText`) so that the lines match the file's bytes. Empty when the
 * texts are the same.
 */
export function formatPatch(diff: LineDiff, fileName: string, context = DEFAULT_CONTEXT): string {
  return formatHunks(hunksOf(diff, context), fileName);
}

/** The `.diff` of hunks already made (see `formatPatch`); empty when there are none. */
export function formatHunks(hunks: readonly Hunk[], fileName: string): string {
  if (hunks.length === 0) return '';
  const name = patchFileName(fileName);
  const out: string[] = [`--- ${name}\n+++ ${name}\n`];
  for (const hunk of hunks) {
    out.push(`${hunkHeader(hunk)}\n`);
    for (const line of hunk.lines) {
      out.push(MARKS[line.kind], line.text);
      if (!line.text.endsWith('\n')) out.push('\n\\ No newline at end of file\n');
    }
  }
  return out.join('');
}

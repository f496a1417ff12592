/**
 * The files a 5.0 install keeps: the manager's file without the blocks 5.0 refuses (`<command>`) or ignores
 * (`<active-response>`), every other byte as it was (reference wazuh5 §1). The settings each agent still
 * reads from its own ossec.conf are the Deploy panel's (deploy/agent-settings.ts).
 */

import { removalRange } from '../model/edit';
import type { ConfigDocument } from '../model/types';
import type { Role } from '../targets/role';
import type { CleanedFile, DiffHunk, DiffLine } from './types';

const CONTEXT = 3;

interface Range {
  start: number;
  end: number;
}

/**
 * The file without its `<command>` blocks (a 5.0 manager and a 5.0 agent refuse them) and, for a manager,
 * its `<active-response>` blocks: each goes as `removeBlock` takes it (its line, and a blank line that would
 * be doubled), last block first, so the result is what removing them one by one in the editor gives.
 */
export function cleanedFile(doc: ConfigDocument, role: Role): CleanedFile {
  const blocks = doc.blocks.filter((b) => b.inConfigRoot && (b.kind === 'command' || role === 'manager'));
  let text = doc.text;
  // The original ranges the current text is made of, in order.
  let kept: Range[] = [{ start: 0, end: text.length }];
  const removed: Range[] = [];
  for (const block of blocks.toReversed()) {
    // Earlier removals all lie after this block, so its offsets still hold in the current text.
    const cut = removalRange(text, block.start, block.end);
    text = text.slice(0, cut.start) + text.slice(cut.end);
    const next: Range[] = [];
    let at = 0;
    for (const piece of kept) {
      const from = at;
      const to = at + (piece.end - piece.start);
      at = to;
      const lo = Math.max(from, cut.start);
      const hi = Math.min(to, cut.end);
      if (lo >= hi) {
        next.push(piece);
        continue;
      }
      removed.push({ start: piece.start + (lo - from), end: piece.start + (hi - from) });
      if (lo > from) next.push({ start: piece.start, end: piece.start + (lo - from) });
      if (hi < to) next.push({ start: piece.start + (hi - from), end: piece.end });
    }
    kept = next;
  }
  const merged: Range[] = [];
  for (const range of removed.sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && last.end === range.start) last.end = range.end;
    else merged.push({ ...range });
  }
  return { text, removed: merged, hunks: diffHunks(doc.text, merged) };
}

interface Line {
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines.push({ start, end: i + 1 });
    start = i + 1;
  }
  if (start < text.length) lines.push({ start, end: text.length });
  return lines;
}

const display = (text: string) => text.replace(/\r?\n$/, '');

interface Run {
  first: number;
  last: number;
  removed: DiffLine[];
  added: DiffLine[];
}

/** Unified-diff hunks for an original text and the ranges removed from it (sorted, not overlapping). */
export function diffHunks(
  original: string,
  removed: ReadonlyArray<{ start: number; end: number }>,
): DiffHunk[] {
  const lines = linesOf(original);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const textOf = (i: number) => display(original.slice(lines[i].start, lines[i].end));
  // Runs of touched lines: what they were, and what is left of them.
  const touched: Array<{ first: number; last: number; ranges: Array<{ start: number; end: number }> }> = [];
  for (const range of removed) {
    if (range.end <= range.start) continue;
    const first = lineAt(range.start);
    const last = lineAt(range.end - 1);
    const previous = touched.at(-1);
    if (previous && first <= previous.last + 1) {
      previous.last = Math.max(previous.last, last);
      previous.ranges.push(range);
    } else touched.push({ first, last, ranges: [range] });
  }
  const runs: Run[] = touched.map(({ first, last, ranges }) => {
    let kept = '';
    let at = lines[first].start;
    for (const range of ranges) {
      kept += original.slice(at, range.start);
      at = range.end;
    }
    kept += original.slice(at, lines[last].end);
    const old: DiffLine[] = [];
    for (let i = first; i <= last; i++) old.push({ kind: 'removed', text: textOf(i) });
    const left = linesOf(kept).map(
      (l): DiffLine => ({ kind: 'added', text: display(kept.slice(l.start, l.end)) }),
    );
    return { first, last, removed: old, added: left };
  });
  // Runs whose context would touch share a hunk.
  const groups: Run[][] = [];
  for (const run of runs) {
    const group = groups.at(-1);
    if (group && run.first - (group.at(-1) as Run).last - 1 <= 2 * CONTEXT) group.push(run);
    else groups.push([run]);
  }
  const hunks: DiffHunk[] = [];
  let shift = 0;
  for (const group of groups) {
    const from = Math.max(0, group[0].first - CONTEXT);
    const to = Math.min(lines.length - 1, (group.at(-1) as Run).last + CONTEXT);
    const hunkLines: DiffLine[] = [];
    let next = from;
    for (const run of group) {
      for (; next < run.first; next++) hunkLines.push({ kind: 'context', text: textOf(next) });
      hunkLines.push(...run.removed, ...run.added);
      next = run.last + 1;
    }
    for (; next <= to; next++) hunkLines.push({ kind: 'context', text: textOf(next) });
    const oldLines = hunkLines.filter((l) => l.kind !== 'added').length;
    const newLines = hunkLines.filter((l) => l.kind !== 'removed').length;
    hunks.push({
      oldStart: from + 1,
      oldLines,
      newStart: from + shift + (newLines === 0 ? 0 : 1),
      newLines,
      lines: hunkLines,
    });
    shift += newLines - oldLines;
  }
  return hunks;
}

/** A unified diff (`diff -u` layout) of the original and the cleaned file. */
export function unifiedDiff(hunks: readonly DiffHunk[], oldName: string, newName: string): string {
  if (hunks.length === 0) return '';
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (const h of hunks) {
    out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    for (const line of h.lines)
      out.push(`${line.kind === 'removed' ? '-' : line.kind === 'added' ? '+' : ' '}${line.text}`);
  }
  return `${out.join('\n')}\n`;
}

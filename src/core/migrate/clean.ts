/**
 * The files a 5.0 install keeps: the manager's file without the blocks 5.0 refuses (`<command>`) or ignores
 * (`<active-response>`), every other byte as it was (reference wazuh5 §1). The settings each agent still
 * reads from its own ossec.conf are the Deploy panel's (deploy/agent-settings.ts).
 */

import { diffLines } from '../diff/line-diff';
import { formatHunks, hunksOf } from '../diff/patch';
import { removalRange } from '../model/edit';
import type { ConfigDocument } from '../model/types';
import type { Role } from '../targets/role';
import type { CleanedFile } from './types';

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
  return { text, removed: merged, hunks: hunksOf(diffLines(doc.text, text)) };
}

/**
 * The cleaned file as a `.diff` that `patch -p0` applies to the original (the editor's own patch format:
 * the file's line endings kept, a missing final newline marked).
 */
export function cleanedPatch(cleaned: CleanedFile, fileName: string): string {
  return formatHunks(cleaned.hunks, fileName);
}

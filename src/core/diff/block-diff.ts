/**
 * Which `<command>` and `<active-response>` blocks the draft changed, added, removed or moved since the
 * import, and the edit that puts one of them back as it was imported.
 *
 * A block is matched with the one it came from by where the line diff puts it, by identical text, by
 * how many lines it shares with it, and by its kind and name (a command's name, the command a response
 * runs); what is left was added or removed.
 */

import { insertBlocksText, removeBlock, replaceText, wholeLine } from '../model/edit';
import { blockTitle } from '../model/fields';
import type { Block, BlockKind, ConfigDocument } from '../model/types';
import { lineIndexAt } from '../xml/positions';
import { diffLines, diffSequences, type LineChange, type LineDiff, splitLines } from './line-diff';

export type BlockChangeStatus = 'changed' | 'added' | 'removed' | 'moved';

export interface BlockChange {
  status: BlockChangeStatus;
  kind: BlockKind;
  /** A command's name or the command a response runs, as the draft writes it (the import, for a removed block). */
  title: string | undefined;
  /** The block's index in the imported document; absent for an added block. */
  original?: number;
  /** The block's index in the draft; absent for a removed block. */
  draft?: number;
  /**
   * 1-based first and last lines of the block in the imported text, and in the draft, counted as the line
   * diff and the patch count them (a line ends at LF).
   */
  originalLine?: number;
  originalEndLine?: number;
  draftLine?: number;
  draftEndLine?: number;
}

/** Offsets of each line's start (and of the text's end), from the lines a LineDiff holds. */
function lineStarts(lines: readonly string[]): number[] {
  const starts = new Array<number>(lines.length + 1);
  starts[0] = 0;
  for (let i = 0; i < lines.length; i++) starts[i + 1] = starts[i] + lines[i].length;
  return starts;
}

/** 0-based index of the line holding `offset` (the end of the text belongs to the last line). */
const lineAt = (starts: readonly number[], offset: number) =>
  Math.max(0, Math.min(lineIndexAt(starts, offset), starts.length - 2));

/** Index of the first change that ends after old line `line`: the one holding it, or the next one. */
function changeAfter(changes: readonly LineChange[], line: number): number {
  let low = 0;
  let high = changes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (changes[mid].aEnd <= line) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Where an old line lands in the new text: its own new index when it is common, else the start of what
 * replaced the change it belongs to.
 */
function mapLine(changes: readonly LineChange[], line: number): number {
  const k = changeAfter(changes, line);
  if (k < changes.length && line >= changes[k].aStart) return changes[k].bStart;
  const before = changes[k - 1];
  return before ? line + before.bEnd - before.aEnd : line;
}

/** Whether an old line is one the new text removed or replaced. */
function isChanged(changes: readonly LineChange[], line: number): boolean {
  const k = changeAfter(changes, line);
  return k < changes.length && changes[k].aStart <= line;
}

const textOf = (doc: ConfigDocument, block: Block) => doc.text.slice(block.start, block.end);

interface Matching {
  /** For each imported block, the index of its draft counterpart. */
  ofOriginal: Array<number | undefined>;
  ofDraft: Array<number | undefined>;
  /** Draft blocks paired with an imported block across the unchanged ones: moved, maybe edited too. */
  moved: Set<number>;
}

/** Stretches of blocks between two unchanged ones: `[aStart, aEnd)` imported, `[bStart, bEnd)` in the draft. */
function gapsBetween(ofOriginal: Array<number | undefined>, draftCount: number): LineChange[] {
  const gaps: LineChange[] = [];
  let aStart = 0;
  let bStart = 0;
  const close = (aEnd: number, bEnd: number) => {
    if (aEnd > aStart || bEnd > bStart) gaps.push({ aStart, aEnd, bStart, bEnd });
  };
  ofOriginal.forEach((j, i) => {
    if (j === undefined) return;
    close(i, j);
    aStart = i + 1;
    bStart = j + 1;
  });
  close(ofOriginal.length, draftCount);
  return gaps;
}

/** For each line of the new text, the old line it is the same line as, or -1. */
function alignedLines(lines: LineDiff): Int32Array {
  const aligned = new Int32Array(lines.b.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const change of [
    ...lines.changes,
    { aStart: lines.a.length, aEnd: 0, bStart: lines.b.length, bEnd: 0 },
  ]) {
    while (j < change.bStart) aligned[j++] = i++;
    i = change.aEnd;
    j = change.bEnd;
  }
  return aligned;
}

/**
 * Pairs each draft block with the imported block it came from: first an unchanged block whose lines the
 * line diff keeps in place, then identical text in the same order, identical text elsewhere (moved), then
 * between two paired blocks the most alike of the same kind, and last the same kind and name anywhere.
 */
function matchBlocks(original: ConfigDocument, draft: ConfigDocument, lines: LineDiff): Matching {
  const before = original.blocks;
  const after = draft.blocks;
  const ofDraft = new Array<number | undefined>(after.length);
  const ofOriginal = new Array<number | undefined>(before.length);
  const moved = new Set<number>();
  const pair = (o: number, d: number) => {
    ofOriginal[o] = d;
    ofDraft[d] = o;
  };

  const aStarts = lineStarts(lines.a);
  const bStarts = lineStarts(lines.b);
  const aligned = alignedLines(lines);
  const originalAt = new Map(before.map((block) => [block.start, block.index]));
  const landsOn = (i: number, j: number) =>
    mapLine(lines.changes, lineAt(aStarts, before[i].start)) === lineAt(bStarts, after[j].start);
  after.forEach((block, j) => {
    const line = lineAt(bStarts, block.start);
    if (aligned[line] < 0) return;
    const i = originalAt.get(aStarts[aligned[line]] + block.start - bStarts[line]);
    if (i !== undefined && textOf(original, before[i]) === textOf(draft, block)) pair(i, j);
  });
  for (const gap of gapsBetween(ofOriginal, after.length)) {
    const common = diffSequences(
      before.slice(gap.aStart, gap.aEnd).map((block) => textOf(original, block)),
      after.slice(gap.bStart, gap.bEnd).map((block) => textOf(draft, block)),
    );
    let o = gap.aStart;
    let d = gap.bStart;
    for (const change of [...common, { aStart: gap.aEnd - gap.aStart, aEnd: 0, bStart: 0, bEnd: 0 }]) {
      while (o < gap.aStart + change.aStart) pair(o++, d++);
      o = gap.aStart + change.aEnd;
      d = gap.bStart + change.bEnd;
    }
  }

  const gaps = gapsBetween(ofOriginal, after.length);
  // Moved means the one block with this text now stands elsewhere; among identical blocks, none is "the" one.
  const count = (doc: ConfigDocument) => {
    const counts = new Map<string, number>();
    for (const block of doc.blocks) {
      const text = textOf(doc, block);
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    return counts;
  };
  const inOriginal = count(original);
  const inDraft = count(draft);
  const uniqueOriginal = new Map<string, number>();
  before.forEach((block, i) => {
    const text = textOf(original, block);
    if (ofOriginal[i] === undefined && inOriginal.get(text) === 1) uniqueOriginal.set(text, i);
  });
  after.forEach((block, j) => {
    const text = textOf(draft, block);
    const i = uniqueOriginal.get(text);
    if (ofDraft[j] !== undefined || i === undefined || inDraft.get(text) !== 1) return;
    pair(i, j);
    moved.add(j);
  });

  for (const gap of gaps) {
    for (const [i, j] of alikeInOrder(original, draft, gap, ofOriginal, ofDraft, landsOn)) pair(i, j);
  }
  // What is left may have been moved, and maybe edited too: the same kind and name anywhere.
  const nameOf = (block: Block) => `${block.kind}\u0000${blockTitle(block) ?? '\u0000'}`;
  const unpairedByName = new Map<string, number[]>();
  before.forEach((block, i) => {
    if (ofOriginal[i] !== undefined) return;
    const same = unpairedByName.get(nameOf(block));
    if (same) same.push(i);
    else unpairedByName.set(nameOf(block), [i]);
  });
  after.forEach((block, j) => {
    if (ofDraft[j] !== undefined) return;
    const i = unpairedByName.get(nameOf(block))?.shift();
    if (i === undefined) return;
    pair(i, j);
    moved.add(j);
  });
  return { ofOriginal, ofDraft, moved };
}

/** Above this many candidate pairs in one stretch, blocks pair by kind in order, without weighing their lines. */
const MAX_WEIGHED_PAIRS = 2_500;

/**
 * Pairs the blocks left in one stretch without crossing: the pairing that keeps the most lines in common
 * (a response whose timeout changed stays with itself, not with the response before it), the same name,
 * then the place the line diff gives, breaking ties. Blocks of different kinds never pair.
 */
function alikeInOrder(
  original: ConfigDocument,
  draft: ConfigDocument,
  gap: LineChange,
  ofOriginal: Array<number | undefined>,
  ofDraft: Array<number | undefined>,
  /** Whether the line diff puts the imported block's first line where the draft block starts. */
  landsOn: (i: number, j: number) => boolean,
): Array<[number, number]> {
  const left = range(gap.aStart, gap.aEnd).filter((i) => ofOriginal[i] === undefined);
  const right = range(gap.bStart, gap.bEnd).filter((j) => ofDraft[j] === undefined);
  const n = left.length;
  const m = right.length;
  if (n === 0 || m === 0) return [];
  const before = left.map((i) => original.blocks[i]);
  const after = right.map((j) => draft.blocks[j]);
  if (n * m > MAX_WEIGHED_PAIRS) {
    // Commands with commands and responses with responses, in order.
    const pairs: Array<[number, number]> = [];
    for (const kind of ['command', 'active-response'] as const) {
      const olds = left.filter((_, x) => before[x].kind === kind);
      const news = right.filter((_, y) => after[y].kind === kind);
      for (let k = 0; k < Math.min(olds.length, news.length); k++) pairs.push([olds[k], news[k]]);
    }
    return pairs;
  }
  const linesOf = (doc: ConfigDocument, block: Block) => splitLines(textOf(doc, block));
  const beforeLines = before.map((block) => linesOf(original, block));
  const afterLines = after.map((block) => linesOf(draft, block));
  const weight = (x: number, y: number) => {
    if (before[x].kind !== after[y].kind) return 0;
    const a = beforeLines[x];
    const edits = diffSequences(a, afterLines[y]).reduce((sum, c) => sum + c.aEnd - c.aStart, 0);
    const title = blockTitle(before[x]) === blockTitle(after[y]) ? 0.5 : 0;
    const place = landsOn(left[x], right[y]) ? 0.25 : 0;
    return a.length - edits + title + place + 1;
  };
  // best[x][y]: the heaviest pairing of before[x..] with after[y..].
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const chosen = new Float64Array(n * m);
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      const w = weight(x, y);
      chosen[x * m + y] = w;
      const take = w > 0 ? w + best[(x + 1) * width + y + 1] : 0;
      best[x * width + y] = Math.max(take, best[(x + 1) * width + y], best[x * width + y + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  while (x < n && y < m) {
    const w = chosen[x * m + y];
    if (w > 0 && best[x * width + y] === w + best[(x + 1) * width + y + 1]) {
      pairs.push([left[x], right[y]]);
      x++;
      y++;
    } else if (best[x * width + y] === best[(x + 1) * width + y]) x++;
    else y++;
  }
  return pairs;
}

export function diffBlocks(original: ConfigDocument, draft: ConfigDocument, lines: LineDiff): BlockChange[] {
  const before = original.blocks;
  const { ofOriginal, ofDraft, moved } = matchBlocks(original, draft, lines);
  const aStarts = lineStarts(lines.a);
  const bStarts = lineStarts(lines.b);
  const entries: Array<{ at: number; change: BlockChange }> = [];
  draft.blocks.forEach((block, j) => {
    const i = ofDraft[j];
    const draftLine = lineAt(bStarts, block.start);
    const base = {
      kind: block.kind,
      title: blockTitle(block),
      draft: j,
      draftLine: draftLine + 1,
      draftEndLine: lineAt(bStarts, block.end - 1) + 1,
    };
    if (i === undefined) {
      entries.push({ at: draftLine, change: { status: 'added', ...base } });
      return;
    }
    const changed = textOf(original, before[i]) !== textOf(draft, block);
    if (!changed && !moved.has(j)) return;
    entries.push({
      at: draftLine,
      change: {
        status: changed ? 'changed' : 'moved',
        ...base,
        original: i,
        originalLine: lineAt(aStarts, before[i].start) + 1,
        originalEndLine: lineAt(aStarts, before[i].end - 1) + 1,
      },
    });
  });
  before.forEach((block, i) => {
    if (ofOriginal[i] !== undefined) return;
    const line = lineAt(aStarts, block.start);
    entries.push({
      // Just before whatever now stands where it stood.
      at: mapLine(lines.changes, line) - 0.5,
      change: {
        status: 'removed',
        kind: block.kind,
        title: blockTitle(block),
        original: i,
        originalLine: line + 1,
        originalEndLine: lineAt(aStarts, block.end - 1) + 1,
      },
    });
  });
  return entries.sort((x, y) => x.at - y.at).map((entry) => entry.change);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/**
 * The draft with one block as the import had it: a changed block gets its imported text back, an added
 * one is removed, a removed one is put back where it stood (with its own line and indentation), a moved
 * one goes back to its place. Every other byte of the draft is kept.
 */
export function revertBlock(
  original: ConfigDocument,
  draft: ConfigDocument,
  change: BlockChange,
  lines: LineDiff,
): ConfigDocument {
  const imported = change.original === undefined ? undefined : original.blocks[change.original];
  switch (change.status) {
    case 'added':
      return removeBlock(draft, change.draft as number);
    case 'changed': {
      const block = draft.blocks[change.draft as number];
      return replaceText(draft, block.start, block.end, textOf(original, imported as Block));
    }
    case 'removed':
      return restore(original, draft, imported as Block, lines);
    case 'moved': {
      const without = removeBlock(draft, change.draft as number);
      const reread = diffLines(original.text, without.text);
      return restore(original, without, imported as Block, reread);
    }
  }
}

/** The whole lines a block stands on, or the block alone when it shares a line. */
const spanOf = (doc: ConfigDocument, block: Block) => wholeLine(doc.text, block.start, block.end) ?? block;

/**
 * Puts an imported block back between the draft's copies of the imported blocks around it, at the line
 * the line diff gives for it (so that it lands after the comment that preceded it, say).
 */
function restore(
  original: ConfigDocument,
  draft: ConfigDocument,
  block: Block,
  lines: LineDiff,
): ConfigDocument {
  const own = wholeLine(original.text, block.start, block.end);
  const { ofOriginal } = matchBlocks(original, draft, lines);
  const counterpart = (step: -1 | 1) => {
    for (let i = block.index + step; i >= 0 && i < original.blocks.length; i += step) {
      const j = ofOriginal[i];
      if (j !== undefined) return draft.blocks[j];
    }
    return undefined;
  };
  const previous = counterpart(-1);
  const next = counterpart(1);

  const low = previous ? spanOf(draft, previous).end : 0;
  const high =
    next && (!previous || next.start > previous.start) ? spanOf(draft, next).start : draft.text.length;
  const aStarts = lineStarts(lines.a);
  const bStarts = lineStarts(lines.b);
  // Removing a block may take a blank line beside it; blank lines around it that the line diff finds gone
  // come back with it.
  const ownFirst = own ? lineAt(aStarts, own.start) : -1;
  const ownLast = own ? lineAt(aStarts, own.end - 1) : -1;
  const goneBlanks = (from: number, step: 1 | -1) => {
    const gone: string[] = [];
    for (let i = from; own && i >= 0 && i < lines.a.length && lines.a[i].trim() === ''; i += step) {
      if (isChanged(lines.changes, i)) gone.push(lines.a[i]);
    }
    return gone.join('');
  };
  const line = own ? ownFirst : lineAt(aStarts, block.start);
  const mapped = bStarts[Math.min(mapLine(lines.changes, line), lines.b.length)];
  let at = Math.min(Math.max(mapped, low), Math.max(low, high));
  // A line boundary inside a draft block (one whose last lines changed, an added one) is no place for a block.
  for (const other of draft.blocks) {
    const span = spanOf(draft, other);
    if (at > span.start && at < span.end) {
      at = span.end;
      break;
    }
  }
  if (!own) {
    // What stood before it on its line (`#  ` before a block "commented out" with #) may still be there.
    const before = original.text.slice(aStarts[line], block.start);
    if (at === bStarts[mapLine(lines.changes, line)] && draft.text.startsWith(before, at)) {
      return replaceText(draft, at + before.length, at + before.length, textOf(original, block));
    }
    return restoreBesideNeighbour(original, draft, block, previous, next);
  }
  let text =
    goneBlanks(ownFirst - 1, -1) + original.text.slice(own.start, own.end) + goneBlanks(ownLast + 1, 1);
  if (at > 0 && draft.text[at - 1] !== '\n') text = draft.layout.eol + text;
  if (at < draft.text.length && !text.endsWith('\n')) text += draft.layout.eol;
  return replaceText(draft, at, at, text);
}

/**
 * A block that shared its line with other text goes right after the draft's copy of the block before it,
 * with the blanks that separated them, else right before the draft's copy of the block after it.
 */
function restoreBesideNeighbour(
  original: ConfigDocument,
  draft: ConfigDocument,
  block: Block,
  previous: Block | undefined,
  next: Block | undefined,
): ConfigDocument {
  const text = textOf(original, block);
  if (previous) {
    let start = block.start;
    while (start > 0 && /\s/.test(original.text[start - 1])) start--;
    const gap = original.text.slice(start, block.start);
    // The blanks may still be there, left behind when the block was removed.
    if (draft.text.startsWith(gap, previous.end)) {
      return replaceText(draft, previous.end + gap.length, previous.end + gap.length, text);
    }
    return replaceText(draft, previous.end, previous.end, gap + text);
  }
  if (next) {
    let end = block.end;
    while (end < original.text.length && /\s/.test(original.text[end])) end++;
    return replaceText(draft, next.start, next.start, text + original.text.slice(block.end, end));
  }
  return insertBlocksText(draft, text).doc;
}

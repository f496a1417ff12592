/**
 * The document API. Every edit splices freshly printed XML into the original text and leaves every other
 * byte alone; the result is the document read from the new text. An edit re-reads only what it reaches (its
 * block, or the sections between two untouched ones) and the blocks after it move lazily (shifted-list.ts),
 * so its cost follows the edit, not the file. Each edited document says which blocks changed (`change`).
 */

import { withoutFinalLineBreaks } from '../xml/line-breaks';
import { type CommentSpan, readOsXml, WAZUH_DIALECT } from '../xml/os-xml';
import { printBlock, printField } from '../xml/print';
import { SourceBlock } from './block';
import {
  elementNameProblem,
  encodingProblem,
  fieldsNamed,
  fieldsOf,
  fieldValue,
  lastField,
  valueProblem,
} from './fields';
import { PieceText, type TextReader } from './piece-text';
import {
  countLineBreaks,
  detectLayout,
  indentBefore,
  isBlockName,
  isConfigRoot,
  nextRevision,
  readDocument,
} from './read';
import { arrayView, listOf } from './shifted-list';
import type {
  Block,
  BlockChild,
  BlockSpec,
  ConfigDocument,
  DocumentChange,
  DocumentOp,
  TextEncoding,
  XmlElement,
} from './types';

export class EditError extends Error {}

function blockAt(doc: ConfigDocument, blockIndex: number): Block {
  const block = doc.blocks[blockIndex];
  if (!block) throw new EditError(`There is no block ${blockIndex}.`);
  return block;
}

/** Refuses what the dialect or the document's encoding cannot carry: the same checks the forms show. */
function checkField(name: string, value: string, encoding: TextEncoding): void {
  const problem = elementNameProblem(name) ?? valueProblem(value, encoding);
  if (problem) throw new EditError(problem);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** The pieces of each edited document's text (piece-text.ts); a read document's text is one piece. */
const sources = new WeakMap<ConfigDocument, PieceText>();

/** The document's text to read around an edit without making the whole text flat. */
function sourceOf(doc: ConfigDocument): PieceText {
  let source = sources.get(doc);
  if (!source) {
    source = PieceText.of(doc.text);
    sources.set(doc, source);
  }
  return source;
}

/** Replace `[start, end)` of the text and read again what the edit reaches. */
export function replaceText(doc: ConfigDocument, start: number, end: number, insert: string): ConfigDocument {
  const blocks = listOf(doc.blocks, shiftBlock);
  const i = blocks.findFirst((b) => b.start <= start) - 1;
  const block = i >= 0 ? (blocks.at(i) as Block) : undefined;
  if (block && block.start < start && end < block.end) return spliceBlock(doc, block, start, end, insert);
  return spliceSections(doc, start, end, insert) ?? reread(doc, start, end, insert);
}

/** The same text read as a snippet to paste into an ossec.conf, or as a whole file (DESIGN §2). */
export function readAs(doc: ConfigDocument, snippet: boolean): ConfigDocument {
  if (doc.snippet === snippet) return doc;
  // Not a change of blocks: the whole document is judged anew, so no `change` says otherwise.
  const { change: _judgedAnew, ...same } = doc;
  const judged = { ...same, snippet, revision: nextRevision() };
  sources.set(judged, sourceOf(doc));
  return judged;
}

/** A block `delta` characters and `indexDelta` places further on. */
function shiftBlock(block: Block, delta: number, indexDelta: number): Block {
  if (block instanceof SourceBlock) return block.moved(delta, indexDelta);
  return {
    ...block,
    index: block.index + indexDelta,
    start: block.start + delta,
    end: block.end + delta,
    openEnd: block.openEnd + delta,
    closeStart: block.closeStart + delta,
    children: block.children.map((child) => ({
      ...child,
      start: child.start + delta,
      end: child.end + delta,
      valueStart: child.valueStart + delta,
      valueEnd: child.valueEnd + delta,
    })),
  };
}

/** Children lists this long move lazily; shorter ones are copied. */
const LAZY_CHILDREN = 64;

function shiftElement(element: XmlElement, delta: number): XmlElement {
  return {
    ...element,
    start: element.start + delta,
    end: element.end + delta,
    openEnd: element.openEnd + delta,
    closeStart: element.closeStart + delta,
    children: shiftChildren(element.children, delta),
  };
}

function shiftChildren(children: XmlElement[], delta: number): XmlElement[] {
  if (children.length === 0) return children;
  if (children.length < LAZY_CHILDREN) return children.map((child) => shiftElement(child, delta));
  return arrayView(listOf(children, shiftElement).splice(0, 0, [], delta));
}

/** Move an element that lies after an edit inside `[editStart, editEnd)`; one that encloses it grows with it. */
function shiftTopLevel(element: XmlElement, editStart: number, editEnd: number, delta: number): XmlElement {
  if (element.end <= editStart) return element;
  if (element.start > editStart) return shiftElement(element, delta);
  return {
    ...element,
    end: element.end + delta,
    closeStart: element.closeStart >= editEnd ? element.closeStart + delta : element.closeStart,
  };
}

/** The line breaks of the new text: the old count, less those around the splice, plus those it brought. */
function lineBreaksAfter(doc: ConfigDocument, start: number, end: number, insert: string) {
  // One character either side: a CRLF may be split or joined by the splice.
  const source = sourceOf(doc);
  const before = source.slice(Math.max(0, start - 1), start);
  const after = source.slice(end, end + 1);
  const removed = countLineBreaks(before + source.slice(start, end) + after);
  const added = countLineBreaks(before + insert + after);
  const { lf, crlf } = doc.layout.lineBreaks;
  return { lf: lf - removed.lf + added.lf, crlf: crlf - removed.crlf + added.crlf };
}

/** The document an edit made from `base`, with a new revision and what changed among the blocks. */
function edited(
  base: ConfigDocument,
  { source, ...parts }: Pick<ConfigDocument, 'blocks' | 'topLevel' | 'layout'> & { source: PieceText },
  change: Omit<DocumentChange, 'baseRevision'>,
): ConfigDocument {
  const doc: ConfigDocument = {
    ...base,
    ...parts,
    text: source.toString(),
    revision: nextRevision(),
    change: { baseRevision: base.revision, ...change },
  };
  sources.set(doc, source);
  carryGaps(base, doc);
  carryNames(base, doc);
  return doc;
}

/**
 * Read the whole new text again, for an edit whose effect cannot be told locally (a document with reading
 * problems, an edit that breaks an element). Its change is found by comparing the blocks before and after
 * the edit with the old ones; none is given when the file's shape or its reading error changed.
 */
function reread(doc: ConfigDocument, start: number, end: number, insert: string): ConfigDocument {
  const fresh = readDocument(sourceOf(doc).splice(start, end, insert).toString(), doc.encoding, doc.snippet);
  const revision = fresh.revision;
  if (
    fresh.shape !== doc.shape ||
    (fresh.xmlError === null) !== (doc.xmlError === null) ||
    fresh.topLevel.length !== doc.topLevel.length
  ) {
    return fresh;
  }
  const delta = insert.length - (end - start);
  const before = doc.blocks;
  const after = fresh.blocks;
  let first = 0;
  const common = Math.min(before.length, after.length);
  while (first < common && before[first].end <= start && sameBlock(before[first], after[first], 0)) first++;
  let last = 0;
  while (
    last < common - first &&
    before[before.length - 1 - last].start >= end &&
    sameBlock(before[before.length - 1 - last], after[after.length - 1 - last], delta)
  ) {
    last++;
  }
  const change = {
    baseRevision: doc.revision,
    first,
    removed: before.length - last - first,
    inserted: after.length - last - first,
  };
  const result = { ...fresh, revision, change };
  carryGaps(doc, result);
  carryNames(doc, result);
  return result;
}

/** Whether `b` is `a` read again `delta` characters further on. */
function sameBlock(a: Block, b: Block, delta: number): boolean {
  if (
    a.kind !== b.kind ||
    a.start + delta !== b.start ||
    a.end + delta !== b.end ||
    a.openEnd + delta !== b.openEnd ||
    a.closeStart + delta !== b.closeStart ||
    a.selfClosing !== b.selfClosing ||
    a.topLevelIndex !== b.topLevelIndex ||
    a.inConfigRoot !== b.inConfigRoot ||
    a.children.length !== b.children.length
  ) {
    return false;
  }
  return a.children.every((x, i) => {
    const y = b.children[i];
    return (
      x.name === y.name &&
      x.value === y.value &&
      x.start + delta === y.start &&
      x.end + delta === y.end &&
      x.valueStart + delta === y.valueStart &&
      x.valueEnd + delta === y.valueEnd &&
      x.selfClosing === y.selfClosing &&
      x.hasNestedElements === y.hasNestedElements
    );
  });
}

/**
 * Replace `[start, end)` inside a root by re-reading only the sections it reaches: everything between the
 * last untouched section before it and the first untouched one after it (or the root's tags). Null when
 * that cannot be told locally: the document has reading problems (their positions would move), the edit is
 * not inside one root's content, or the new piece does not read as plain whole sections.
 */
function spliceSections(
  doc: ConfigDocument,
  start: number,
  end: number,
  insert: string,
): ConfigDocument | null {
  if (doc.problems.length > 0 || doc.nested.length > 0 || doc.xmlError) return null;
  const rootIndex = doc.topLevel.findIndex((top) => top.openEnd <= start && end <= top.closeStart);
  const root = doc.topLevel[rootIndex];
  if (!root || root.selfClosing || isBlockName(root.name)) return null;
  const sections = listOf(root.children, shiftElement);
  const firstSection = sections.findFirst((section) => section.end <= start);
  const nextSection = sections.findFirst((section) => section.start < end);
  const regionStart = firstSection > 0 ? (sections.at(firstSection - 1) as XmlElement).end : root.openEnd;
  const regionEnd =
    nextSection < sections.length ? (sections.at(nextSection) as XmlElement).start : root.closeStart;

  const delta = insert.length - (end - start);
  const piece = sourceOf(doc).slice(regionStart, start) + insert + sourceOf(doc).slice(end, regionEnd);
  const scan = readOsXml(piece, undefined, 2);
  const tail = nextSection === sections.length;
  if (
    scan.error ||
    !plainComments(piece, scan.comments) ||
    scan.variables.length > 0 ||
    scan.nestedCommands.some((nested) => nested.parent !== null) ||
    // A backslash before the next tag would make its `<` text.
    piece.endsWith('\\') ||
    // `<a />` leaves its `>` to the root's value, which its `end` does not show.
    (tail && scan.roots.at(-1)?.selfClosing) ||
    !gapsFit(piece, scan.roots)
  ) {
    return null;
  }

  const blockList = listOf(doc.blocks, shiftBlock);
  const firstBlock = blockList.findFirst((b) => b.start < regionStart);
  const removedBlocks = blockList.findFirst((b) => b.start < regionEnd) - firstBlock;
  const inConfigRoot = isConfigRoot(root.name);
  const newBlocks: Block[] = [];
  const newSections = scan.roots.map((element) => {
    if (!isBlockName(element.name)) return shiftElement(element, regionStart);
    newBlocks.push(
      SourceBlock.fromElement(element, firstBlock + newBlocks.length, rootIndex, inConfigRoot, regionStart),
    );
    // As in a full read, the document's own copy of the section holds no fields: they live in the block.
    return shiftElement({ ...element, children: [] }, regionStart);
  });
  const children = sections.splice(firstSection, nextSection - firstSection, newSections, delta);
  const newRoot: XmlElement = {
    ...root,
    end: root.end + delta,
    closeStart: root.closeStart + delta,
    childCount: root.childCount - (nextSection - firstSection) + newSections.length,
    children: arrayView(children),
    // The root's value is what follows its last element, which the piece holds when it reaches the end.
    value: tail ? withoutComments(piece, scan.roots.at(-1)?.end ?? 0, scan.comments) : root.value,
  };
  const topLevel = doc.topLevel.map((top, i) =>
    i === rootIndex ? newRoot : shiftTopLevel(top, start, end, delta),
  );
  const source = sourceOf(doc).splice(start, end, insert);
  const blocks = arrayView(blockList.splice(firstBlock, removedBlocks, newBlocks, delta));
  const layout = detectLayout(source, blocks, topLevel, lineBreaksAfter(doc, start, end, insert));
  return edited(
    doc,
    { source, blocks, topLevel, layout },
    { first: firstBlock, removed: removedBlocks, inserted: newBlocks.length },
  );
}

/**
 * Whether the text around and between `elements` stays under the reader's limit, as it must in a root
 * (one character to spare: the `>` that `<a />` leaves to the text after it).
 */
function gapsFit(piece: string, elements: readonly XmlElement[]): boolean {
  let from = 0;
  for (const element of elements) {
    if (element.start - from + 1 >= WAZUH_DIALECT.maxText) return false;
    from = element.end;
  }
  return piece.length - from + 1 < WAZUH_DIALECT.maxText;
}

/** Whether every comment is a plain `<!-- … -->`: CDATA and declarations are reading problems of their own. */
function plainComments(text: string, comments: readonly CommentSpan[]): boolean {
  return comments.every((comment) => text.startsWith('<!--', comment.start));
}

/** `text` from `from` on with its comments left out, as the reader joins a value around them. */
function withoutComments(text: string, from: number, comments: readonly CommentSpan[]): string {
  let value = '';
  let at = from;
  for (const comment of comments) {
    if (comment.start < from) continue;
    value += text.slice(at, comment.start);
    at = comment.end;
  }
  return value + text.slice(at);
}

/** Where a line that holds only `[start, end)` and whitespace begins and ends (end after its line break). */
export function wholeLine(
  text: TextReader,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const indent = indentBefore(text, start);
  if (indent === null) return null;
  let after = end;
  while (after < text.length && (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9)) after++;
  if (text.startsWith('\r\n', after)) after += 2;
  else if (text.charCodeAt(after) === 10) after += 1;
  else if (after < text.length) return null;
  return { start: start - indent.length, end: after };
}

/** The line that ends just before `start` (a line start), with its line break; null at the top. */
function lineBefore(text: TextReader, start: number): { start: number; end: number } | null {
  if (start === 0) return null;
  let i = start - 1;
  if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 13) i--;
  let lineStart = i;
  while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  return { start: lineStart, end: start };
}

/** The line that starts at `start`, with its line break; null at the end of the text. */
function lineAt(text: TextReader, start: number): { start: number; end: number } | null {
  if (start >= text.length) return null;
  let end = start;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (end < text.length) end++;
  return { start, end };
}

const isLineBreak = (code: number) => code === 10 || code === 13;

const isBlank = (text: TextReader, line: { start: number; end: number }) =>
  text.slice(line.start, line.end).trim() === '';

/** A line holding only a closing tag, or only an opening tag whose element goes on below it. */
function isClosingLine(text: TextReader, line: { start: number; end: number }): boolean {
  return text.slice(line.start, line.end).trim().startsWith('</');
}
function isOpeningLine(text: TextReader, line: { start: number; end: number }): boolean {
  const content = text.slice(line.start, line.end).trim();
  return (
    /^<[^/!?]/.test(content) && content.endsWith('>') && !content.endsWith('/>') && !content.includes('</')
  );
}

/** How many pairs of neighbouring blocks in one root have a blank line between them, and how many one line break. */
interface Gaps {
  blank: number;
  tight: number;
}

/** Counted once per read document; an edit carries the count over, recounting only the pairs it changed. */
const blockGaps = new WeakMap<ConfigDocument, Gaps>();

/** What lies between `end` and `next`: only blanks with a blank line, only blanks, or something else. */
function gapKind(text: TextReader, end: number, next: number): keyof Gaps | null {
  let breaks = 0;
  for (let i = end; i < next; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) breaks++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) breaks++;
    } else if (c !== 32 && c !== 9 && !/\s/.test(String.fromCharCode(c))) return null;
  }
  return breaks >= 2 ? 'blank' : 'tight';
}

/** Adds `sign` for each pair of blocks `(i - 1, i)` with `from <= i <= to`. */
function tallyGaps(doc: ConfigDocument, from: number, to: number, gaps: Gaps, sign: number): void {
  const { blocks } = doc;
  for (let i = Math.max(1, from); i <= Math.min(to, blocks.length - 1); i++) {
    const previous = blocks[i - 1];
    const block = blocks[i];
    if (previous.topLevelIndex !== block.topLevelIndex) continue;
    const kind = gapKind(sourceOf(doc), previous.end, block.start);
    if (kind) gaps[kind] += sign;
  }
}

function gapsOf(doc: ConfigDocument): Gaps {
  let gaps = blockGaps.get(doc);
  if (!gaps) {
    gaps = { blank: 0, tight: 0 };
    tallyGaps(doc, 1, doc.blocks.length - 1, gaps, 1);
    blockGaps.set(doc, gaps);
  }
  return gaps;
}

/** The pairs of blocks outside the change are those of `base`: only the ones around the change are counted. */
function carryGaps(base: ConfigDocument, doc: ConfigDocument): void {
  const gaps = blockGaps.get(base);
  const { change } = doc;
  if (!gaps || !change || change.baseRevision !== base.revision) return;
  const carried = { ...gaps };
  tallyGaps(base, change.first, change.first + change.removed, carried, -1);
  tallyGaps(doc, change.first, change.first + change.inserted, carried, 1);
  blockGaps.set(doc, carried);
}

/**
 * Whether the file puts a blank line between blocks: what most pairs of neighbouring blocks (else of
 * neighbouring sections) in a root have between them. New blocks keep that rhythm.
 */
function blankLineBetweenBlocks(doc: ConfigDocument): boolean {
  const { blank, tight } = gapsOf(doc);
  if (blank + tight > 0) return blank > tight;
  const sections: Gaps = { blank: 0, tight: 0 };
  for (const root of doc.topLevel) {
    for (let i = 1; i < root.children.length; i++) {
      const kind = gapKind(sourceOf(doc), root.children[i - 1].end, root.children[i].start);
      if (kind) sections[kind]++;
    }
  }
  return sections.blank > sections.tight;
}

function childIndentOf(doc: ConfigDocument, block: Block): string {
  for (const child of block.children) {
    const indent = indentBefore(sourceOf(doc), child.start);
    if (indent !== null) return indent;
  }
  const own = indentBefore(sourceOf(doc), block.start);
  return own === null ? doc.layout.childIndent : own + doc.layout.indentUnit;
}

/**
 * Replace `[start, end)` inside one block and re-read only that block. Reads the whole text again when the
 * document has reading problems (their positions would move) or the block no longer reads as one clean
 * element.
 */
function spliceBlock(
  doc: ConfigDocument,
  block: Block,
  start: number,
  end: number,
  insert: string,
): ConfigDocument {
  // Reading problems and nested definitions carry positions of their own that would move.
  if (doc.problems.length > 0 || doc.nested.length > 0 || !(block instanceof SourceBlock)) {
    return reread(doc, start, end, insert);
  }
  const delta = insert.length - (end - start);
  const top = doc.topLevel[block.topLevelIndex];
  const topLevelBlock = top.start === block.start;
  const blockText = sourceOf(doc).slice(block.start, start) + insert + sourceOf(doc).slice(end, block.end);
  const scan = readOsXml(blockText, undefined, topLevelBlock ? 1 : 2);
  const element = scan.roots[0];
  if (
    scan.error ||
    !plainComments(blockText, scan.comments) ||
    scan.variables.length > 0 ||
    scan.nestedCommands.some((nested) => nested.parent !== null) ||
    scan.roots.length !== 1 ||
    element.start !== 0 ||
    element.end !== blockText.length ||
    element.name !== block.kind
  ) {
    return reread(doc, start, end, insert);
  }
  const blockRead = SourceBlock.fromElement(
    element,
    block.index,
    block.topLevelIndex,
    block.inConfigRoot,
    block.start,
  );
  // As in a full read, the document's own copy of the section holds no fields: they live in the block.
  const section = shiftElement({ ...element, children: [] }, block.start);
  const blocks = arrayView(listOf(doc.blocks, shiftBlock).splice(block.index, 1, [blockRead], delta));
  let topLevel: XmlElement[];
  if (topLevelBlock) {
    topLevel = arrayView(listOf(doc.topLevel, shiftElement).splice(block.topLevelIndex, 1, [section], delta));
  } else {
    const sections = listOf(top.children, shiftElement);
    const at = sections.findFirst((s) => s.start < block.start);
    const root = {
      ...top,
      end: top.end + delta,
      closeStart: top.closeStart + delta,
      children: arrayView(sections.splice(at, 1, [section], delta)),
    };
    topLevel = doc.topLevel.map((other, i) =>
      i === block.topLevelIndex ? root : shiftTopLevel(other, start, end, delta),
    );
  }
  const source = sourceOf(doc).splice(start, end, insert);
  // The edit may bring line breaks of the other kind (a CRLF value in an LF file) or the block's first
  // child: count only the line breaks around the splice, and take the layout again from that.
  const layout = detectLayout(source, blocks, topLevel, lineBreaksAfter(doc, start, end, insert));
  return edited(doc, { source, blocks, topLevel, layout }, { first: block.index, removed: 1, inserted: 1 });
}

/** The `occurrence`-th element named `field` (0 = the first); without one, the last, the one the daemon uses. */
function fieldAt(block: Block, field: string, occurrence: number | undefined): BlockChild | undefined {
  if (occurrence === undefined) return lastField(block, field);
  const found = fieldsNamed(block, field)[occurrence];
  if (!found) throw new EditError(`This block has no <${field}> number ${occurrence + 1}.`);
  return found;
}

/**
 * Set a field's value, adding the element when absent. A field written several times: the `occurrence`
 * given (0 = the first), else the last, the one the daemon uses. Nothing the file holds is dropped: an
 * element holding elements is kept and followed by the new one.
 */
export function setField(
  doc: ConfigDocument,
  blockIndex: number,
  field: string,
  value: string,
  occurrence?: number,
): ConfigDocument {
  checkField(field, value, doc.encoding);
  const block = blockAt(doc, blockIndex);
  const existing = fieldAt(block, field, occurrence);
  if (existing?.hasNestedElements) {
    // It holds elements of its own (definitions put in a response): they stay, and the new value goes
    // right after it, where the daemon, taking the last one, reads it.
    const indent = indentBefore(sourceOf(doc), existing.start) ?? childIndentOf(doc, block);
    return spliceBlock(
      doc,
      block,
      existing.end,
      existing.end,
      doc.layout.eol + indent + printField(field, value),
    );
  }
  if (existing) {
    if (existing.selfClosing) {
      return spliceBlock(doc, block, existing.start, existing.end, printField(field, value));
    }
    return spliceBlock(doc, block, existing.valueStart, existing.valueEnd, value);
  }
  if (block.selfClosing) {
    const spec: BlockSpec = { kind: block.kind, fields: [{ name: field, value }] };
    const indent = indentBefore(sourceOf(doc), block.start) ?? doc.layout.blockIndent;
    return replaceText(
      doc,
      block.start,
      block.end,
      printBlock(spec, indent, doc.layout.indentUnit, doc.layout.eol),
    );
  }
  const printed = printField(field, value);
  const indent = childIndentOf(doc, block);
  const { eol } = doc.layout;
  const order = fieldsOf(block.kind).map((f) => f.element);
  const rank = order.indexOf(field);
  const known = block.children.filter((child) => order.includes(child.name));
  const anchor =
    rank === -1 ? block.children.at(-1) : known.filter((child) => order.indexOf(child.name) <= rank).at(-1);
  if (anchor) return spliceBlock(doc, block, anchor.end, anchor.end, eol + indent + printed);
  const first = known[0] ?? block.children[0];
  if (first && indentBefore(sourceOf(doc), first.start) !== null) {
    return spliceBlock(doc, block, first.start, first.start, printed + eol + indent);
  }
  const inner = sourceOf(doc).slice(block.openEnd, block.closeStart);
  if (inner.trim() === '') {
    const closingIndent = indentBefore(sourceOf(doc), block.start) ?? '';
    return spliceBlock(
      doc,
      block,
      block.openEnd,
      block.closeStart,
      eol + indent + printed + eol + closingIndent,
    );
  }
  return spliceBlock(doc, block, block.openEnd, block.openEnd, eol + indent + printed);
}

/** Remove one element, with its line when it stands alone on it. */
function removeChild(doc: ConfigDocument, block: Block, child: BlockChild): ConfigDocument {
  const line = wholeLine(sourceOf(doc), child.start, child.end);
  return line
    ? spliceBlock(doc, block, line.start, line.end, '')
    : spliceBlock(doc, block, child.start, child.end, '');
}

/**
 * Remove one occurrence of a field (0 = the first), or every occurrence when none is given, each with
 * its line when it stands alone on it. One that holds elements of its own (a definition put in a
 * response) is not a value and stays.
 */
export function removeField(
  doc: ConfigDocument,
  blockIndex: number,
  field: string,
  occurrence?: number,
): ConfigDocument {
  if (occurrence !== undefined) {
    const block = blockAt(doc, blockIndex);
    const child = fieldAt(block, field, occurrence) as BlockChild;
    if (child.hasNestedElements) {
      throw new EditError(`This <${field}> holds elements of its own: it is not a value to remove.`);
    }
    return removeChild(doc, block, child);
  }
  let current = doc;
  for (;;) {
    const block = blockAt(current, blockIndex);
    const child = block.children.findLast((c) => c.name === field && !c.hasNestedElements);
    if (!child) return current;
    current = composed(doc, current, removeChild(current, block, child));
  }
}

/**
 * `last`, made from `base` through `middle`, with one change from `base`: the blocks either step changed.
 * None when either step has none.
 */
function composed(base: ConfigDocument, middle: ConfigDocument, last: ConfigDocument): ConfigDocument {
  if (middle === base) return last;
  const one = middle.change;
  const two = last.change;
  const { change: _ofLastStep, ...same } = last;
  const result: ConfigDocument = same;
  if (one && two && one.baseRevision === base.revision && two.baseRevision === middle.revision) {
    // In `middle`'s positions the changed blocks run from `first` to `end`; before and after, `base`'s blocks.
    const first = Math.min(one.first, two.first);
    const end = Math.max(one.first + one.inserted, two.first + two.removed);
    result.change = {
      baseRevision: base.revision,
      first,
      removed: end - (one.inserted - one.removed) - first,
      inserted: end + (two.inserted - two.removed) - first,
    };
  }
  // The same text and blocks as `last`: what is kept beside a document carries over.
  sources.set(result, sourceOf(last));
  const gaps = blockGaps.get(last);
  if (gaps) blockGaps.set(result, gaps);
  const names = blockNames.get(last);
  if (names) blockNames.set(result, names);
  return result;
}

/**
 * How many blocks the daemon reads define each command name, and how many responses run each: the count
 * of the document first read, shared by its edits, and what the edits since then added or took away.
 */
interface NameCounts {
  readonly base: ReadonlyMap<string | undefined, number>;
  readonly delta: ReadonlyMap<string | undefined, number>;
}
interface BlockNames {
  defined: NameCounts;
  run: NameCounts;
}

/** Past this many names changed since the shared count, the count is made afresh. */
const MAX_NAME_DELTA = 256;

const blockNames = new WeakMap<ConfigDocument, BlockNames>();

/** The name a block gives (a command's `name`) or runs (a response's `command`), or null for one the daemon skips. */
function nameOfBlock(block: Block): { defines: boolean; name: string | undefined } | null {
  if (!block.inConfigRoot) return null;
  const defines = block.kind === 'command';
  return { defines, name: fieldValue(block, defines ? 'name' : 'command') };
}

const countOf = (counts: NameCounts, name: string | undefined) =>
  (counts.base.get(name) ?? 0) + (counts.delta.get(name) ?? 0);

function namesOf(doc: ConfigDocument): BlockNames {
  let names = blockNames.get(doc);
  if (!names) {
    const defined = new Map<string | undefined, number>();
    const run = new Map<string | undefined, number>();
    // Names do not change when a block moves: the blocks are read as first read.
    listOf(doc.blocks, shiftBlock).forEachUnmoved((block) => {
      const named = nameOfBlock(block);
      if (named) {
        const map = named.defines ? defined : run;
        map.set(named.name, (map.get(named.name) ?? 0) + 1);
      }
    });
    names = { defined: { base: defined, delta: new Map() }, run: { base: run, delta: new Map() } };
    blockNames.set(doc, names);
  }
  return names;
}

/** The names of `base`, less those of the blocks the edit removed and plus those of the blocks it put in. */
function carryNames(base: ConfigDocument, doc: ConfigDocument): void {
  const names = blockNames.get(base);
  const { change } = doc;
  if (!names || !change || change.baseRevision !== base.revision) return;
  const defined = new Map(names.defined.delta);
  const run = new Map(names.run.delta);
  const tally = (from: ConfigDocument, count: number, sign: number) => {
    for (let i = change.first; i < change.first + count; i++) {
      const named = nameOfBlock(from.blocks[i]);
      if (!named) continue;
      const map = named.defines ? defined : run;
      map.set(named.name, (map.get(named.name) ?? 0) + sign);
    }
  };
  tally(base, change.removed, -1);
  tally(doc, change.inserted, 1);
  const settled = (counts: NameCounts, delta: Map<string | undefined, number>): NameCounts => {
    if (delta.size <= MAX_NAME_DELTA) return { base: counts.base, delta };
    const merged = new Map(counts.base);
    for (const [name, count] of delta) merged.set(name, (merged.get(name) ?? 0) + count);
    return { base: merged, delta: new Map() };
  };
  blockNames.set(doc, { defined: settled(names.defined, defined), run: settled(names.run, run) });
}

/** Where a new block goes when the caller does not say: see DESIGN §2. */
function defaultPlace(doc: ConfigDocument, spec: BlockSpec): { before?: number; after?: number } | null {
  // Kinds, places and values do not change when a block moves: the searches read the blocks as first read.
  const blocks = listOf(doc.blocks, shiftBlock);
  const isCommand = (b: Block) => b.kind === 'command' && b.inConfigRoot;
  const isResponse = (b: Block) => b.kind === 'active-response' && b.inConfigRoot;
  const lastCommand = blocks.findLastIndex(isCommand);
  const lastResponse = blocks.findLastIndex(isResponse);
  if (spec.kind === 'command') {
    if (lastCommand !== -1) {
      const name = spec.fields.find((f) => f.name === 'name')?.value;
      const firstUser =
        name === undefined || countOf(namesOf(doc).run, name) === 0
          ? -1
          : blocks.findIndex((r) => isResponse(r) && fieldValue(r, 'command') === name, lastCommand);
      return firstUser !== -1 ? { before: firstUser } : { after: lastCommand };
    }
    const firstResponse = blocks.findIndex(isResponse);
    return firstResponse !== -1 ? { before: firstResponse } : null;
  }
  const commandName = spec.fields.find((f) => f.name === 'command')?.value;
  const definition =
    countOf(namesOf(doc).defined, commandName) === 0
      ? -1
      : blocks.findIndex((c) => isCommand(c) && fieldValue(c, 'name') === commandName);
  const candidates = [lastResponse, definition, lastResponse === -1 ? lastCommand : -1].filter(
    (i) => i !== -1,
  );
  if (candidates.length === 0) return null;
  return { after: Math.max(...candidates) };
}

/** Text put into the document, and where the first inserted block starts in the new text. */
interface Insertion {
  doc: ConfigDocument;
  at: number;
}

function insertAt(doc: ConfigDocument, offset: number, before: string, block: string, after = ''): Insertion {
  return { doc: replaceText(doc, offset, offset, before + block + after), at: offset + before.length };
}

/** Place block text (first line unindented, the rest already indented) where DESIGN §2 says blocks go. */
function insertBlockText(
  doc: ConfigDocument,
  blockText: (indent: string) => string,
  place: { before?: number; after?: number } | null,
): Insertion {
  const { eol } = doc.layout;
  const text = sourceOf(doc);
  const gap = blankLineBetweenBlocks(doc) ? eol : '';
  if (place?.before !== undefined) {
    const anchor = blockAt(doc, place.before);
    const indent = indentBefore(text, anchor.start) ?? doc.layout.blockIndent;
    const separator = indentBefore(text, anchor.start) === null ? eol : eol + gap;
    return insertAt(doc, anchor.start, '', blockText(indent), separator + indent);
  }
  if (place?.after !== undefined) {
    const anchor = blockAt(doc, place.after);
    const indent = indentBefore(text, anchor.start) ?? doc.layout.blockIndent;
    // Blanks after the anchor stay on its line rather than trailing the new block.
    let offset = anchor.end;
    while (text.charCodeAt(offset) === 32 || text.charCodeAt(offset) === 9) offset++;
    if (offset < text.length && !isLineBreak(text.charCodeAt(offset))) offset = anchor.end;
    return insertAt(doc, offset, eol + gap + indent, blockText(indent));
  }
  const root = doc.topLevel.find((top) => isConfigRoot(top.name) && !top.selfClosing);
  if (root) {
    const indent = doc.layout.blockIndent;
    const closingIndent = indentBefore(text, root.closeStart);
    if (closingIndent !== null) {
      const lineStart = root.closeStart - closingIndent.length;
      const previous = lineBefore(text, lineStart);
      const spaced =
        gap !== '' && previous !== null && !isBlank(text, previous) && !isOpeningLine(text, previous);
      return insertAt(doc, lineStart, (spaced ? gap : '') + indent, blockText(indent), eol);
    }
    return insertAt(doc, root.closeStart, eol + indent, blockText(indent), eol);
  }
  const separator = text.length === 0 || text.endsWith('\n') ? '' : eol;
  if (doc.shape === 'fragment') {
    return insertAt(doc, text.length, separator, blockText(''), doc.layout.finalNewline ? eol : '');
  }
  const indent = doc.layout.blockIndent;
  const opening = `${separator}<ossec_config>${eol}${indent}`;
  return insertAt(doc, text.length, opening, blockText(indent), `${eol}</ossec_config>${eol}`);
}

/** The first block inserted: inserted text may open with a comment or blank lines before it. */
function indexAt(insertion: Insertion): { doc: ConfigDocument; index: number } {
  const blocks = listOf(insertion.doc.blocks, shiftBlock);
  const index = blocks.findFirst((block) => block.start < insertion.at);
  return { doc: insertion.doc, index: index < blocks.length ? index : -1 };
}

/** Insert a new block; returns the new document and the new block's index. */
export function insertBlock(
  doc: ConfigDocument,
  spec: BlockSpec,
  place?: { before?: number; after?: number },
): { doc: ConfigDocument; index: number } {
  for (const field of spec.fields) checkField(field.name, field.value, doc.encoding);
  const print = (indent: string) => printBlock(spec, indent, doc.layout.indentUnit, doc.layout.eol);
  return indexAt(insertBlockText(doc, print, place ?? defaultPlace(doc, spec)));
}

export interface InsertTextOptions {
  /**
   * Leave out each `<command>` whose name the document already defines where the daemon reads it: the
   * inserted responses then use that definition, and no second one (never used) is added.
   */
  reuseCommands?: boolean;
}

export interface TextInsertion {
  doc: ConfigDocument;
  /** The first inserted block, or -1 when nothing was left to insert. */
  index: number;
  /** The names of the commands left out because the document defines them. */
  reused: string[];
}

/** The snippet without the `<command>` blocks whose names `defined` holds, each with its line. */
function withoutDefined(snippet: ConfigDocument, defined: Set<string>): { text: string; reused: string[] } {
  let { text } = snippet;
  const reused: string[] = [];
  for (const block of [...snippet.blocks].reverse()) {
    const name = block.kind === 'command' ? fieldValue(block, 'name') : undefined;
    if (name === undefined || !defined.has(name) || !block.inConfigRoot) continue;
    reused.unshift(name);
    const line = wholeLine(text, block.start, block.end) ?? { start: block.start, end: block.end };
    text = splice(text, line.start, line.end, '');
  }
  return { text, reused };
}

/**
 * Insert blocks written as text (a template, another file's blocks) exactly as written, re-indented to the
 * file and in its line endings, after the last block the daemon reads (else where a new block goes).
 * An empty document becomes the text itself, read as the snippet it is, so a documented example keeps its
 * look and its defects.
 */
export function insertBlocksText(
  doc: ConfigDocument,
  blocksText: string,
  options: InsertTextOptions = {},
): TextInsertion {
  const problem = encodingProblem(blocksText, doc.encoding);
  if (problem) throw new EditError(problem);
  if (doc.topLevel.length === 0 && doc.text.trim() === '') {
    return { doc: readDocument(blocksText, doc.encoding, true), index: 0, reused: [] };
  }
  let reused: string[] = [];
  if (options.reuseCommands) {
    const defined = new Set(
      doc.blocks
        .filter((b) => b.kind === 'command' && b.inConfigRoot)
        .map((b) => fieldValue(b, 'name'))
        .filter((name): name is string => name !== undefined),
    );
    const left = withoutDefined(readDocument(blocksText, doc.encoding, true), defined);
    if (left.text.trim() === '') return { doc, index: -1, reused: left.reused };
    blocksText = left.text;
    reused = left.reused;
  }
  const lines = withoutFinalLineBreaks(blocksText).split(/\r?\n/);
  const reindented = (indent: string) =>
    lines.map((line, i) => (i === 0 || line === '' ? line : indent + line)).join(doc.layout.eol);
  let last: Block | undefined;
  for (let i = doc.blocks.length - 1; i >= 0 && !last; i--) {
    if (doc.blocks[i].inConfigRoot) last = doc.blocks[i];
  }
  return { ...indexAt(insertBlockText(doc, reindented, last ? { after: last.index } : null)), reused };
}

/**
 * What removing the block at `[start, end)` of `text` deletes: the block with its line, and a blank line
 * that would then be doubled, or left against the root's opening or closing tag where the block used to be.
 */
export function removalRange(text: TextReader, start: number, end: number): { start: number; end: number } {
  const line = wholeLine(text, start, end);
  if (!line) return { start, end };
  const before = lineBefore(text, line.start);
  const after = lineAt(text, line.end);
  const blankBefore = before !== null && isBlank(text, before);
  const blankAfter = after !== null && isBlank(text, after);
  if (blankBefore && before && (after === null || blankAfter || isClosingLine(text, after))) {
    return { start: before.start, end: line.end };
  }
  if (blankAfter && after && before !== null && isOpeningLine(text, before)) {
    return { start: line.start, end: after.end };
  }
  return line;
}

/** Remove a block with its line, keeping the file's blank-line rhythm (see `removalRange`). */
export function removeBlock(doc: ConfigDocument, blockIndex: number): ConfigDocument {
  const block = blockAt(doc, blockIndex);
  const range = removalRange(sourceOf(doc), block.start, block.end);
  return replaceText(doc, range.start, range.end, '');
}

/** A copy of the block's own text right after it. */
export function duplicateBlock(
  doc: ConfigDocument,
  blockIndex: number,
): { doc: ConfigDocument; index: number } {
  const block = blockAt(doc, blockIndex);
  const source = sourceOf(doc).slice(block.start, block.end);
  return indexAt(insertBlockText(doc, () => source, { after: blockIndex }));
}

/** Move a block so that it ends up at `toIndex` in block order, carrying its text unchanged. */
export function moveBlock(doc: ConfigDocument, blockIndex: number, toIndex: number): ConfigDocument {
  const block = blockAt(doc, blockIndex);
  if (toIndex < 0 || toIndex >= doc.blocks.length) throw new EditError(`There is no position ${toIndex}.`);
  if (toIndex === blockIndex) return doc;
  const source = sourceOf(doc).slice(block.start, block.end);
  const without = removeBlock(doc, blockIndex);
  const place = toIndex < without.blocks.length ? { before: toIndex } : { after: without.blocks.length - 1 };
  return composed(doc, without, insertBlockText(without, () => source, place).doc);
}

export function applyOp(doc: ConfigDocument, op: DocumentOp): ConfigDocument {
  switch (op.op) {
    case 'setField':
      return setField(doc, op.blockIndex, op.field, op.value, op.occurrence);
    case 'removeField':
      return removeField(doc, op.blockIndex, op.field, op.occurrence);
    case 'insertBlock':
      return insertBlock(doc, op.block, op.before !== undefined || op.after !== undefined ? op : undefined)
        .doc;
    case 'removeBlock':
      return removeBlock(doc, op.blockIndex);
    case 'duplicateBlock':
      return duplicateBlock(doc, op.blockIndex).doc;
    case 'moveBlock':
      return moveBlock(doc, op.blockIndex, op.toIndex);
    case 'replaceText':
      return replaceText(doc, op.start, op.end, op.text);
    case 'readAs':
      return readAs(doc, op.snippet);
  }
}

/** Apply operations in order; each one's block indexes refer to the document as the previous one left it. */
export function applyOps(doc: ConfigDocument, ops: readonly DocumentOp[]): ConfigDocument {
  return ops.reduce(applyOp, doc);
}

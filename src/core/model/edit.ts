/**
 * The document API. Every edit splices freshly printed XML into the original text and leaves every other
 * byte alone; the result is the document read from the new text. A field edit re-reads only its block
 * and moves the blocks after it, so it stays fast on large files.
 */

import { readOsXml } from '../xml/os-xml';
import { printBlock, printField } from '../xml/print';
import { SourceBlock } from './block';
import { fieldsOf, fieldValue, lastField, valueProblem } from './fields';
import { indentBefore, isConfigRoot, readDocument } from './read';
import type { Block, BlockSpec, ConfigDocument, DocumentOp, XmlElement } from './types';

export class EditError extends Error {}

function blockAt(doc: ConfigDocument, blockIndex: number): Block {
  const block = doc.blocks[blockIndex];
  if (!block) throw new EditError(`There is no block ${blockIndex}.`);
  return block;
}

function checkValue(value: string): void {
  const problem = valueProblem(value);
  if (problem) throw new EditError(problem);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Read a new text of the same document: in its encoding, and as a snippet if it was one. */
function reread(doc: ConfigDocument, text: string): ConfigDocument {
  return readDocument(text, doc.encoding, doc.snippet);
}

/** Replace the whole text and read it again. */
export function replaceText(doc: ConfigDocument, start: number, end: number, insert: string): ConfigDocument {
  return reread(doc, splice(doc.text, start, end, insert));
}

/** The same text read as a snippet to paste into an ossec.conf, or as a whole file (DESIGN §2). */
export function readAs(doc: ConfigDocument, snippet: boolean): ConfigDocument {
  return doc.snippet === snippet ? doc : { ...doc, snippet };
}

/** Where a line that holds only `[start, end)` and whitespace begins and ends (end after its line break). */
export function wholeLine(text: string, start: number, end: number): { start: number; end: number } | null {
  const indent = indentBefore(text, start);
  if (indent === null) return null;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  if (text.startsWith('\r\n', after)) after += 2;
  else if (text[after] === '\n') after += 1;
  else if (after < text.length) return null;
  return { start: start - indent.length, end: after };
}

/** The line that ends just before `start` (a line start), with its line break; null at the top. */
function lineBefore(text: string, start: number): { start: number; end: number } | null {
  if (start === 0) return null;
  let i = start - 1;
  if (text[i] === '\n' && text[i - 1] === '\r') i--;
  let lineStart = i;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  return { start: lineStart, end: start };
}

/** The line that starts at `start`, with its line break; null at the end of the text. */
function lineAt(text: string, start: number): { start: number; end: number } | null {
  if (start >= text.length) return null;
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (end < text.length) end++;
  return { start, end };
}

const isBlank = (text: string, line: { start: number; end: number }) =>
  text.slice(line.start, line.end).trim() === '';

/** A line holding only a closing tag, or only an opening tag whose element goes on below it. */
function isClosingLine(text: string, line: { start: number; end: number }): boolean {
  return text.slice(line.start, line.end).trim().startsWith('</');
}
function isOpeningLine(text: string, line: { start: number; end: number }): boolean {
  const content = text.slice(line.start, line.end).trim();
  return (
    /^<[^/!?]/.test(content) && content.endsWith('>') && !content.endsWith('/>') && !content.includes('</')
  );
}

/**
 * Whether the file puts a blank line between blocks: what most pairs of neighbouring blocks (else of
 * neighbouring sections) in a root have between them. New blocks keep that rhythm.
 */
function blankLineBetweenBlocks(doc: ConfigDocument): boolean {
  let blank = 0;
  let tight = 0;
  const count = (end: number, next: number) => {
    const between = doc.text.slice(end, next);
    if (between.trim() !== '') return;
    if ((between.match(/\r\n|\r|\n/g)?.length ?? 0) >= 2) blank++;
    else tight++;
  };
  const blocks = doc.blocks;
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i].topLevelIndex === blocks[i - 1].topLevelIndex) count(blocks[i - 1].end, blocks[i].start);
  }
  if (blank + tight === 0) {
    for (const root of doc.topLevel) {
      for (let i = 1; i < root.children.length; i++) count(root.children[i - 1].end, root.children[i].start);
    }
  }
  return blank > tight;
}

function childIndentOf(doc: ConfigDocument, block: Block): string {
  for (const child of block.children) {
    const indent = indentBefore(doc.text, child.start);
    if (indent !== null) return indent;
  }
  const own = indentBefore(doc.text, block.start);
  return own === null ? doc.layout.childIndent : own + doc.layout.indentUnit;
}

/**
 * Replace `[start, end)` inside one block and re-read only that block. Falls back to reading the whole
 * text when the document has reading problems (their positions would move) or the block no longer reads
 * as one clean element.
 */
function spliceBlock(
  doc: ConfigDocument,
  block: Block,
  start: number,
  end: number,
  insert: string,
): ConfigDocument {
  const text = splice(doc.text, start, end, insert);
  const delta = insert.length - (end - start);
  // Reading problems and nested definitions carry positions of their own that would move.
  if (doc.problems.length > 0 || doc.nested.length > 0 || !(block instanceof SourceBlock)) {
    return reread(doc, text);
  }
  // Built from the old text: slicing the new one would flatten the whole file on every keystroke.
  const blockText = doc.text.slice(block.start, start) + insert + doc.text.slice(end, block.end);
  const scan = readOsXml(blockText);
  const element = scan.roots[0];
  if (scan.error || scan.comments.length > 0 || scan.roots.length !== 1 || element.end !== blockText.length) {
    return reread(doc, text);
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
  const blocks = doc.blocks.map((b) =>
    b.index < block.index ? b : b.index === block.index ? blockRead : (b as SourceBlock).moved(delta),
  );
  const topLevel = doc.topLevel.map((top) => {
    if (top.start === block.start) return section;
    const shifted = shiftTopLevel(top, start, end, delta);
    if (top.end <= start || top.start > start) return shifted;
    const children = top.children.map((child) =>
      child.start === block.start ? section : shiftTopLevel(child, start, end, delta),
    );
    return { ...shifted, children };
  });
  return { ...doc, text, blocks, topLevel };
}

function shiftElement(element: XmlElement, delta: number): XmlElement {
  return {
    ...element,
    start: element.start + delta,
    end: element.end + delta,
    openEnd: element.openEnd + delta,
    closeStart: element.closeStart + delta,
    children:
      element.children.length === 0
        ? element.children
        : element.children.map((child) => shiftElement(child, delta)),
  };
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

/**
 * Set a field's value (the last occurrence, the one the daemon uses), adding the element when absent.
 * Nothing the file holds is dropped: an element holding elements is kept and followed by the new one.
 */
export function setField(
  doc: ConfigDocument,
  blockIndex: number,
  field: string,
  value: string,
): ConfigDocument {
  checkValue(value);
  const block = blockAt(doc, blockIndex);
  const existing = lastField(block, field);
  if (existing?.hasNestedElements) {
    // It holds elements of its own (definitions put in a response): they stay, and the new value goes
    // right after it, where the daemon, taking the last one, reads it.
    const indent = indentBefore(doc.text, existing.start) ?? childIndentOf(doc, block);
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
    const indent = indentBefore(doc.text, block.start) ?? doc.layout.blockIndent;
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
  if (first && indentBefore(doc.text, first.start) !== null) {
    return spliceBlock(doc, block, first.start, first.start, printed + eol + indent);
  }
  const inner = doc.text.slice(block.openEnd, block.closeStart);
  if (inner.trim() === '') {
    const closingIndent = indentBefore(doc.text, block.start) ?? '';
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

/**
 * Remove every occurrence of a field, each with its line when it stands alone on it. One that holds
 * elements of its own (a definition put in a response) is not a value and stays.
 */
export function removeField(doc: ConfigDocument, blockIndex: number, field: string): ConfigDocument {
  let current = doc;
  for (;;) {
    const block = blockAt(current, blockIndex);
    const child = block.children.findLast((c) => c.name === field && !c.hasNestedElements);
    if (!child) return current;
    const line = wholeLine(current.text, child.start, child.end);
    current = line
      ? spliceBlock(current, block, line.start, line.end, '')
      : spliceBlock(current, block, child.start, child.end, '');
  }
}

/** Where a new block goes when the caller does not say: see DESIGN §2. */
function defaultPlace(doc: ConfigDocument, spec: BlockSpec): { before?: number; after?: number } | null {
  const commands = doc.blocks.filter((b) => b.kind === 'command' && b.inConfigRoot);
  const responses = doc.blocks.filter((b) => b.kind === 'active-response' && b.inConfigRoot);
  if (spec.kind === 'command') {
    if (commands.length > 0) {
      const last = commands.at(-1) as Block;
      const name = spec.fields.find((f) => f.name === 'name')?.value;
      const firstUser = responses.find((r) => name !== undefined && fieldValue(r, 'command') === name);
      return firstUser && firstUser.index < last.index ? { before: firstUser.index } : { after: last.index };
    }
    if (responses.length > 0) return { before: responses[0].index };
    return null;
  }
  const commandName = spec.fields.find((f) => f.name === 'command')?.value;
  const definition = commands.find((c) => fieldValue(c, 'name') === commandName);
  const candidates = [
    responses.at(-1),
    definition,
    responses.length === 0 ? commands.at(-1) : undefined,
  ].filter((b): b is Block => b !== undefined);
  if (candidates.length === 0) return null;
  return { after: Math.max(...candidates.map((b) => b.index)) };
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
  const { text } = doc;
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
    while (text[offset] === ' ' || text[offset] === '\t') offset++;
    if (offset < text.length && text[offset] !== '\r' && text[offset] !== '\n') offset = anchor.end;
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
  const index = insertion.doc.blocks.findIndex((block) => block.start >= insertion.at);
  return { doc: insertion.doc, index };
}

/** Insert a new block; returns the new document and the new block's index. */
export function insertBlock(
  doc: ConfigDocument,
  spec: BlockSpec,
  place?: { before?: number; after?: number },
): { doc: ConfigDocument; index: number } {
  for (const field of spec.fields) checkValue(field.value);
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
  if (doc.text.trim() === '') {
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
  const lines = blocksText.replace(/(\r?\n)+$/, '').split(/\r?\n/);
  const reindented = (indent: string) =>
    lines.map((line, i) => (i === 0 || line === '' ? line : indent + line)).join(doc.layout.eol);
  const last = doc.blocks.filter((b) => b.inConfigRoot).at(-1);
  return { ...indexAt(insertBlockText(doc, reindented, last ? { after: last.index } : null)), reused };
}

/**
 * What removing the block at `[start, end)` of `text` deletes: the block with its line, and a blank line
 * that would then be doubled, or left against the root's opening or closing tag where the block used to be.
 */
export function removalRange(text: string, start: number, end: number): { start: number; end: number } {
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
  const range = removalRange(doc.text, block.start, block.end);
  return replaceText(doc, range.start, range.end, '');
}

/** A copy of the block's own text right after it. */
export function duplicateBlock(
  doc: ConfigDocument,
  blockIndex: number,
): { doc: ConfigDocument; index: number } {
  const block = blockAt(doc, blockIndex);
  const source = doc.text.slice(block.start, block.end);
  return indexAt(insertBlockText(doc, () => source, { after: blockIndex }));
}

/** Move a block so that it ends up at `toIndex` in block order, carrying its text unchanged. */
export function moveBlock(doc: ConfigDocument, blockIndex: number, toIndex: number): ConfigDocument {
  const block = blockAt(doc, blockIndex);
  if (toIndex < 0 || toIndex >= doc.blocks.length) throw new EditError(`There is no position ${toIndex}.`);
  if (toIndex === blockIndex) return doc;
  const source = doc.text.slice(block.start, block.end);
  const without = removeBlock(doc, blockIndex);
  const place = toIndex < without.blocks.length ? { before: toIndex } : { after: without.blocks.length - 1 };
  return insertBlockText(without, () => source, place).doc;
}

export function applyOp(doc: ConfigDocument, op: DocumentOp): ConfigDocument {
  switch (op.op) {
    case 'setField':
      return setField(doc, op.blockIndex, op.field, op.value);
    case 'removeField':
      return removeField(doc, op.blockIndex, op.field);
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

/**
 * Validation that follows the edit (issue 9 §1): `createChecker(options).check(doc)` gives exactly what
 * `validate(doc, options)` gives, but after an edit it redoes only the edited blocks' rules and the fact
 * rules of the blocks whose facts changed (the command a response resolves to, its first ar.conf key, the
 * first definition of a name, the block execd reads), and moves every other finding with its block.
 *
 * What it keeps per block: the findings of the block rules (which read the block alone) and of the fact
 * rules with the facts they were found with. An edit is found from the previous document: its `change`
 * when it has one, else by comparing the blocks from both ends. Anything it cannot prove confined to
 * blocks (text outside them other than blanks, an XML error, nested definitions, another shape or reading)
 * makes a full check.
 */

import { arConfEntry } from '../derive/ar-conf';
import type { Block, ConfigDocument, Diagnostic, DocumentOp, Fix } from '../model/types';
import type { Role } from '../targets/role';
import { DEFAULT_TARGET, type TargetProfile, toProfile } from '../targets/target';
import { positionAt } from '../xml/positions';
import type { Rule, RuleContext } from './rule';
import { ruleContext, rulesFor, type ValidateOptions } from './validate';

export interface Checker {
  /**
   * The diagnostics of `validate(doc, options)`, in its order. After a document this checker checked
   * before, only what the edit touched is found again. The array is the checker's: do not change it.
   */
  check(doc: ConfigDocument): Diagnostic[];
}

/** A finding with what orders it among those at the same offset: its rule, and the document's part first. */
interface Entry {
  d: Diagnostic;
  rule: number;
  /** 0 for a document rule (or a block rule's document part), 1 for a block's finding. */
  part: 0 | 1;
  /** Found by a fact rule. */
  facts: boolean;
}

/** What the checker keeps of one block; the same object while the block stays unchanged. */
interface BlockRecord {
  /** The findings of the block rules and of the fact rules, in order. */
  entries: Entry[];
  /** The facts the fact rules' findings were found with. */
  signature: unknown[];
  /** A fact rule read more than the signature holds (A2's names above): redo its facts every time. */
  volatile: boolean;
}

interface State {
  doc: ConfigDocument;
  role: Role;
  rules: readonly Rule[];
  records: BlockRecord[];
  /** The document rules' findings, in order. */
  document: Entry[];
  output: Diagnostic[];
}

/** Blocks `[first, first + removed)` became `[first, first + inserted)`; the text `[from, oldTo)` became `[from, newTo)`. */
interface Edit {
  first: number;
  removed: number;
  inserted: number;
  from: number;
  oldTo: number;
  newTo: number;
  /** Line breaks added (or removed, below 0) by the edit. */
  lines: number;
  /** The text after the edit keeps its columns up to the next line break. */
  sameColumns: boolean;
}

export function createChecker(options: ValidateOptions = {}): Checker {
  const target = toProfile(options.target ?? DEFAULT_TARGET);
  let state: State | undefined;
  return {
    check(doc: ConfigDocument): Diagnostic[] {
      if (state?.doc === doc) return state.output;
      const edit = state ? editBetween(state.doc, doc) : null;
      const previous = state;
      // The incremental pass updates the records it keeps: until it is done, there is no previous state.
      state = undefined;
      state =
        previous && edit ? incremental(previous, doc, edit, target, options) : full(doc, target, options);
      return state.output;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Finding the edit

const isBlank = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

function sameBlock(a: Block, aText: string, b: Block, bText: string, shift: number): boolean {
  if (a === b) return shift === 0;
  return (
    b.start === a.start + shift &&
    b.end - b.start === a.end - a.start &&
    a.kind === b.kind &&
    a.inConfigRoot === b.inConfigRoot &&
    aText.slice(a.start, a.end) === bText.slice(b.start, b.end)
  );
}

/** Whether `text[from, to)` outside the blocks `[first, last)` holds only blanks. */
function blanksAround(
  text: string,
  blocks: readonly Block[],
  first: number,
  last: number,
  from: number,
  to: number,
) {
  let at = from;
  for (let i = first; i <= last; i++) {
    const end = i < last ? blocks[i].start : to;
    for (; at < end; at++) if (!isBlank(text.charCodeAt(at))) return false;
    if (i < last) at = blocks[i].end;
  }
  return true;
}

function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) count++;
    else if (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a) count++;
  }
  return count;
}

/** The blanks after the last line break of `text[from, to)`, or null when it holds none. */
function lastLineTail(text: string, from: number, to: number): string | null {
  for (let i = to - 1; i >= from; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return text.slice(i + 1, to);
  }
  return null;
}

/**
 * The edit from `before` to `after` when it is confined to blocks and the blanks between them, else null
 * (a full check). The blocks that changed come from `after.change` when it follows `before`, else from
 * comparing both documents' blocks from each end; the text outside them must then be the same.
 */
function editBetween(before: ConfigDocument, after: ConfigDocument): Edit | null {
  // A snippet's blocks are its top-level elements; a file without a root is judged by its first element.
  const shapeKept =
    before.shape === after.shape &&
    (before.shape === 'config' || (before.shape === 'fragment' && before.snippet));
  if (
    before.snippet !== after.snippet ||
    !shapeKept ||
    before.xmlError ||
    after.xmlError ||
    before.nested.length > 0 ||
    after.nested.length > 0
  ) {
    return null;
  }
  const a = before.blocks;
  const b = after.blocks;
  const shift = after.text.length - before.text.length;
  let first: number;
  let removed: number;
  let inserted: number;
  const change = after.change;
  const trusted =
    change !== undefined && before.revision !== undefined && change.baseRevision === before.revision;
  if (trusted) {
    ({ first, removed, inserted } = change);
    if (
      first + removed > a.length ||
      first + inserted > b.length ||
      a.length - removed !== b.length - inserted
    ) {
      return null;
    }
  } else {
    const most = Math.min(a.length, b.length);
    first = 0;
    while (first < most && sameBlock(a[first], before.text, b[first], after.text, 0)) first++;
    let kept = 0;
    while (
      kept < most - first &&
      sameBlock(a[a.length - 1 - kept], before.text, b[b.length - 1 - kept], after.text, shift)
    ) {
      kept++;
    }
    removed = a.length - first - kept;
    inserted = b.length - first - kept;
  }
  const hasPrefix = first > 0;
  const hasSuffix = first + removed < a.length;
  if (!hasPrefix && removed === 0 && inserted === 0) return null;
  const dirtyStarts = [removed > 0 ? a[first].start : Infinity, inserted > 0 ? b[first].start : Infinity];
  const from = hasPrefix ? a[first - 1].end : Math.min(...dirtyStarts);
  if (hasPrefix && b[first - 1].end !== from) return null;
  let oldTo: number;
  let newTo: number;
  if (hasSuffix) {
    oldTo = a[first + removed].start;
    newTo = b[first + inserted].start;
  } else {
    oldTo = removed > 0 ? a[first + removed - 1].end : from;
    newTo = inserted > 0 ? b[first + inserted - 1].end : from;
  }
  if (newTo - oldTo !== shift) return null;
  // Text before the first block and after the last is proved the same even with a `change`.
  const proveBefore = !trusted || !hasPrefix;
  const proveAfter = !trusted || !hasSuffix;
  if (proveBefore && before.text.slice(0, from) !== after.text.slice(0, from)) return null;
  if (proveAfter && before.text.slice(oldTo) !== after.text.slice(newTo)) return null;
  if (
    !blanksAround(before.text, a, first, first + removed, from, oldTo) ||
    !blanksAround(after.text, b, first, first + inserted, from, newTo)
  ) {
    return null;
  }
  for (let i = first; i < first + removed; i++) if (!a[i].inConfigRoot) return null;
  for (let i = first; i < first + inserted; i++) if (!b[i].inConfigRoot) return null;
  const oldTail = lastLineTail(before.text, removed > 0 ? a[first + removed - 1].end : from, oldTo);
  const newTail = lastLineTail(after.text, inserted > 0 ? b[first + inserted - 1].end : from, newTo);
  return {
    first,
    removed,
    inserted,
    from,
    oldTo,
    newTo,
    lines: lineBreaks(after.text, from, newTo) - lineBreaks(before.text, from, oldTo),
    sameColumns: oldTail !== null && oldTail === newTail,
  };
}

/** Whether `text[from, to)` holds no line break. */
function onOneLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Moving findings with their blocks

interface Move {
  /** Characters the text after the edit moved by. */
  shift: number;
  lines: number;
  edit: Edit;
}

function movedIndex(index: number, edit: Edit): number {
  return index < edit.first ? index : index + edit.inserted - edit.removed;
}

function movedOp(op: DocumentOp, move: Move): DocumentOp {
  const at = (index: number) => movedIndex(index, move.edit);
  switch (op.op) {
    case 'setField':
    case 'removeField':
    case 'removeBlock':
    case 'duplicateBlock':
      return { ...op, blockIndex: at(op.blockIndex) };
    case 'moveBlock':
      return { ...op, blockIndex: at(op.blockIndex), toIndex: at(op.toIndex) };
    case 'insertBlock': {
      const moved = { ...op };
      if (op.before !== undefined) moved.before = at(op.before);
      if (op.after !== undefined) moved.after = at(op.after);
      return moved;
    }
    case 'replaceText':
      return { ...op, start: op.start + move.shift, end: op.end + move.shift };
    case 'readAs':
      return op;
  }
}

/** A finding of a block after the edit, where the block now is. */
function moved(d: Diagnostic, move: Move): Diagnostic {
  const result: Diagnostic = { ...d, offset: d.offset + move.shift, line: d.line + move.lines };
  if (d.endOffset !== undefined) result.endOffset = d.endOffset + move.shift;
  if (d.blockIndex !== undefined) result.blockIndex = movedIndex(d.blockIndex, move.edit);
  if (d.fix) {
    const fix: Fix = { ...d.fix, ops: d.fix.ops.map((op) => movedOp(op, move)) };
    result.fix = fix;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Rules and facts

function contextFor(doc: ConfigDocument, target: TargetProfile, options: ValidateOptions): RuleContext {
  return ruleContext(doc, target, options.role, options.snippetAdvice);
}

/** The same context, checking only `blocks` (in document order). */
function restricted(ctx: RuleContext, blocks: readonly Block[]): RuleContext {
  const read = ctx.doc.shape === 'agent-config' ? [] : blocks.filter((b) => b.inConfigRoot);
  const responses = [];
  for (const block of read) {
    const model = ctx.model.byBlock.get(block.index);
    if (model && 'outcome' in model) responses.push(model);
  }
  return { ...ctx, blocks: read, everyBlock: [...blocks], responses };
}

/** The facts a block's fact rules read beyond the block, in terms that survive a move. */
function signatureOf(block: Block, ctx: RuleContext, records: readonly BlockRecord[]): unknown[] {
  const record = (b: Block | undefined) => (b ? records[b.index] : undefined);
  const lineOf = (b: Block) => positionAt(ctx.doc.text, b.start).line;
  const signature: unknown[] = [ctx.execd.disabled?.block === block, ctx.execd.offenders?.block === block];
  const model = ctx.model.byBlock.get(block.index);
  if (!model) return signature;
  if (!('outcome' in model)) {
    const firstDefinition = model.name === undefined ? undefined : ctx.model.definitions.get(model.name)?.[0];
    if (firstDefinition?.block && firstDefinition.block !== block) {
      signature.push(record(firstDefinition.block), lineOf(firstDefinition.block));
    }
    return signature;
  }
  const { resolved } = model;
  signature.push(
    model.outcome,
    model.checked,
    resolved?.block ? record(resolved.block) : resolved?.name,
    resolved?.executable,
    resolved?.timeoutAllowed,
    record(model.definedBelow?.block),
    model.effectiveTimeout,
    model.timeoutReset,
  );
  const entry = arConfEntry(model);
  const first = entry ? ctx.firstByArConfKey().get(entry.key) : undefined;
  if (first && first !== model)
    signature.push(record(first.block), lineOf(first.block), arConfEntry(first)?.line);
  return signature;
}

function sameSignature(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The block a finding belongs to: the one it names, else the one it lies in. */
function blockAt(doc: ConfigDocument, offset: number): Block | undefined {
  const { blocks } = doc;
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].end <= offset) low = mid + 1;
    else if (blocks[mid].start > offset) high = mid - 1;
    else return blocks[mid];
  }
  return undefined;
}

/** As `validate` does: a finding strictly inside a block belongs to it. */
function enclosed(doc: ConfigDocument, d: Diagnostic): Diagnostic {
  if (d.blockIndex !== undefined) return d;
  const block = blockAt(doc, d.offset);
  return block && block.start < d.offset && d.offset < block.end ? { ...d, blockIndex: block.index } : d;
}

/** Runs `rules` (with their positions in the full list) and hands each block finding to its record. */
function runOnBlocks(
  ctx: RuleContext,
  rules: ReadonlyArray<{ rule: Rule; position: number }>,
  records: readonly BlockRecord[],
): void {
  const touched = new Set<BlockRecord>();
  for (const { rule, position } of rules) {
    for (const d of rule.check(ctx)) {
      const index = d.blockIndex ?? blockAt(ctx.doc, d.offset)?.index;
      if (index === undefined) throw new Error(`${rule.code} found something outside any block`);
      const record = records[index];
      record.entries.push({
        d: enclosed(ctx.doc, d),
        rule: position,
        part: 1,
        facts: rule.scope === 'facts',
      });
      if (rule.wideFacts) record.volatile = true;
      touched.add(record);
    }
  }
  for (const record of touched) record.entries.sort(compareEntries);
}

function byScope(rules: readonly Rule[], keep: (rule: Rule) => boolean) {
  return rules.map((rule, position) => ({ rule, position })).filter(({ rule }) => keep(rule));
}

function documentEntries(ctx: RuleContext, rules: ReadonlyArray<{ rule: Rule; position: number }>): Entry[] {
  const entries: Entry[] = [];
  for (const { rule, position } of rules) {
    const found = rule.scope === 'document' ? rule.check(ctx) : (rule.checkDocument?.(ctx) ?? []);
    for (const d of found) entries.push({ d: enclosed(ctx.doc, d), rule: position, part: 0, facts: false });
  }
  return entries.sort(compareEntries);
}

function compareEntries(a: Entry, b: Entry): number {
  return a.d.offset - b.d.offset || a.rule - b.rule || a.part - b.part;
}

/** `validate`'s order: by offset, then rule, then the order each rule found them in. */
function output(records: readonly BlockRecord[], document: readonly Entry[]): Diagnostic[] {
  const result: Diagnostic[] = [];
  let next = 0;
  for (const record of records) {
    for (const entry of record.entries) {
      while (next < document.length && compareEntries(document[next], entry) <= 0)
        result.push(document[next++].d);
      result.push(entry.d);
    }
  }
  while (next < document.length) result.push(document[next++].d);
  return result;
}

const blank = (): BlockRecord => ({ entries: [], signature: [], volatile: false });

function full(doc: ConfigDocument, target: TargetProfile, options: ValidateOptions): State {
  const ctx = contextFor(doc, target, options);
  const rules = rulesFor(target, ctx.role);
  const records = doc.blocks.map(blank);
  runOnBlocks(
    ctx,
    byScope(rules, (r) => r.scope !== 'document'),
    records,
  );
  for (const block of doc.blocks) records[block.index].signature = signatureOf(block, ctx, records);
  const document = documentEntries(
    ctx,
    byScope(rules, (r) => r.scope === 'document' || r.checkDocument !== undefined),
  );
  return { doc, role: ctx.role, rules, records, document, output: output(records, document) };
}

function incremental(
  previous: State,
  doc: ConfigDocument,
  edit: Edit,
  target: TargetProfile,
  options: ValidateOptions,
): State {
  const ctx = contextFor(doc, target, options);
  if (ctx.role !== previous.role) return full(doc, target, options);
  const { rules } = previous;
  const { first, removed, inserted } = edit;
  const move: Move = { shift: edit.newTo - edit.oldTo, lines: edit.lines, edit };
  const records: BlockRecord[] = new Array(doc.blocks.length);
  const dirty = new Set<number>();
  for (let i = 0; i < first; i++) records[i] = previous.records[i];
  for (let i = first; i < first + inserted; i++) {
    records[i] = blank();
    dirty.add(i);
  }
  // After the edit, blocks still on its last line change columns (and what H4 reads before them).
  let columnsKept = edit.sameColumns;
  for (let i = first + inserted; i < doc.blocks.length; i++) {
    const before = previous.records[i - inserted + removed];
    if (!columnsKept && onOneLine(doc.text, edit.newTo, doc.blocks[i].start)) {
      records[i] = blank();
      dirty.add(i);
      continue;
    }
    columnsKept = true;
    // The record stays the same object: signatures that name it still match.
    if (move.shift !== 0 || move.lines !== 0 || inserted !== removed) {
      before.entries = before.entries.map((e) => ({ ...e, d: moved(e.d, move) }));
    }
    records[i] = before;
  }
  const dirtyBlocks = [...dirty].sort((x, y) => x - y).map((i) => doc.blocks[i]);
  runOnBlocks(
    restricted(ctx, dirtyBlocks),
    byScope(rules, (r) => r.scope === 'block'),
    records,
  );

  const redo: Block[] = [];
  const signatures = new Map<number, unknown[]>();
  for (const block of doc.blocks) {
    const record = records[block.index];
    const signature = signatureOf(block, ctx, records);
    signatures.set(block.index, signature);
    if (dirty.has(block.index) || record.volatile || !sameSignature(signature, record.signature)) {
      redo.push(block);
    }
  }
  for (const block of redo) {
    const record = records[block.index];
    record.entries = record.entries.filter((e) => !e.facts);
    record.signature = signatures.get(block.index) ?? [];
    record.volatile = false;
  }
  runOnBlocks(
    restricted(ctx, redo),
    byScope(rules, (r) => r.scope === 'facts'),
    records,
  );

  const outside = movedOutside(previous, doc, edit, move);
  if (!outside) return full(doc, target, options);
  const document = [
    ...outside,
    ...documentEntries(
      ctx,
      byScope(rules, (r) => (r.scope === 'document' && !r.outsideBlocks) || r.checkDocument !== undefined),
    ),
  ].sort(compareEntries);
  return { doc, role: ctx.role, rules, records, document, output: output(records, document) };
}

/** The findings of the rules that read only what lies outside blocks, moved past the edit. */
function movedOutside(previous: State, doc: ConfigDocument, edit: Edit, move: Move): Entry[] | null {
  const entries: Entry[] = [];
  for (const entry of previous.document) {
    if (!previous.rules[entry.rule].outsideBlocks) continue;
    const { d } = entry;
    // Such a finding never lies among the edited blocks; if one does, the edit was not what it seemed.
    if (d.offset >= edit.from && d.offset < edit.oldTo) return null;
    if (d.offset < edit.from) {
      const end = d.endOffset;
      entries.push(
        end !== undefined && end >= edit.oldTo
          ? { ...entry, d: { ...d, endOffset: end + move.shift } }
          : entry,
      );
      continue;
    }
    const result: Diagnostic = { ...d, offset: d.offset + move.shift };
    if (d.endOffset !== undefined) result.endOffset = d.endOffset + move.shift;
    const position =
      edit.sameColumns || !onOneLine(doc.text, edit.newTo, result.offset)
        ? { line: d.line + move.lines, column: d.column }
        : positionAt(doc.text, result.offset);
    entries.push({ ...entry, d: { ...result, ...position } });
  }
  return entries;
}

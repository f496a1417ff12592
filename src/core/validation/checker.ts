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

import {
  type AnalysisdModel,
  type CommandModel,
  fromStock,
  type Lookup,
  type ResponseFields,
  type ResponseModel,
  type ResponseOutcome,
  resolveResponse,
  responseFields,
  toCommand,
} from '../derive/analysisd';
import { arConfEntry } from '../derive/ar-conf';
import { type ExecdView, readOffenders } from '../derive/execd';
import { fieldsNamed } from '../model/fields';
import { readsAsSnippet } from '../model/read';
import type { Block, ConfigDocument, Diagnostic, DocumentChange, DocumentOp, Fix } from '../model/types';
import { type Role, resolveRole } from '../targets/role';
import type { StockCommand } from '../targets/stock';
import { DEFAULT_TARGET, type TargetProfile, toProfile } from '../targets/target';
import { lineStartsAfterEdit, positionAt } from '../xml/positions';
import type { Rule, RuleContext } from './rule';
import { CLI_SNIPPET_ADVICE, rulesFor, type ValidateOptions } from './validate';

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

/**
 * Blocks `[first, first + removed)` became `[first, first + inserted)`; the text `[from, oldTo)` became
 * `[from, newTo)`, and the rest of the text is the same, moved.
 */
interface Edit {
  first: number;
  removed: number;
  inserted: number;
  from: number;
  oldTo: number;
  newTo: number;
  /** Line breaks added (or removed, below 0) by the edit. */
  lines: number;
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

/**
 * Whether `b` is `a`, `shift` characters further on. Texts are compared only where a moved block could
 * differ in text alone: a block after an edit that changed the length is told apart by its place, and
 * the text after the edit is compared once, as a whole, when the edit is found.
 */
function sameBlock(a: Block, aText: string, b: Block, bText: string, shift: number, compareText: boolean) {
  if (a === b) return shift === 0;
  return (
    b.start === a.start + shift &&
    b.end - b.start === a.end - a.start &&
    a.kind === b.kind &&
    a.inConfigRoot === b.inConfigRoot &&
    (!compareText || aText.slice(a.start, a.end) === bText.slice(b.start, b.end))
  );
}

/** Whether `text[from, to)` holds only blanks outside the blocks `[first, last)` (which it may cut into). */
function blanksAround(
  text: string,
  blocks: readonly Block[],
  first: number,
  last: number,
  from: number,
  to: number,
): boolean {
  let at = from;
  for (let i = first; i < last && at < to; i++) {
    const block = blocks[i];
    if (block.end <= at) continue;
    for (const end = Math.min(block.start, to); at < end; at++)
      if (!isBlank(text.charCodeAt(at))) return false;
    at = Math.max(at, block.end);
  }
  for (; at < to; at++) if (!isBlank(text.charCodeAt(at))) return false;
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

/**
 * The blocks that changed from `before` to `after` as the edit said: `after`'s change when it follows
 * `before`, or `before`'s turned round when `after` is the document it was made from (an undo, or a
 * checker shown the base again).
 */
function changeBetween(
  before: ConfigDocument,
  after: ConfigDocument,
): Omit<DocumentChange, 'baseRevision'> | undefined {
  if (after.change !== undefined && after.change.baseRevision === before.revision) return after.change;
  const back = before.change;
  if (back !== undefined && back.baseRevision === after.revision)
    return { first: back.first, removed: back.inserted, inserted: back.removed };
  return undefined;
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
  const change = changeBetween(before, after);
  const trusted = change !== undefined;
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
    while (first < most && sameBlock(a[first], before.text, b[first], after.text, 0, true)) first++;
    let kept = 0;
    while (
      kept < most - first &&
      sameBlock(a[a.length - 1 - kept], before.text, b[b.length - 1 - kept], after.text, shift, shift === 0)
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
  // The text that differs: what lies between the common start and the common end of both spans. A
  // boundary never splits a CRLF, so each line break lies wholly inside it or outside.
  let start = from;
  const most = Math.min(oldTo, newTo);
  while (start < most && before.text.charCodeAt(start) === after.text.charCodeAt(start)) start++;
  if (start > from && before.text.charCodeAt(start - 1) === 0x0d) start--;
  let oldEnd = oldTo;
  let newEnd = newTo;
  while (
    oldEnd > start &&
    newEnd > start &&
    before.text.charCodeAt(oldEnd - 1) === after.text.charCodeAt(newEnd - 1)
  ) {
    oldEnd--;
    newEnd--;
  }
  if (
    oldEnd < oldTo &&
    before.text.charCodeAt(oldEnd) === 0x0a &&
    (before.text.charCodeAt(oldEnd - 1) === 0x0d || after.text.charCodeAt(newEnd - 1) === 0x0d)
  ) {
    oldEnd++;
    newEnd++;
  }
  // Text that did not change reads the same; what changed outside the edited blocks may only be blanks.
  if (
    !blanksAround(before.text, a, first, first + removed, start, oldEnd) ||
    !blanksAround(after.text, b, first, first + inserted, start, newEnd)
  ) {
    return null;
  }
  for (let i = first; i < first + removed; i++) if (!a[i].inConfigRoot) return null;
  for (let i = first; i < first + inserted; i++) if (!b[i].inConfigRoot) return null;
  lineStartsAfterEdit(before.text, after.text, start, oldEnd, newEnd);
  return {
    first,
    removed,
    inserted,
    from: start,
    oldTo: oldEnd,
    newTo: newEnd,
    lines: lineBreaks(after.text, start, newEnd) - lineBreaks(before.text, start, oldEnd),
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
  // Copied, then set: the keys stay in the finding's order, and V8 copies the object fast as it is.
  const result: Diagnostic = { ...d };
  result.offset = d.offset + move.shift;
  result.line = d.line + move.lines;
  if (d.endOffset !== undefined) result.endOffset = d.endOffset + move.shift;
  if (d.blockIndex !== undefined) result.blockIndex = movedIndex(d.blockIndex, move.edit);
  if (d.fix) {
    const fix: Fix = { ...d.fix, ops: d.fix.ops.map((op) => movedOp(op, move)) };
    result.fix = fix;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Facts: what analysisd and execd make of the blocks, kept up to date block by block

/** What a `<command>` analysisd reads says on its own. */
interface CommandFacts {
  name?: string;
  executable?: string;
  timeoutAllowed: boolean;
}

/** A response analysisd reads: its own fields, and what the rest of the document makes of it. */
interface ResponseFacts {
  fields: ResponseFields;
  /** Holds a `<disabled>`: execd decides by the first such block. */
  hasDisabled: boolean;
  /** The definition it resolves to (its record), or the stock command a snippet relies on. */
  resolved?: BlockRecord | StockCommand;
  definedBelow?: BlockRecord;
  /** OSSEC 2.8: an earlier block's `disabled` yes turned it off. */
  disabledForGood: boolean;
  outcome: ResponseOutcome;
  effectiveTimeout: number;
  timeoutReset: boolean;
  arConf?: { key: string; line: string };
}

/** What the checker keeps of one block; the same object while the block stays unchanged. */
interface BlockRecord {
  /** Its position among the document's blocks, kept up to date. */
  index: number;
  /** The findings of the block rules and of the fact rules, in order. */
  entries: Entry[];
  /** The facts the fact rules' findings were found with. */
  signature: unknown[];
  /** A fact rule read more than the signature holds (A2's names above): redo its facts every time. */
  volatile: boolean;
  command?: CommandFacts;
  response?: ResponseFacts;
}

function newRecord(block: Block, index: number, target: TargetProfile, read: boolean): BlockRecord {
  const record: BlockRecord = { index, entries: [], signature: [], volatile: false };
  if (!read) return record;
  if (block.kind === 'command') {
    const { name, executable, timeoutAllowed } = toCommand(block);
    record.command = { name, executable, timeoutAllowed };
  } else {
    record.response = {
      fields: responseFields(block, target),
      hasDisabled: fieldsNamed(block, 'disabled').length > 0,
      disabledForGood: false,
      outcome: 'refused',
      effectiveTimeout: 0,
      timeoutReset: false,
    };
  }
  return record;
}

function insertSorted(list: BlockRecord[], record: BlockRecord): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].index < record.index) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, record);
}

/** `repeated` holds the keys of the map that name more than one record. */
function removeFrom<K>(map: Map<K, BlockRecord[]>, key: K, record: BlockRecord, repeated?: Set<K>): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(record);
  if (at !== -1) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
  if (list.length < 2) repeated?.delete(key);
}

function addTo<K>(map: Map<K, BlockRecord[]>, key: K, record: BlockRecord, repeated?: Set<K>): void {
  const list = map.get(key);
  if (list) {
    insertSorted(list, record);
    repeated?.add(key);
  } else map.set(key, [record]);
}

function firstOf(records: Iterable<BlockRecord>): BlockRecord | undefined {
  let first: BlockRecord | undefined;
  for (const record of records) if (!first || record.index < first.index) first = record;
  return first;
}

/** The document-wide indexes over the records, updated as records come and go. */
class Facts {
  /** Every definition of each name, in document order. */
  readonly definitions = new Map<string, BlockRecord[]>();
  /** The responses that name each command. */
  readonly users = new Map<string, BlockRecord[]>();
  /** The accepted responses of each ar.conf key, in document order. */
  readonly keys = new Map<string, BlockRecord[]>();
  /** The names defined more than once, and the keys more than one response gives (C9's and H5's). */
  readonly repeatedNames = new Set<string>();
  readonly repeatedKeys = new Set<string>();
  readonly withDisabled = new Set<BlockRecord>();
  readonly withOffenders = new Set<BlockRecord>();
  readonly disabling = new Set<BlockRecord>();
  /** Responses whose outcome is `disabled` (OSSEC 2.8 turns every later one off). */
  readonly disabledOutcome = new Set<BlockRecord>();
  execdDisabled?: BlockRecord;
  execdOffenders?: BlockRecord;
  firstDisabledOutcome?: BlockRecord;

  add(record: BlockRecord): void {
    const { command, response } = record;
    if (command?.name !== undefined) addTo(this.definitions, command.name, record, this.repeatedNames);
    if (!response) return;
    const { fields } = response;
    if (fields.command !== undefined) addTo(this.users, fields.command, record);
    if (response.arConf) addTo(this.keys, response.arConf.key, record, this.repeatedKeys);
    if (response.hasDisabled) this.withDisabled.add(record);
    if (fields.hasOffenders) this.withOffenders.add(record);
    if (fields.disabled) this.disabling.add(record);
    if (fields.disabled && !fields.loopFails) this.disabledOutcome.add(record);
  }

  remove(record: BlockRecord): void {
    const { command, response } = record;
    if (command?.name !== undefined) removeFrom(this.definitions, command.name, record, this.repeatedNames);
    if (!response) return;
    if (response.fields.command !== undefined) removeFrom(this.users, response.fields.command, record);
    if (response.arConf) removeFrom(this.keys, response.arConf.key, record, this.repeatedKeys);
    this.withDisabled.delete(record);
    this.withOffenders.delete(record);
    this.disabling.delete(record);
    this.disabledOutcome.delete(record);
  }
}

/** The checker's memory of the last document it checked. */
interface State {
  doc: ConfigDocument;
  role: Role;
  rules: readonly Rule[];
  records: BlockRecord[];
  facts: Facts;
  /** The records whose fact rules read more than their signature: found again on every pass. */
  volatile: Set<BlockRecord>;
  /** The document rules' findings, in order. */
  document: Entry[];
  output: Diagnostic[];
}

/** One pass over a document: the rule context the checker builds from its records and facts. */
class Pass {
  readonly commandModels = new Map<BlockRecord, CommandModel>();
  readonly responseModels = new Map<BlockRecord, ResponseModel>();
  #model: AnalysisdModel | undefined;

  constructor(
    readonly doc: ConfigDocument,
    readonly target: TargetProfile,
    readonly records: readonly BlockRecord[],
    readonly facts: Facts,
  ) {}

  commandModel(record: BlockRecord): CommandModel {
    let model = this.commandModels.get(record);
    if (!model) {
      model = { block: this.doc.blocks[record.index], ...(record.command as CommandFacts) };
      this.commandModels.set(record, model);
    }
    return model;
  }

  /** The response's model; `resolve` first finds its command and the 2.8 flag again. */
  responseModel(record: BlockRecord, resolve = false): ResponseModel {
    const response = record.response as ResponseFacts;
    let model = resolve ? undefined : this.responseModels.get(record);
    if (model) return model;
    if (resolve) this.resolve(record, response);
    const { resolved, definedBelow } = response;
    const found: Lookup = {};
    if (resolved) found.resolved = 'index' in resolved ? this.commandModel(resolved) : fromStock(resolved);
    if (definedBelow) found.definedBelow = this.commandModel(definedBelow);
    model = resolveResponse(
      this.doc.blocks[record.index],
      response.fields,
      found,
      response.disabledForGood,
      this.target,
    );
    if (resolve) {
      response.outcome = model.outcome;
      response.effectiveTimeout = model.effectiveTimeout;
      response.timeoutReset = model.timeoutReset;
      response.arConf = arConfEntry(model);
    }
    this.responseModels.set(record, model);
    return model;
  }

  /** analysisd's lookup: the first definition above, else the first below (never seen), else a stock one. */
  private resolve(record: BlockRecord, response: ResponseFacts): void {
    const name = response.fields.command;
    response.resolved = undefined;
    response.definedBelow = undefined;
    const first = this.facts.firstDisabledOutcome;
    response.disabledForGood =
      this.target.disabledSkipsLaterBlocks && first !== undefined && first.index < record.index;
    if (name === undefined) return;
    const definition = this.facts.definitions.get(name)?.[0];
    if (definition && definition.index < record.index) response.resolved = definition;
    else if (definition) response.definedBelow = definition;
    else if (readsAsSnippet(this.doc))
      response.resolved = this.target.stockCommands.find((s) => s.name === name);
  }

  modelOf(block: Block): CommandModel | ResponseModel | undefined {
    const record = this.records[block.index];
    if (record.command) return this.commandModel(record);
    return record.response ? this.responseModel(record) : undefined;
  }

  /** Every read block's model, in document order: only A2's suggestions and A21 need them all. */
  get model(): AnalysisdModel {
    if (this.#model) return this.#model;
    const commands: CommandModel[] = [];
    const responses: ResponseModel[] = [];
    const byBlock = new Map<number, CommandModel | ResponseModel>();
    for (const record of this.records) {
      const model = record.command
        ? this.commandModel(record)
        : record.response
          ? this.responseModel(record)
          : undefined;
      if (!model) continue;
      if ('outcome' in model) responses.push(model);
      else commands.push(model);
      byBlock.set(record.index, model);
    }
    const definitions = new Map<string, CommandModel[]>();
    for (const [name, list] of this.facts.definitions) {
      definitions.set(
        name,
        list.map((r) => this.commandModel(r)),
      );
    }
    this.#model = { commands, responses, byBlock, definitions };
    return this.#model;
  }

  execd(): ExecdView {
    const view: ExecdView = {};
    const disabled = this.facts.execdDisabled;
    if (disabled) {
      const block = this.doc.blocks[disabled.index];
      view.disabled = { block, child: fieldsNamed(block, 'disabled')[0] };
    }
    const offenders = this.facts.execdOffenders;
    if (offenders) {
      const block = this.doc.blocks[offenders.index];
      const child = fieldsNamed(block, 'repeated_offenders')[0];
      view.offenders = { block, child, minutes: readOffenders(child.value, this.target).minutes };
    }
    return view;
  }

  /** The rule context checking `blocks` (in document order). */
  context(role: Role, options: ValidateOptions, blocks: readonly Block[]): RuleContext {
    const pass = this;
    const read = blocks.filter((b) => this.records[b.index].command || this.records[b.index].response);
    const responses = read.flatMap((b) => {
      const record = this.records[b.index];
      return record.response ? [this.responseModel(record)] : [];
    });
    return {
      doc: this.doc,
      target: this.target,
      role,
      roleChosen: (options.role ?? 'auto') !== 'auto',
      snippet: readsAsSnippet(this.doc),
      snippetAdvice: options.snippetAdvice ?? CLI_SNIPPET_ADVICE,
      get model() {
        return pass.model;
      },
      execd: this.execd(),
      blocks: read,
      everyBlock: [...blocks],
      responses,
      modelOf: (block) => this.modelOf(block),
      firstDefinition: (name) => {
        const first = this.facts.definitions.get(name)?.[0];
        return first ? this.commandModel(first) : undefined;
      },
      firstOfArConfKey: (key) => {
        const first = this.facts.keys.get(key)?.[0];
        return first ? this.responseModel(first) : undefined;
      },
      anyDisabled: this.facts.disabling.size > 0,
    };
  }

  /** The facts a block's fact rules read beyond the block, in terms that survive a move. */
  signature(record: BlockRecord): unknown[] {
    const { facts } = this;
    const lineOf = (r: BlockRecord) => positionAt(this.doc.text, this.doc.blocks[r.index].start).line;
    if (!record.command && !record.response) return UNREAD;
    const signature: unknown[] = [record === facts.execdDisabled, record === facts.execdOffenders];
    if (record.command?.name !== undefined) {
      const first = facts.definitions.get(record.command.name)?.[0];
      if (first && first !== record) signature.push(first, lineOf(first));
    }
    const { response } = record;
    if (response) {
      const { resolved } = response;
      const command = resolved && 'index' in resolved ? resolved.command : resolved;
      signature.push(
        response.outcome,
        response.disabledForGood,
        resolved,
        command?.executable,
        command?.timeoutAllowed,
        response.definedBelow,
        response.effectiveTimeout,
        response.timeoutReset,
      );
      const first = response.arConf ? facts.keys.get(response.arConf.key)?.[0] : undefined;
      if (first && first !== record) signature.push(first, lineOf(first), first.response?.arConf?.line);
    }
    return signature;
  }
}

/** The signature of a block no daemon reads: no fact rule looks at it. */
const UNREAD: unknown[] = [];

function sameSignature(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The block a finding lies in. */
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

function compareEntries(a: Entry, b: Entry): number {
  return a.d.offset - b.d.offset || a.rule - b.rule || a.part - b.part;
}

interface Placed {
  rule: Rule;
  position: number;
}

function placed(rules: readonly Rule[], keep: (rule: Rule) => boolean): Placed[] {
  return rules.map((rule, position) => ({ rule, position })).filter(({ rule }) => keep(rule));
}

/** Runs `rules` and hands each finding to the record of its block. */
function runOnBlocks(ctx: RuleContext, rules: readonly Placed[], records: readonly BlockRecord[]): void {
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

function documentEntries(ctx: RuleContext, rules: readonly Placed[]): Entry[] {
  const entries: Entry[] = [];
  for (const { rule, position } of rules) {
    const found = rule.scope === 'document' ? rule.check(ctx) : (rule.checkDocument?.(ctx) ?? []);
    for (const d of found) entries.push({ d: enclosed(ctx.doc, d), rule: position, part: 0, facts: false });
  }
  return entries;
}

/** `validate`'s order: by offset, then rule, then the order each rule found them in. */
function output(
  records: readonly BlockRecord[],
  document: readonly Entry[],
  kept: Diagnostic[] = [],
  firstRecord = 0,
): Diagnostic[] {
  const result = kept;
  const from = kept.length > 0 ? (kept.at(-1) as Diagnostic).offset : -1;
  let next = 0;
  while (next < document.length && document[next].d.offset <= from) next++;
  for (let i = firstRecord; i < records.length; i++) {
    for (const entry of records[i].entries) {
      while (next < document.length && compareEntries(document[next], entry) <= 0)
        result.push(document[next++].d);
      result.push(entry.d);
    }
  }
  while (next < document.length) result.push(document[next++].d);
  return result;
}

/**
 * How much of the last output an incremental pass keeps as it was: everything before the first block it
 * found anything again for, the first finding of a document rule that changed, and the edit itself.
 */
function keptOutput(
  previous: State,
  doc: ConfigDocument,
  edit: Edit,
  changed: Iterable<BlockRecord>,
  document: readonly Entry[],
): { kept: Diagnostic[]; firstRecord: number } {
  let stop = edit.from;
  // The changed text may begin inside the first block it removed (when the next one starts alike).
  if (edit.removed > 0) stop = Math.min(stop, previous.doc.blocks[edit.first].start);
  for (const record of changed) stop = Math.min(stop, doc.blocks[record.index].start);
  const before = new Set(previous.document.map((e) => e.d));
  const after = new Set(document.map((e) => e.d));
  for (const e of document) if (!before.has(e.d)) stop = Math.min(stop, e.d.offset);
  for (const e of previous.document) if (!after.has(e.d)) stop = Math.min(stop, e.d.offset);
  // A block's findings are kept whole or found whole.
  const inside = blockAt(doc, stop);
  if (inside) stop = inside.start;
  const { output: last } = previous;
  let low = 0;
  let high = last.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (last[mid].offset < stop) low = mid + 1;
    else high = mid;
  }
  let firstRecord = 0;
  high = doc.blocks.length;
  while (firstRecord < high) {
    const mid = (firstRecord + high) >> 1;
    if (doc.blocks[mid].start < stop) firstRecord = mid + 1;
    else high = mid;
  }
  return { kept: last.slice(0, low), firstRecord };
}

function isRead(doc: ConfigDocument, block: Block): boolean {
  return block.inConfigRoot && doc.shape !== 'agent-config';
}

/** The whole document, from nothing. */
function full(doc: ConfigDocument, target: TargetProfile, options: ValidateOptions): State {
  const role = resolveRole(doc, options.role);
  const rules = rulesFor(target, role);
  const facts = new Facts();
  const records = doc.blocks.map((block, index) => newRecord(block, index, target, isRead(doc, block)));
  const fresh = new Set(records);
  const pass = new Pass(doc, target, records, facts);
  settleFacts(pass, fresh, fresh, new Set(), 0);
  const ctx = pass.context(role, options, doc.blocks);
  runOnBlocks(
    ctx,
    placed(rules, (r) => r.scope !== 'document'),
    records,
  );
  const document = documentEntries(
    ctx,
    placed(rules, (r) => r.scope === 'document' || !!r.checkDocument),
  );
  document.sort(compareEntries);
  const volatile = new Set(records.filter((r) => r.volatile));
  return { doc, role, rules, records, facts, volatile, document, output: output(records, document) };
}

/**
 * Brings the facts up to date after `fresh` records came in (and others left, their names in `names`
 * and their ar.conf keys in `keys`), and gives the records whose fact rules must run again: those
 * whose signature changed, and the fresh and volatile ones.
 */
function settleFacts(
  pass: Pass,
  fresh: ReadonlySet<BlockRecord>,
  affected: Set<BlockRecord>,
  keys: Set<string>,
  lines: number,
): Set<BlockRecord> {
  const { facts, records } = pass;
  // A whole document is all fresh: nothing else can be touched.
  const everything = fresh.size === records.length;
  const names = new Set<string>();
  if (!everything) {
    for (const record of fresh) {
      if (record.command?.name !== undefined) names.add(record.command.name);
    }
    for (const record of affected) {
      if (record.command?.name !== undefined) names.add(record.command.name);
    }
  }
  for (const record of fresh) facts.add(record);
  for (const name of names) {
    for (const record of facts.definitions.get(name) ?? []) affected.add(record);
    for (const record of facts.users.get(name) ?? []) affected.add(record);
  }
  // OSSEC 2.8: moving the first disabled block turns later responses on or off.
  const firstDisabled = firstOf(facts.disabledOutcome);
  if (firstDisabled !== facts.firstDisabledOutcome) {
    facts.firstDisabledOutcome = firstDisabled;
    if (pass.target.disabledSkipsLaterBlocks)
      for (const record of records) if (record.response) affected.add(record);
  }
  const execdDisabled = firstOf(facts.withDisabled);
  const execdOffenders =
    pass.target.product === 'ossec' ? firstResponse(records) : firstOf(facts.withOffenders);
  for (const [before, after] of [
    [facts.execdDisabled, execdDisabled],
    [facts.execdOffenders, execdOffenders?.response?.fields.hasOffenders ? execdOffenders : undefined],
  ]) {
    if (before === after) continue;
    if (before && records[before.index] === before) affected.add(before);
    if (after) affected.add(after);
  }
  facts.execdDisabled = execdDisabled;
  facts.execdOffenders = execdOffenders?.response?.fields.hasOffenders ? execdOffenders : undefined;
  // Lines named in C9's and H5's messages move with the text.
  if (lines !== 0) {
    for (const name of facts.repeatedNames)
      for (const r of facts.definitions.get(name) ?? []) affected.add(r);
    for (const key of facts.repeatedKeys) for (const r of facts.keys.get(key) ?? []) affected.add(r);
  }
  for (const record of affected) {
    const { response } = record;
    if (!response || records[record.index] !== record) continue;
    const before = response.arConf?.key;
    if (before !== undefined) removeFrom(facts.keys, before, record, facts.repeatedKeys);
    pass.responseModel(record, true);
    const after = response.arConf?.key;
    if (after !== undefined) addTo(facts.keys, after, record, facts.repeatedKeys);
    if (before !== after) {
      if (before !== undefined) keys.add(before);
      if (after !== undefined) keys.add(after);
    }
  }
  for (const key of keys) for (const record of facts.keys.get(key) ?? []) affected.add(record);
  const redo = new Set<BlockRecord>();
  for (const record of affected) {
    if (records[record.index] !== record) continue;
    const signature = pass.signature(record);
    if (fresh.has(record) || record.volatile || !sameSignature(signature, record.signature)) redo.add(record);
    record.signature = signature;
  }
  return redo;
}

/** The first response analysisd reads: OSSEC's execd reads repeated_offenders from it only. */
function firstResponse(records: readonly BlockRecord[]): BlockRecord | undefined {
  return records.find((r) => r.response);
}

function incremental(
  previous: State,
  doc: ConfigDocument,
  edit: Edit,
  target: TargetProfile,
  options: ValidateOptions,
): State {
  const { rules, facts, role } = previous;
  const { first, removed, inserted } = edit;
  const move: Move = { shift: edit.newTo - edit.oldTo, lines: edit.lines, edit };
  const keys = new Set<string>();
  const affected = new Set<BlockRecord>();
  const leave = (record: BlockRecord) => {
    if (record.response?.arConf) keys.add(record.response.arConf.key);
    if (record.command?.name !== undefined) affected.add(record);
    facts.remove(record);
  };
  for (let i = first; i < first + removed; i++) leave(previous.records[i]);
  // The previous state is given up (see `check`): its list becomes this one, changed where the edit was.
  const records = previous.records;
  const fresh = new Set<BlockRecord>();
  const arrive = (index: number) => {
    const record = newRecord(doc.blocks[index], index, target, isRead(doc, doc.blocks[index]));
    fresh.add(record);
    return record;
  };
  const arrived: BlockRecord[] = [];
  for (let i = first; i < first + inserted; i++) arrived.push(arrive(i));
  records.splice(first, removed, ...arrived);
  // After the edit, blocks still on its last line change columns (and what H4 reads before them).
  // Read once: after an edit, `doc.blocks` is a view whose every access costs a lookup.
  const count = doc.blocks.length;
  let next = first + inserted;
  for (; next < count && onOneLine(doc.text, edit.newTo, doc.blocks[next].start); next++) {
    leave(records[next]);
    records[next] = arrive(next);
  }
  if (move.shift !== 0 || move.lines !== 0 || inserted !== removed) {
    for (let i = next; i < count; i++) {
      // The record stays the same object: signatures that name it still match.
      const record = records[i];
      record.index = i;
      // The entry is the checker's own; the diagnostic is not (the last output holds it): copy that.
      for (const entry of record.entries) entry.d = moved(entry.d, move);
    }
  }
  // Removed names: the records that named them are gone, their users remain.
  const gone = [...affected];
  affected.clear();
  for (const record of gone) {
    for (const other of facts.definitions.get(record.command?.name ?? '') ?? []) affected.add(other);
    for (const other of facts.users.get(record.command?.name ?? '') ?? []) affected.add(other);
  }
  const volatile = new Set(previous.volatile);
  for (const record of volatile) {
    if (records[record.index] === record) affected.add(record);
    else volatile.delete(record);
  }
  for (const record of fresh) affected.add(record);
  const pass = new Pass(doc, target, records, facts);
  const redo = settleFacts(pass, fresh, affected, keys, edit.lines);

  const freshBlocks = [...fresh].map((r) => doc.blocks[r.index]);
  runOnBlocks(
    pass.context(role, options, freshBlocks),
    placed(rules, (r) => r.scope === 'block'),
    records,
  );
  for (const record of redo) {
    record.entries = record.entries.filter((e) => !e.facts);
    record.volatile = false;
  }
  const redoBlocks = [...redo].sort((x, y) => x.index - y.index).map((r) => doc.blocks[r.index]);
  runOnBlocks(
    pass.context(role, options, redoBlocks),
    placed(rules, (r) => r.scope === 'facts'),
    records,
  );

  for (const record of redo) {
    if (record.volatile) volatile.add(record);
    else volatile.delete(record);
  }
  const outside = movedOutside(previous, doc, edit, move);
  if (!outside) return full(doc, target, options);
  const ctx = pass.context(role, options, []);
  const document = [
    ...outside,
    ...documentEntries(
      ctx,
      placed(rules, (r) => (r.scope === 'document' && !r.outsideBlocks) || !!r.checkDocument),
    ),
  ].sort(compareEntries);
  const { kept, firstRecord } = keptOutput(previous, doc, edit, [...fresh, ...redo], document);
  return {
    doc,
    role,
    rules,
    records,
    facts,
    volatile,
    document,
    output: output(records, document, kept, firstRecord),
  };
}

/** The findings of the rules that read only what lies outside blocks, moved past the edit. */
function movedOutside(previous: State, doc: ConfigDocument, edit: Edit, move: Move): Entry[] | null {
  const entries: Entry[] = [];
  for (const entry of previous.document) {
    if (!previous.rules[entry.rule].outsideBlocks) continue;
    const { d } = entry;
    // Such a finding never lies among the edited blocks; if one does, the edit was not what it seemed.
    const end = d.endOffset ?? d.offset;
    if ((d.offset >= edit.from && d.offset < edit.oldTo) || (end > edit.from && end < edit.oldTo))
      return null;
    if (d.offset < edit.from) {
      // One that holds the edit (a root around the edited blocks) grows with it.
      entries.push(end > edit.from ? { ...entry, d: { ...d, endOffset: end + move.shift } } : entry);
      continue;
    }
    const result: Diagnostic = { ...d, offset: d.offset + move.shift };
    if (d.endOffset !== undefined) result.endOffset = d.endOffset + move.shift;
    const position = !onOneLine(doc.text, edit.newTo, result.offset)
      ? { line: d.line + move.lines, column: d.column }
      : positionAt(doc.text, result.offset);
    entries.push({ ...entry, d: { ...result, ...position } });
  }
  return entries;
}

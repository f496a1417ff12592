/**
 * Whether the one-click fixes are sound on any document: the property `npm run fuzz` runs on 100,000
 * generated documents and the unit tests on a fixed-seed slice. For every fix a validation offers, applying
 * it must
 * - remove its diagnostic (one fewer finding with that code, field and message),
 * - add no error: none outside the text it changes, and none inside it either unless the daemon refused
 *   something there already (then the fix may show the next error the daemon would meet; behind an XML
 *   error, anything the unreadable text hid),
 * - change nothing outside the blocks it names (a moved block travels with its line),
 * - leave a document that is exactly what reading its text gives (edits re-read only their block), and
 * - round-trip: exported to bytes and read back, the same text, encoding and blocks.
 *
 * The documents are built to trigger every rule that offers a fix: repeated and misspelt fields, values
 * each rule refuses or rewrites, names the daemon refuses, hidden characters, CRLF, Latin-1, declarations,
 * several roots and fragments.
 */

import fc from 'fast-check';
import { applyOps } from '../model/edit';
import { readDocument } from '../model/read';
import type { ConfigDocument, Diagnostic, TextEncoding } from '../model/types';
import { TARGETS, type TargetProfile } from '../targets/target';
import { validate } from '../validation/validate';
import { decodeBytes, encodeText } from '../xml/encoding';

const COMMAND_VALUES: Record<string, string[]> = {
  name: [
    'a',
    'b',
    'firewall-drop',
    'host-deny',
    'restart-ossec',
    '!x',
    ' a',
    'a - b',
    'deny\u202Egnp',
    'x\\\\',
  ],
  executable: [
    'a.sh',
    'firewall-drop.sh',
    'firewall-drop',
    'host-deny',
    'route-null.cmd',
    '../x',
    'deny\u202Egnp.exe',
    '',
  ],
  expect: ['', 'srcip', 'scrip', 'user', 'srcip,user'],
  timeout_allowed: ['yes', 'no', 'Yes', ' no', 'YES', 'true'],
  extra_args: ['-v', 'a\r\nb', '&amp;'],
  timeout: ['1'],
  bogus: ['1'],
};

const RESPONSE_VALUES: Record<string, string[]> = {
  disabled: ['yes', 'no', 'Yes', ' NO', 'maybe'],
  command: ['a', 'b', 'firewall-drop', 'firewall-block', 'host-deny', 'zz', '', '!x', 'x\\\\', 'notify'],
  location: [
    'local',
    'server',
    'all',
    'defined-agent',
    'LOCAL',
    'any',
    'nowhere',
    'server,local',
    '',
    'localhost',
  ],
  agent_id: ['001', '0', '001,002', ' 7'],
  level: ['7', ' 7', '21', '18', '', '07', '+7', '3 '],
  rules_id: ['5710', '5710;5712', '5710, 5712'],
  rules_group: ['a,b', 'a|b', 'sshd,', ' , ', 'authentication_failed,authentication_failures'],
  timeout: ['600', '600s', 'abc', '-1', ' 600 s', '0'],
  repeated_offenders: ['30,60', '0', '60,30', '1,2,3,4,5,6'],
  ca_store: ['wpk_root.pem'],
  disbaled: ['no'],
};

interface Layout {
  eol: string;
  indent: string;
  oneLine: boolean;
}

const fieldsArbitrary = (values: Record<string, string[]>) =>
  fc
    .array(
      fc
        .constantFrom(...Object.keys(values))
        .chain((name) => fc.constantFrom(...values[name]).map((value) => ({ name, value, empty: false }))),
      { maxLength: 7 },
    )
    .chain((fields) =>
      // Some elements written `<x/>`, as the stock files do for an empty <expect/>.
      fc
        .array(fc.boolean(), { minLength: fields.length, maxLength: fields.length })
        .map((selfClosing) => fields.map((f, i) => ({ ...f, empty: f.value === '' && selfClosing[i] }))),
    );

const commandArbitrary = fieldsArbitrary(COMMAND_VALUES).map((fields) => ({ kind: 'command', fields }));
const blockArbitrary: fc.Arbitrary<GeneratedBlock> = fc.oneof(
  commandArbitrary,
  fc
    .tuple(fieldsArbitrary(RESPONSE_VALUES), fc.option(commandArbitrary, { freq: 6, nil: undefined }))
    .map(([fields, nested]) => ({ kind: 'active-response', fields, nested })),
);

type GeneratedBlock = {
  kind: string;
  fields: Array<{ name: string; value: string; empty: boolean }>;
  /** A `<command>` definition put inside a response, as admins do (C12). */
  nested?: GeneratedBlock;
};

function printBlock(block: GeneratedBlock, layout: Layout): string {
  const { eol, indent, oneLine } = layout;
  const children = block.fields.map(({ name, value, empty }) =>
    empty ? `<${name}/>` : `<${name}>${value}</${name}>`,
  );
  if (block.nested) children.push(printBlock(block.nested, { eol, indent: '', oneLine: true }).trim());
  if (oneLine) return `${indent}<${block.kind}>${children.join('')}</${block.kind}>`;
  return [
    `${indent}<${block.kind}>`,
    ...children.map((c) => `${indent}${indent || '  '}${c}`),
    `${indent}</${block.kind}>`,
  ].join(eol);
}

export interface GeneratedDocument {
  text: string;
  encoding: TextEncoding;
}

/** Documents that trigger the fixes: blocks in one or two roots, or a fragment, in LF or CRLF, UTF-8 or Latin-1. */
export const fixDocumentArbitrary: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    blocks: fc.array(blockArbitrary, { minLength: 1, maxLength: 6 }),
    split: fc.nat({ max: 6 }),
    fragment: fc.boolean(),
    // Most responses name a command: put the commands first in some files, so that more of them resolve.
    commandsFirst: fc.boolean(),
    declaration: fc.nat({ max: 4 }).map((n) => n === 0),
    layout: fc.record({
      eol: fc.constantFrom('\n', '\r\n'),
      indent: fc.constantFrom('  ', '\t', ''),
      oneLine: fc.boolean(),
    }),
    latin1: fc.boolean(),
  })
  .map(({ blocks: drawn, split, fragment, commandsFirst, declaration, layout, latin1 }) => {
    const { eol } = layout;
    const blocks = commandsFirst
      ? [...drawn.filter((b) => b.kind === 'command'), ...drawn.filter((b) => b.kind !== 'command')]
      : drawn;
    const body = (part: GeneratedBlock[]) => part.map((b) => printBlock(b, layout)).join(eol);
    // A Latin-1 byte in a comment no fix touches keeps the file Latin-1 when it is read back.
    const head = `${declaration ? `<?xml version="1.0"?>${eol}` : ''}<!-- ${latin1 ? 'caf\u00e9' : 'ossec'} -->${eol}`;
    let text: string;
    if (fragment) text = head + body(blocks) + eol;
    else {
      const root = (part: GeneratedBlock[]) => `<ossec_config>${eol}${body(part)}${eol}</ossec_config>${eol}`;
      text =
        split > 0 && split < blocks.length
          ? head + root(blocks.slice(0, split)) + root(blocks.slice(split))
          : head + root(blocks);
    }
    // Latin-1 has no U+202E: such a file holds a Latin-1 look-alike instead.
    return latin1
      ? { text: text.replaceAll('\u202E', '\u00a0'), encoding: 'latin1' as const }
      : { text, encoding: 'utf-8' as const };
  });

export const targetArbitrary = fc.constantFrom(...TARGETS);
export const roleArbitrary = fc.constantFrom('manager' as const, 'agent' as const);

/** What identifies a finding across an edit: line numbers move, the rest does not. */
const key = (d: Diagnostic) => `${d.code}|${d.field ?? ''}|${d.message}`;
const count = (found: readonly Diagnostic[], k: string) => found.filter((d) => key(d) === k).length;

/**
 * The text range a fix may change: its blocks, with their lines for a move or a removal (the block
 * travels or goes with its line).
 */
function span(doc: ConfigDocument, d: Diagnostic): { lo: number; hi: number; blocks: Set<number> } {
  const blocks = new Set<number>(d.blockIndex === undefined ? [] : [d.blockIndex]);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const op of d.fix?.ops ?? []) {
    if (op.op === 'replaceText') {
      lo = Math.min(lo, op.start);
      hi = Math.max(hi, op.end);
      // A block the text edit covers (moved or removed with it) is the fix's too.
      for (const b of doc.blocks) if (b.start < op.end && op.start < b.end) blocks.add(b.index);
    } else if (op.op === 'insertBlock') {
      for (const i of [op.before, op.after]) if (i !== undefined) blocks.add(i);
    } else if ('blockIndex' in op) {
      blocks.add(op.blockIndex);
      if (op.op === 'moveBlock') blocks.add(op.toIndex);
    }
  }
  const move = d.fix?.ops.some((op) => op.op === 'moveBlock' || op.op === 'removeBlock');
  for (const i of blocks) {
    // An operation after the first names blocks as the earlier ones left them: one that is new then is in
    // the text those earlier operations changed.
    const b = doc.blocks[i];
    if (!b) continue;
    const start = move ? doc.text.lastIndexOf('\n', b.start) + 1 : b.start;
    const newline = doc.text.indexOf('\n', b.end);
    lo = Math.min(lo, start);
    hi = Math.max(hi, move && newline !== -1 ? newline + 1 : b.end);
  }
  return { lo, hi, blocks };
}

/** The document as data, to compare an edited document with the one its text reads as. */
const asData = (doc: ConfigDocument) =>
  JSON.parse(
    JSON.stringify({
      text: doc.text,
      encoding: doc.encoding,
      shape: doc.shape,
      layout: doc.layout,
      topLevel: doc.topLevel,
      blocks: doc.blocks,
      xmlError: doc.xmlError,
      problems: doc.problems,
    }),
  );

/** Thrown with what went wrong, the diagnostic and both texts: the fuzz prints it with the seed. */
export class UnsoundFix extends Error {}

function expectThat(condition: boolean, what: string, d: Diagnostic, before: string, after: string): void {
  if (!condition) {
    throw new UnsoundFix(
      `${what}\n  fix: ${d.code} ${JSON.stringify(d.fix)}\n  for: ${d.message}\n  before: ${JSON.stringify(before)}\n  after:  ${JSON.stringify(after)}`,
    );
  }
}

/** What a run tried: documents, fixes applied, and fixes per rule. */
export interface FixStats {
  documents: number;
  fixes: number;
  byCode: Map<string, number>;
}

export function emptyStats(): FixStats {
  return { documents: 0, fixes: 0, byCode: new Map() };
}

/** Applies every fix offered on `generated` for `target` and `role`, checking each. */
export function checkFixes(
  generated: GeneratedDocument,
  target: TargetProfile,
  role: 'manager' | 'agent',
  stats: FixStats = emptyStats(),
): void {
  const doc = readDocument(generated.text, generated.encoding);
  const found = validate(doc, { target, role });
  stats.documents++;
  for (const d of found) {
    if (!d.fix) continue;
    stats.fixes++;
    stats.byCode.set(d.code, (stats.byCode.get(d.code) ?? 0) + 1);
    const fixed = applyOps(doc, d.fix.ops);
    const after = validate(fixed, { target, role });
    const [before, text] = [doc.text, fixed.text];
    expectThat(count(after, key(d)) < count(found, key(d)), 'the diagnostic is still there', d, before, text);
    const { lo, hi, blocks } = span(doc, d);
    // The daemon stops reading at an XML error (X1): what its fix makes readable can show errors that were
    // there all along, behind it. Likewise, a fix in blocks the daemon refuses can show the next error it
    // would have met there; so where the changed text held an error, it may hold errors after the fix.
    // Anywhere else there may not be more errors of a rule and field than before (one that stays may be
    // worded anew: a command once missing is now below).
    const delta = text.length - before.length;
    const refusedThere = found.some((x) => x.severity === 'error' && x.offset >= lo && x.offset <= hi);
    // An XML error is the file's, wherever the reader stops: it is counted for the whole file.
    const outside = (x: Diagnostic, end: number) =>
      x.severity === 'error' && (x.code === 'X1' || !refusedThere || x.offset < lo || x.offset > end);
    const kind = (x: Diagnostic) => `${x.code}|${x.field ?? ''}`;
    const errorsBefore = found.filter((x) => outside(x, hi));
    const errorsAfter = after.filter((x) => outside(x, hi + delta));
    if (d.code !== 'X1') {
      for (const e of errorsAfter) {
        const more =
          errorsAfter.filter((x) => kind(x) === kind(e)).length >
          errorsBefore.filter((x) => kind(x) === kind(e)).length;
        expectThat(!more, `it adds the error ${key(e)}`, d, before, text);
      }
    }
    const tail = doc.text.length - hi;
    expectThat(
      text.slice(0, lo) === before.slice(0, lo) && text.slice(text.length - tail) === before.slice(hi),
      'it changes text outside its blocks',
      d,
      before,
      text,
    );
    const now = fixed.blocks.map((b) => text.slice(b.start, b.end));
    for (const b of doc.blocks.filter((x) => !blocks.has(x.index))) {
      const at = now.indexOf(before.slice(b.start, b.end));
      expectThat(at !== -1, `it changes block ${b.index}, which it does not name`, d, before, text);
      now.splice(at, 1);
    }
    const reread = readDocument(text, fixed.encoding);
    expectThat(
      JSON.stringify(asData(fixed)) === JSON.stringify(asData(reread)),
      'the edited document is not what its text reads as',
      d,
      before,
      text,
    );
    const bytes = encodeText(text, fixed.encoding);
    const decoded = decodeBytes(bytes);
    expectThat(
      decoded.encoding === fixed.encoding && decoded.text === text,
      `export and import do not give the same text back (read as ${decoded.encoding})`,
      d,
      before,
      text,
    );
    expectThat(
      JSON.stringify(asData(readDocument(decoded.text, decoded.encoding))) === JSON.stringify(asData(reread)),
      'the exported file reads as another document',
      d,
      before,
      text,
    );
  }
}

export const fixSoundness = (stats: FixStats = emptyStats()) =>
  fc.property(fixDocumentArbitrary, targetArbitrary, roleArbitrary, (generated, target, role) => {
    checkFixes(generated, target, role, stats);
  });

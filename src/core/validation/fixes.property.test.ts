import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps } from '../model/edit';
import { readDocument } from '../model/read';
import type { ConfigDocument, Diagnostic } from '../model/types';
import { TARGETS } from '../targets/target';
import { PROPERTY_TEST_TIMEOUT } from '../test-support/timeouts';
import { validate } from './validate';

const field = (name: string, values: string[]) =>
  fc
    .option(fc.constantFrom(...values), { nil: undefined })
    .map((v) => (v === undefined ? '' : `<${name}>${v}</${name}>`));

const commandBlock = fc
  .tuple(
    field('name', ['a', 'b', 'firewall-drop', 'host-deny', 'restart-ossec', '!x', ' a', 'a - b']),
    field('executable', ['a.sh', 'firewall-drop.sh', 'firewall-drop', 'host-deny', 'route-null.cmd', '../x']),
    field('expect', ['', 'srcip', 'scrip', 'user']),
    field('timeout_allowed', ['yes', 'no', 'Yes', ' no']),
    field('extra_args', ['-v']),
    fc.boolean(),
  )
  .map(
    ([name, executable, expect, allowed, extra, typo]) =>
      `<command>${name}${executable}${expect}${allowed}${extra}${typo ? '<timeout>1</timeout>' : ''}</command>`,
  );

const responseBlock = fc
  .tuple(
    field('disabled', ['yes', 'no', 'Yes']),
    field('command', ['a', 'b', 'firewall-drop', 'firewall-block', 'host-deny', 'zz', '']),
    field('location', [
      'local',
      'server',
      'all',
      'defined-agent',
      'LOCAL',
      'any',
      'nowhere',
      'server,local',
      '',
    ]),
    field('agent_id', ['001', '0', '001,002']),
    field('level', ['7', ' 7', '21', '18', '', '07']),
    field('rules_id', ['5710', '5710;5712']),
    field('rules_group', ['a,b', 'a|b', 'sshd,']),
    field('timeout', ['600', '600s', 'abc', '-1']),
    field('repeated_offenders', ['30,60', '0', '60,30']),
    // A definition put inside the response, as admins do (C12).
    fc.option(commandBlock, { freq: 4, nil: '' }),
  )
  .map((fields) => `<active-response>${fields.join('')}</active-response>`);

const document = fc
  .tuple(
    fc.array(fc.oneof(commandBlock, responseBlock), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 0, max: 6 }),
    fc.boolean(),
  )
  .map(([blocks, split, declaration]) => {
    const root = (part: string[]) =>
      `<ossec_config>\n${part.map((b) => `  ${b}\n`).join('')}</ossec_config>\n`;
    const head = declaration ? '<?xml version="1.0"?>\n' : '';
    const roots =
      split > 0 && split < blocks.length
        ? root(blocks.slice(0, split)) + root(blocks.slice(split))
        : root(blocks);
    return head + roots;
  });

/** What identifies a finding across an edit: line numbers move, the rest does not. */
const key = (d: Diagnostic) => `${d.code}|${d.field ?? ''}|${d.message}`;
const count = (found: Diagnostic[], k: string) => found.filter((d) => key(d) === k).length;

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
    const b = doc.blocks[i];
    const start = move ? doc.text.lastIndexOf('\n', b.start) + 1 : b.start;
    const newline = doc.text.indexOf('\n', b.end);
    lo = Math.min(lo, start);
    hi = Math.max(hi, move && newline !== -1 ? newline + 1 : b.end);
  }
  return { lo, hi, blocks };
}

describe('one-click fixes', () => {
  it(
    'remove their diagnostic and change nothing outside their blocks',
    () => {
      fc.assert(
        fc.property(
          document,
          fc.constantFrom(...TARGETS),
          fc.constantFrom('manager' as const, 'agent' as const),
          (text, target, role) => {
            const doc = readDocument(text);
            const found = validate(doc, { target, role });
            for (const d of found) {
              if (!d.fix) continue;
              const fixed = applyOps(doc, d.fix.ops);
              const after = validate(fixed, { target, role });
              expect(count(after, key(d))).toBeLessThan(count(found, key(d)));
              const { lo, hi, blocks } = span(doc, d);
              const tail = doc.text.length - hi;
              expect(fixed.text.slice(0, lo)).toBe(doc.text.slice(0, lo));
              expect(fixed.text.slice(fixed.text.length - tail)).toBe(doc.text.slice(hi));
              const untouched = doc.blocks
                .filter((b) => !blocks.has(b.index))
                .map((b) => doc.text.slice(b.start, b.end));
              const now = fixed.blocks.map((b) => fixed.text.slice(b.start, b.end));
              for (const t of untouched) {
                const at = now.indexOf(t);
                expect(at).not.toBe(-1);
                now.splice(at, 1);
              }
            }
          },
        ),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TEST_TIMEOUT,
  );
});

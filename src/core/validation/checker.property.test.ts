import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps, EditError } from '../model/edit';
import { readDocument } from '../model/read';
import type { ConfigDocument, TextEncoding } from '../model/types';
import type { RoleOption } from '../targets/role';
import { parseTarget } from '../targets/target';
import { corpusFiles } from '../test-support/corpus';
import { documentArbitrary } from '../test-support/documents';
import { applyEdit, type EditStep, editArbitrary } from '../test-support/edits';
import { fixDocumentArbitrary } from '../test-support/fix-soundness';
import { PROPERTY_TEST_TIMEOUT } from '../test-support/timeouts';
import { decodeBytes } from '../xml/encoding';
import { positionAt } from '../xml/positions';
import { createChecker } from './checker';
import { command, conf, response } from './testing';
import { type ValidateOptions, validate } from './validate';

/** A step of the session: an edit, or the one-click fix of one of the diagnostics shown. */
type Step = EditStep | { op: 'fix'; pick: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: editArbitrary },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('fix' as const), pick: fc.nat() }) },
);

/**
 * What the document API will say an edit changed (issue 9, branch core-edit): a field edit changes its
 * own block only. Each document gets a revision; a field edit says which block it changed, the other
 * steps say nothing and leave the checker to compare.
 */
function withRevision(before: ConfigDocument, after: ConfigDocument, step: Step, revision: number) {
  const edited: ConfigDocument = { ...after, revision };
  const count = before.blocks.length;
  if (step.op === 'setField' && count > 0 && after.blocks.length === count && before.revision !== undefined) {
    const first = step.pick % count;
    edited.change = { baseRevision: before.revision, first, removed: 1, inserted: 1 };
  }
  return edited;
}

function applyStep(doc: ConfigDocument, step: Step, options: ValidateOptions): ConfigDocument {
  if (step.op !== 'fix') return applyEdit(doc, step);
  const fixes = validate(doc, options).flatMap((d) => (d.fix ? [d.fix] : []));
  if (fixes.length === 0) return doc;
  try {
    return applyOps(doc, fixes[step.pick % fixes.length].ops);
  } catch (error) {
    if (error instanceof EditError) return doc;
    throw error;
  }
}

const corpus = corpusFiles().map((f) => ({
  text: decodeBytes(f.bytes).text,
  encoding: 'utf-8' as TextEncoding,
}));

/**
 * A well-formed ossec.conf of commands and responses (names from a small pool, so that definitions are
 * shared, repeated, renamed and missing), with other sections and comments between them: the files the
 * checker follows edit by edit rather than checking in full.
 */
const NAMES = ['host-deny', 'firewall-drop', 'restart-ossec', 'a', 'a1', 'win.cmd'];
const wellFormedArbitrary = fc
  .record({
    eol: fc.constantFrom('\n', '\r\n'),
    blocks: fc.array(
      fc.oneof(
        fc
          .record({
            name: fc.constantFrom(...NAMES),
            executable: fc.constantFrom('host-deny', 'firewall-drop', 'x.sh', 'win.cmd'),
            allowed: fc.constantFrom('yes', 'no', 'maybe'),
          })
          .map(({ name, executable, allowed }) => command({ name, executable, timeout_allowed: allowed })),
        fc
          .record({
            command: fc.constantFrom(...NAMES),
            location: fc.constantFrom('local', 'server', 'all', 'defined-agent', 'LOCAL'),
            level: fc.constantFrom('7', '0', '21'),
            timeout: fc.constantFrom('0', '600', '60s'),
            extra: fc.constantFrom<Record<string, string>>(
              {},
              { disabled: 'yes' },
              { repeated_offenders: '30,60' },
              { agent_id: '001' },
            ),
          })
          .map(({ extra, ...fields }) => response({ ...fields, ...extra })),
        fc.constantFrom('<!-- note -->', '<localfile><log_format>syslog</log_format></localfile>', ''),
      ),
      { maxLength: 14 },
    ),
  })
  .map(({ eol, blocks }) => ({
    text: conf(...blocks).replaceAll('\n', eol),
    encoding: 'utf-8' as TextEncoding,
  }));

const inputArbitrary = fc.oneof(
  { weight: 3, arbitrary: wellFormedArbitrary },
  { weight: 1, arbitrary: documentArbitrary.map((text) => ({ text, encoding: 'utf-8' as TextEncoding })) },
  { weight: 1, arbitrary: fixDocumentArbitrary },
  { weight: 1, arbitrary: fc.constantFrom(...corpus) },
);

/** Several products and generations, Wazuh 5.0's indexer-fed manager among them. */
const targetArbitrary = fc.constantFrom('ossec@2.8', 'ossec@3.7', 'wazuh@3.9', 'wazuh@4.14', 'wazuh@5.0');
const roleArbitrary = fc.constantFrom<RoleOption>('auto', 'manager', 'agent');

describe('the incremental checker', () => {
  it('gives what validate gives after every step of any editing session', {
    timeout: PROPERTY_TEST_TIMEOUT,
  }, () => {
    fc.assert(
      fc.property(
        inputArbitrary,
        fc.boolean(),
        targetArbitrary,
        roleArbitrary,
        fc.array(stepArbitrary, { minLength: 1, maxLength: 10 }),
        (input, snippet, target, role, steps) => {
          const options: ValidateOptions = { target: parseTarget(target), role };
          const checker = createChecker(options);
          // validate finds line starts afresh: the checker moves those of the text before the edit.
          const fresh = (doc: ConfigDocument) => {
            positionAt('', 0);
            return validate(doc, options);
          };
          let doc: ConfigDocument = { ...readDocument(input.text, input.encoding, snippet), revision: 0 };
          expect(checker.check(doc)).toEqual(fresh(doc));
          for (const [i, step] of steps.entries()) {
            const before = doc;
            doc = withRevision(doc, applyStep(doc, step, options), step, i + 1);
            expect(checker.check(doc)).toEqual(fresh(doc));
            // Undone and done again: the checker is shown the document the edit was made from, then the edit.
            if (i % 2 === 1) {
              expect(checker.check(before)).toEqual(fresh(before));
              expect(checker.check(doc)).toEqual(fresh(doc));
            }
          }
        },
      ),
      {
        numRuns: Number(process.env.CHECKER_RUNS ?? 300),
        seed: Number(process.env.CHECKER_SEED ?? 9_261_130),
      },
    );
  });
});

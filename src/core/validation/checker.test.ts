import { describe, expect, it } from 'vitest';
import { insertBlock, removeBlock, setField } from '../model/edit';
import { readDocument } from '../model/read';
import type { ConfigDocument } from '../model/types';
import { createChecker } from './checker';
import { command, conf, HOST_DENY, response } from './testing';
import { validate } from './validate';

/** Twenty pairs, each response with a timeout its command does not allow and a non-stock script (A14, C11). */
function pairs(count: number): string {
  const blocks: string[] = [];
  for (let i = 0; i < count; i++) {
    blocks.push(
      command({ name: `block-${i}`, executable: `block-${i}.sh`, timeout_allowed: 'no' }),
      response({ command: `block-${i}`, location: 'local', level: '7', timeout: '600' }),
    );
  }
  return conf(...blocks);
}

const options = { target: 'wazuh@4.14', role: 'manager' as const };

describe('createChecker', () => {
  it('finds again only what an edit touched: findings before it are the very same objects', () => {
    const checker = createChecker(options);
    const doc = readDocument(pairs(20));
    const before = checker.check(doc);
    const edited = setField(doc, 21, 'location', 'server');
    const after = checker.check(edited);
    expect(after).toEqual(validate(edited, options));
    const first = after.findIndex((d) => (d.blockIndex ?? 0) >= 21);
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < first; i++) expect(after[i]).toBe(before[i]);
  });

  it('follows a command renamed above its responses: their facts change, not their blocks', () => {
    const checker = createChecker(options);
    let doc = readDocument(
      conf(HOST_DENY, response({ command: 'host-deny', location: 'local', level: '7' })),
    );
    expect(checker.check(doc).filter((d) => d.code === 'A2')).toEqual([]);
    doc = setField(doc, 0, 'name', 'host-allow');
    expect(checker.check(doc).map((d) => d.code)).toContain('A2');
    expect(checker.check(doc)).toEqual(validate(doc, options));
    doc = setField(doc, 0, 'name', 'host-deny');
    expect(checker.check(doc)).toEqual(validate(doc, options));
  });

  it('moves the findings after an inserted or removed block, their block indexes and fixes too', () => {
    const checker = createChecker(options);
    let doc = readDocument(pairs(6));
    checker.check(doc);
    doc = insertBlock(
      doc,
      { kind: 'command', fields: [{ name: 'name', value: 'extra' }] },
      { before: 2 },
    ).doc;
    expect(checker.check(doc)).toEqual(validate(doc, options));
    doc = removeBlock(doc, 0);
    expect(checker.check(doc)).toEqual(validate(doc, options));
    expect(checker.check(doc).some((d) => d.fix?.ops.some((op) => 'blockIndex' in op))).toBe(true);
  });

  it('drops the findings of a removed block whose text the next block begins with', () => {
    const checker = createChecker(options);
    // Without its <name> (C1), the first command reads like the start of the second one.
    let doc = readDocument(
      conf(command({ executable: 'a' }), command({ executable: 'a', name: 'b', timeout_allowed: 'no' })),
    );
    expect(checker.check(doc).map((d) => d.code)).toContain('C1');
    doc = removeBlock(doc, 0);
    expect(checker.check(doc)).toEqual(validate(doc, options));
  });

  it("takes an edit's change as given when it follows the document checked before", () => {
    const checker = createChecker(options);
    const doc: ConfigDocument = { ...readDocument(pairs(10)), revision: 1 };
    const before = checker.check(doc);
    const edited: ConfigDocument = {
      ...setField(doc, 5, 'timeout', '60'),
      revision: 2,
      change: { baseRevision: 1, first: 5, removed: 1, inserted: 1 },
    };
    const after = checker.check(edited);
    expect(after).toEqual(validate(edited, options));
    expect(after[0]).toBe(before[0]);
    // A change that follows another document is not this one's: the blocks are compared instead.
    const stale: ConfigDocument = {
      ...setField(edited, 1, 'timeout', '90'),
      revision: 3,
      change: { baseRevision: 1, first: 7, removed: 1, inserted: 1 },
    };
    expect(checker.check(stale)).toEqual(validate(stale, options));
  });

  it('checks a whole new document in full, and the same document once', () => {
    const checker = createChecker(options);
    const one = readDocument(pairs(3));
    const two = readDocument(conf(response({ disabled: 'no' })));
    expect(checker.check(one)).toEqual(validate(one, options));
    expect(checker.check(two)).toEqual(validate(two, options));
    expect(checker.check(two)).toBe(checker.check(two));
  });
});

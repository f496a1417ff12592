import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertBlock, moveBlock, removeBlock, replaceText, setField } from '../model/edit';
import { readDocument } from '../model/read';
import type { ConfigDocument } from '../model/types';
import { corpusFiles } from '../test-support/corpus';
import { documentArbitrary } from '../test-support/documents';
import { apiEditArbitrary, applyEdits, type EditStep } from '../test-support/edits';
import { decodeBytes } from '../xml/encoding';
import { type BlockChange, diffBlocks, revertBlock } from './block-diff';
import { diffLines } from './line-diff';

const original = readDocument(
  [
    '<ossec_config>',
    '  <command>',
    '    <name>host-deny</name>',
    '    <executable>host-deny</executable>',
    '    <timeout_allowed>yes</timeout_allowed>',
    '  </command>',
    '  <command>',
    '    <name>firewall-drop</name>',
    '    <executable>firewall-drop</executable>',
    '    <timeout_allowed>yes</timeout_allowed>',
    '  </command>',
    '',
    '  <!-- block ssh brute force -->',
    '  <active-response>',
    '    <command>host-deny</command>',
    '    <location>local</location>',
    '    <level>7</level>',
    '    <timeout>600</timeout>',
    '  </active-response>',
    '  <active-response>',
    '    <command>firewall-drop</command>',
    '    <location>all</location>',
    '    <rules_group>authentication_failed</rules_group>',
    '  </active-response>',
    '</ossec_config>',
    '',
  ].join('\n'),
);

function changesOf(draft: ConfigDocument): BlockChange[] {
  return diffBlocks(original, draft, diffLines(original.text, draft.text));
}

function revert(draft: ConfigDocument, change: BlockChange, base = original): ConfigDocument {
  return revertBlock(base, draft, change, diffLines(base.text, draft.text));
}

describe('diffBlocks', () => {
  it('finds nothing in an unedited document', () => {
    expect(changesOf(original)).toEqual([]);
  });

  it('names a changed, an added and a removed block, in the draft’s order', () => {
    let draft = setField(original, 2, 'timeout', '1800');
    draft = removeBlock(draft, 1);
    draft = insertBlock(draft, {
      kind: 'active-response',
      fields: [
        { name: 'command', value: 'host-deny' },
        { name: 'location', value: 'server' },
      ],
    }).doc;
    draft = moveBlock(draft, 2, 1);
    const changes = changesOf(draft);
    expect(changes.map((c) => [c.status, c.kind, c.title])).toEqual([
      ['removed', 'command', 'firewall-drop'],
      ['changed', 'active-response', 'host-deny'],
      ['added', 'active-response', 'host-deny'],
    ]);
    expect(changes[0]).toMatchObject({ original: 1, originalLine: 7 });
    expect(changes[1]).toMatchObject({ original: 2, draft: 2, originalLine: 14 });
    expect(draft.text.split('\n')[(changes[1].draftLine as number) - 1]).toBe('  <active-response>');
    expect(changes[2]).toMatchObject({ draft: 3 });
  });

  it('calls a block with the same text in another place moved', () => {
    const moved = moveBlock(original, 3, 2);
    expect(changesOf(moved)).toEqual([
      expect.objectContaining({ status: 'moved', title: 'firewall-drop', original: 3, draft: 2 }),
    ]);
  });

  it('pairs a block whose name changed with the one that stood in its place', () => {
    const draft = setField(original, 0, 'name', 'host-deny-v2');
    expect(changesOf(draft)).toEqual([
      expect.objectContaining({ status: 'changed', title: 'host-deny-v2', original: 0, draft: 0 }),
    ]);
  });

  it('keeps two responses that run the same command apart by their place', () => {
    const twice = readDocument(
      '<ossec_config>\n  <active-response>\n    <command>a</command>\n    <level>5</level>\n  </active-response>\n  <active-response>\n    <command>a</command>\n    <level>9</level>\n  </active-response>\n</ossec_config>\n',
    );
    const draft = setField(twice, 1, 'level', '10');
    expect(diffBlocks(twice, draft, diffLines(twice.text, draft.text))).toEqual([
      expect.objectContaining({ status: 'changed', original: 1, draft: 1 }),
    ]);
  });
  it('compares a draft pasted over the import, thousands of blocks on each side', () => {
    const file = (prefix: string) =>
      readDocument(
        `<ossec_config>\n${Array.from(
          { length: 3000 },
          (_, i) =>
            `  <command>\n    <name>${prefix}-${i}</name>\n    <executable>${prefix}</executable>\n  </command>\n`,
        ).join('')}</ossec_config>\n`,
      );
    const before = file('old');
    const after = file('new');
    const changes = diffBlocks(before, after, diffLines(before.text, after.text));
    expect(changes).toHaveLength(3000);
    expect(changes.every((c) => c.status === 'changed' && c.original === c.draft)).toBe(true);
  }, 60_000);
});

describe('revertBlock', () => {
  it('gives a changed block its imported text back and leaves the rest', () => {
    const draft = setField(setField(original, 2, 'timeout', '1800'), 3, 'location', 'local');
    const [first] = changesOf(draft);
    const reverted = revert(draft, first);
    expect(reverted.text).toBe(setField(original, 3, 'location', 'local').text);
  });

  it('removes an added block and puts a removed one back on its own line, after its comment', () => {
    const added = insertBlock(original, {
      kind: 'active-response',
      fields: [
        { name: 'command', value: 'host-deny' },
        { name: 'location', value: 'server' },
      ],
    }).doc;
    expect(revert(added, changesOf(added)[0]).text).toBe(original.text);
    const removed = removeBlock(original, 2);
    expect(changesOf(removed)).toEqual([expect.objectContaining({ status: 'removed', original: 2 })]);
    expect(revert(removed, changesOf(removed)[0]).text).toBe(original.text);
  });

  it('moves a moved block back to where it was imported', () => {
    const moved = moveBlock(original, 0, 3);
    const changes = changesOf(moved);
    expect(changes.map((c) => c.status)).toEqual(['moved']);
    expect(revert(moved, changes[0]).text).toBe(original.text);
  });

  it('puts a removed block back where it stood when the lines around it changed too', () => {
    let draft = removeBlock(original, 3);
    draft = replaceText(draft, draft.text.indexOf('</ossec_config>'), draft.text.length, '</ossec_config>');
    const change = changesOf(draft).find((c) => c.status === 'removed') as BlockChange;
    const reverted = revert(draft, change);
    expect(reverted.blocks.map((b) => reverted.text.slice(b.start, b.end))).toEqual(
      original.blocks.map((b) => original.text.slice(b.start, b.end)),
    );
    expect(reverted.text).toBe(original.text.replace(/\n$/, ''));
  });

  it('puts back a block that shared its line, beside its neighbour', () => {
    const inline = readDocument(
      '<ossec_config><command><name>a</name></command> <command><name>b</name></command></ossec_config>',
    );
    const draft = removeBlock(inline, 1);
    const [change] = diffBlocks(inline, draft, diffLines(inline.text, draft.text));
    expect(revert(draft, change, inline).text).toBe(inline.text);
  });
});

const blockTexts = (doc: ConfigDocument) => doc.blocks.map((b) => doc.text.slice(b.start, b.end));

/** Reverts the first listed change until none is left, at most `limit` times. */
function revertAll(before: ConfigDocument, draft: ConfigDocument, limit: number): ConfigDocument {
  let current = draft;
  for (let step = 0; step < limit; step++) {
    const lines = diffLines(before.text, current.text);
    const [change] = diffBlocks(before, current, lines);
    if (!change) return current;
    current = revertBlock(before, current, change, lines);
  }
  return current;
}

describe('reverting every block change', () => {
  const withBlocks = documentArbitrary
    .map((text) => readDocument(text))
    .filter((doc) => doc.blocks.length > 0);
  // Field edits and removals, each value marked with the step that wrote it. (In a small generated file two
  // blocks may differ only in the field an edit overwrote, so which one was removed and which one changed
  // cannot be told: byte for byte is asked of the real files.)
  const restorable = fc
    .array(
      fc.oneof(
        apiEditArbitrary.filter(
          (step): step is Extract<EditStep, { op: 'setField' }> => step.op === 'setField',
        ),
        apiEditArbitrary.filter((step) => step.op === 'removeBlock'),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((steps) =>
      steps.map(
        (step, n): EditStep => (step.op === 'setField' ? { ...step, value: `${step.value}#${n}` } : step),
      ),
    );

  it('brings back the imported blocks, in order, whatever the edits', () => {
    fc.assert(
      fc.property(withBlocks, fc.array(apiEditArbitrary, { minLength: 1, maxLength: 6 }), (doc, steps) => {
        const draft = applyEdits(doc, steps);
        const reverted = revertAll(doc, draft, 2 * (doc.blocks.length + draft.blocks.length) + 2);
        expect(blockTexts(reverted)).toEqual(blockTexts(doc));
        expect(diffBlocks(doc, reverted, diffLines(doc.text, reverted.text))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('gives back a corpus file byte for byte after field edits and block removals', () => {
    for (const file of corpusFiles()) {
      const { text, encoding } = decodeBytes(file.bytes);
      const doc = readDocument(text, encoding);
      if (doc.blocks.length === 0) continue;
      fc.assert(
        fc.property(restorable, (steps) => {
          const draft = applyEdits(doc, steps);
          expect(revertAll(doc, draft, 2 * doc.blocks.length + 2).text).toBe(doc.text);
        }),
        { numRuns: 5, seed: file.bytes.length },
      );
    }
  }, 120_000);
});

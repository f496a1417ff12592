import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { generateConfig } from '../../../bench/generate';
import { corpusFiles } from '../test-support/corpus';
import { documentArbitrary } from '../test-support/documents';
import { applyEdit, editArbitrary } from '../test-support/edits';
import { PROPERTY_TEST_TIMEOUT } from '../test-support/timeouts';
import { decodeBytes } from '../xml/encoding';
import { SourceBlock } from './block';
import { EditError, insertBlock, moveBlock, removeBlock, replaceText, setField } from './edit';
import { fieldValue } from './fields';
import { readDocument } from './read';
import type { Block, BlockSpec, ConfigDocument } from './types';

/** What a document says, as plain data: an edited document must say exactly what a fresh read says. */
const plain = (doc: ConfigDocument) =>
  JSON.parse(
    JSON.stringify({
      text: doc.text,
      blocks: doc.blocks,
      topLevel: doc.topLevel,
      shape: doc.shape,
      layout: doc.layout,
      xmlError: doc.xmlError,
      problems: doc.problems,
      nested: doc.nested,
      snippet: doc.snippet,
      encoding: doc.encoding,
    }),
  );

const blockData = (block: Block, delta: number) => ({
  kind: block.kind,
  start: block.start - delta,
  end: block.end - delta,
  openEnd: block.openEnd - delta,
  closeStart: block.closeStart - delta,
  selfClosing: block.selfClosing,
  topLevelIndex: block.topLevelIndex,
  inConfigRoot: block.inConfigRoot,
  children: block.children.map((child) => ({
    ...child,
    start: child.start - delta,
    end: child.end - delta,
    valueStart: child.valueStart - delta,
    valueEnd: child.valueEnd - delta,
  })),
});

/** The edit's `change` tells the truth: outside the blocks it names, every block is the base's, moved. */
function expectChangeHolds(base: ConfigDocument, doc: ConfigDocument): void {
  expect(doc.revision).not.toBe(base.revision);
  const { change } = doc;
  if (!change) return;
  expect(change.baseRevision).toBe(base.revision);
  expect(doc.blocks.length).toBe(base.blocks.length - change.removed + change.inserted);
  for (let i = 0; i < change.first; i++) {
    expect(blockData(doc.blocks[i], 0)).toEqual(blockData(base.blocks[i], 0));
  }
  const delta = doc.text.length - base.text.length;
  for (let i = change.first + change.inserted; i < doc.blocks.length; i++) {
    const before = base.blocks[i - change.inserted + change.removed];
    expect(blockData(doc.blocks[i], delta)).toEqual(blockData(before, 0));
    expect(doc.blocks[i].index).toBe(i);
  }
}

/** The text with a new block, or why the API refuses it (a name the file holds may not be one it writes). */
function placed(doc: ConfigDocument, spec: BlockSpec): string {
  try {
    return insertBlock(doc, spec).doc.text;
  } catch (error) {
    if (error instanceof EditError) return error.message;
    throw error;
  }
}

/** A new block goes where it would go in the same text read afresh: the names the edits kept count are true. */
function expectSamePlaces(doc: ConfigDocument, fresh: ConfigDocument): void {
  const named = doc.blocks.length > 0 ? doc.blocks[doc.blocks.length >> 1] : undefined;
  const names = [
    named ? fieldValue(named, 'name') : undefined,
    named ? fieldValue(named, 'command') : undefined,
    'new',
  ];
  for (const name of names) {
    for (const spec of [
      { kind: 'command' as const, fields: name === undefined ? [] : [{ name: 'name', value: name }] },
      {
        kind: 'active-response' as const,
        fields: name === undefined ? [] : [{ name: 'command', value: name }],
      },
    ]) {
      expect(placed(doc, spec)).toBe(placed(fresh, spec));
    }
  }
}

const corpusTexts = corpusFiles().map((file) => decodeBytes(file.bytes).text);

describe('incremental edits', () => {
  it(
    'give after every step of any edit sequence the document a fresh read gives, and a true change',
    () => {
      const start = fc.oneof(
        documentArbitrary,
        fc.constantFrom(...corpusTexts),
        fc.integer({ min: 0, max: 40 }).map(generateConfig),
      );
      fc.assert(
        fc.property(start, fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (text, steps) => {
          let doc = readDocument(text);
          expect(doc.change).toBeUndefined();
          for (const step of steps) {
            const next = applyEdit(doc, step);
            if (next === doc) continue;
            const fresh = readDocument(next.text, next.encoding, next.snippet);
            expect(plain(next)).toEqual(plain(fresh));
            expectChangeHolds(doc, next);
            expectSamePlaces(next, fresh);
            doc = next;
          }
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TEST_TIMEOUT,
  );

  it('reports the blocks a field edit, an insertion, a removal and a move changed', () => {
    const doc = readDocument(generateConfig(20));
    const base = doc.revision;
    expect(setField(doc, 5, 'name', 'x').change).toEqual({
      baseRevision: base,
      first: 5,
      removed: 1,
      inserted: 1,
    });
    expect(removeBlock(doc, 5).change).toEqual({ baseRevision: base, first: 5, removed: 1, inserted: 0 });
    const spec = { kind: 'command' as const, fields: [{ name: 'name', value: 'n' }] };
    expect(insertBlock(doc, spec, { after: 5 }).doc.change).toEqual({
      baseRevision: base,
      first: 6,
      removed: 0,
      inserted: 1,
    });
    expect(moveBlock(doc, 3, 7).change).toEqual({ baseRevision: base, first: 3, removed: 5, inserted: 5 });
    // Typing between two sections re-reads only them.
    const gap = doc.blocks[4].end;
    expect(replaceText(doc, gap, gap, '\n  <syscheck/>').change).toEqual({
      baseRevision: base,
      first: 5,
      removed: 0,
      inserted: 0,
    });
  });

  it('keeps the root value true when the edit reaches the end of the root', () => {
    const doc = readDocument(generateConfig(6));
    const last = doc.blocks[5];
    for (const edit of [
      replaceText(doc, last.end, last.end, ' loose text '),
      removeBlock(doc, 5),
      insertBlock(doc, { kind: 'command', fields: [{ name: 'name', value: 'n' }] }, { after: 5 }).doc,
    ]) {
      expect(edit.change).toBeDefined();
      expect(plain(edit)).toEqual(plain(readDocument(edit.text)));
    }
  });

  it('keeps the blocks before an edit and moves the ones after it only when they are read', () => {
    const doc = readDocument(generateConfig(5000));
    const moved = vi.spyOn(SourceBlock.prototype, 'moved');
    const after = setField(doc, 2500, 'name', 'edited');
    // A binary search or two, not the 2,499 blocks after the edit.
    expect(moved.mock.calls.length).toBeLessThan(40);
    for (let i = 0; i < 2500; i++) expect(after.blocks[i]).toBe(doc.blocks[i]);
    expect(after.blocks[4000]).toBe(after.blocks[4000]);
    expect(after.blocks[4000].start).toBe(doc.blocks[4000].start + after.text.length - doc.text.length);
    // The next edit keeps what it does not reach, moved blocks included.
    const again = setField(after, 4500, 'name', 'x');
    expect(again.blocks[5]).toBe(doc.blocks[5]);
    expect(again.blocks[4000]).toBe(after.blocks[4000]);
    moved.mockRestore();
  });
});

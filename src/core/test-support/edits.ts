/**
 * Random edits as an admin makes them: through the document API (fields, blocks added, removed,
 * duplicated, moved) and by typing in the XML view (any characters anywhere, line breaks of either kind,
 * non-ASCII letters a Latin-1 file can hold).
 */

import fc from 'fast-check';
import {
  duplicateBlock,
  EditError,
  insertBlock,
  moveBlock,
  removeBlock,
  removeField,
  replaceText,
  setField,
} from '../model/edit';
import type { Block, BlockSpec, ConfigDocument } from '../model/types';
import { editableValueArbitrary, FIELD_NAMES, fieldNameArbitrary } from './documents';

export type EditStep =
  | { op: 'setField'; pick: number; field: number; value: string }
  | { op: 'removeField'; pick: number; field: number }
  | { op: 'insertBlock'; spec: BlockSpec }
  | { op: 'removeBlock'; pick: number }
  | { op: 'duplicateBlock'; pick: number }
  | { op: 'moveBlock'; pick: number; to: number }
  | { op: 'typeText'; at: number; remove: number; text: string };

const specArbitrary: fc.Arbitrary<BlockSpec> = fc
  .constantFrom<'command' | 'active-response'>('command', 'active-response')
  .chain((kind) =>
    fc
      .array(fc.tuple(fieldNameArbitrary(kind), editableValueArbitrary), { minLength: 1, maxLength: 4 })
      .map((fields) => ({ kind, fields: fields.map(([name, value]) => ({ name, value })) })),
  );

const typedArbitrary = fc
  .array(fc.constantFrom('x', '7', ' ', '\t', '\n', '\r\n', 'é', 'ÿ', '<!-- note -->', '</a>'), {
    maxLength: 4,
  })
  .map((parts) => parts.join(''));

/** API edits only: what the forms, the block list and the fixes do. */
export const apiEditArbitrary: fc.Arbitrary<EditStep> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('setField' as const),
      pick: fc.nat(),
      field: fc.nat(),
      value: editableValueArbitrary,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('removeField' as const), pick: fc.nat(), field: fc.nat() }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insertBlock' as const), spec: specArbitrary }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('removeBlock' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateBlock' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('moveBlock' as const), pick: fc.nat(), to: fc.nat() }),
  },
);

/** API edits and typing in the XML view. */
export const editArbitrary: fc.Arbitrary<EditStep> = fc.oneof(
  { weight: 3, arbitrary: apiEditArbitrary },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('typeText' as const),
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      text: typedArbitrary,
    }),
  },
);

const fieldOf = (block: Block, pick: number) =>
  FIELD_NAMES[block.kind][pick % FIELD_NAMES[block.kind].length];

/** One edit; one the document API refuses (a block that is not there, say) leaves the document as it was. */
export function applyEdit(doc: ConfigDocument, step: EditStep): ConfigDocument {
  const count = doc.blocks.length;
  const block = count > 0 && 'pick' in step ? doc.blocks[step.pick % count] : undefined;
  try {
    switch (step.op) {
      case 'setField':
        return block ? setField(doc, block.index, fieldOf(block, step.field), step.value) : doc;
      case 'removeField':
        return block ? removeField(doc, block.index, fieldOf(block, step.field)) : doc;
      case 'insertBlock':
        return insertBlock(doc, step.spec).doc;
      case 'removeBlock':
        return block ? removeBlock(doc, block.index) : doc;
      case 'duplicateBlock':
        return block ? duplicateBlock(doc, block.index).doc : doc;
      case 'moveBlock':
        return block ? moveBlock(doc, block.index, step.to % count) : doc;
      case 'typeText': {
        const at = step.at % (doc.text.length + 1);
        return replaceText(doc, at, Math.min(doc.text.length, at + step.remove), step.text);
      }
    }
  } catch (error) {
    if (error instanceof EditError) return doc;
    throw error;
  }
}

export function applyEdits(doc: ConfigDocument, steps: readonly EditStep[]): ConfigDocument {
  return steps.reduce(applyEdit, doc);
}

/** The core's public entry: what the UI and the command line use. */

export {
  applyOps,
  duplicateBlock,
  EditError,
  insertBlock,
  moveBlock,
  removeBlock,
  removeField,
  replaceText,
  setField,
} from './model/edit';
export {
  ACTIVE_RESPONSE_FIELDS,
  activeResponseOf,
  blockTitle,
  COMMAND_FIELDS,
  commandOf,
  fieldsOf,
  fieldValue,
  valueProblem,
} from './model/fields';
export { readDocument } from './model/read';
export type {
  Block,
  BlockChild,
  BlockKind,
  BlockSpec,
  ConfigDocument,
  Diagnostic,
  DocumentOp,
  Fix,
  Severity,
} from './model/types';
export { decodeBytes, encodeText } from './xml/encoding';
export { positionAt } from './xml/positions';

/** The core's public entry: what the UI and the command line use. */

export { arConfKey, arConfLines } from './derive/ar-conf';
export { deriveResponses, type ResponseSummary } from './derive/responses';
export {
  applyOps,
  duplicateBlock,
  EditError,
  insertBlock,
  insertBlocksText,
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
export {
  formatSize,
  MAX_DOCUMENT_BYTES,
  textTooLarge,
  tooLargeMessage,
  utf8Length,
} from './model/limits';
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
  TextEncoding,
} from './model/types';
export {
  type OsRegexDialect,
  type OsRegexResult,
  osRegexMatch,
  type StepBudget,
  stepBudget,
} from './simulate/os-regex';
export { type Alert, type SimulatedResponse, type Simulation, simulate } from './simulate/simulate';
export { ROLES, type Role, type RoleOption, resolveRole } from './targets/role';
export type { StockCommand } from './targets/stock';
export {
  DEFAULT_TARGET,
  parseTarget,
  TARGETS,
  type TargetId,
  type TargetProfile,
  toProfile,
} from './targets/target';
export {
  describeCharacter,
  escapeForTerminal,
  hasHiddenCharacters,
  revealHidden,
  type TextPiece,
  terminalSafeJson,
  textPieces,
} from './text/invisible-characters';
export { isAccepted, RULES, type ValidateOptions, validate } from './validation/validate';
export { decodeBytes, encodeText } from './xml/encoding';
export { withoutFinalLineBreaks } from './xml/line-breaks';
export { positionAt } from './xml/positions';

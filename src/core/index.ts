/** The core's public entry: what the UI and the command line use. */

export { arConfKey, arConfLines } from './derive/ar-conf';
export { readOffenders } from './derive/execd';
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
export {
  ALERT_FIELD_LABELS,
  type Alert,
  type AlertField,
  type AlertInput,
  type AlertProblem,
  EMPTY_ALERT_INPUT,
  readAlertInput,
} from './simulate/alert';
export { type AlertFormat, type ParsedAlert, parseAlert } from './simulate/alert-parse';
export { agentOffendersSnippet, type OffenceStep, offenceTimeline } from './simulate/offences';
export { type SimulatedResponse, type Simulation, type Stage, simulate } from './simulate/simulate';
export { readWhiteList, type WhiteList, type WhiteListEntry } from './simulate/white-list';
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
export { isAccepted, RULES, type ValidateOptions, validate } from './validation/validate';
export { decodeBytes, encodeText } from './xml/encoding';
export { positionAt } from './xml/positions';

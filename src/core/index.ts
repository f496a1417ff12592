/** The core's public entry: what the UI and the command line use. */

export { type AgentSettings, agentSettings, type MisplacedSetting } from './deploy/agent-settings';
export { DEPLOY_ROLES, type DeployRole } from './deploy/deploy-facts';
export {
  type DeployCommand,
  type DeployInputs,
  type DeployPlan,
  type DeployStep,
  deployPlan,
  type RunnableResponse,
  UPLOAD_FILE,
} from './deploy/deploy-plan';
export { shellQuote } from './deploy/shell';
export { type Citation, citationUrl } from './deploy/sources';
export { arConfKey, arConfLines } from './derive/ar-conf';
export { readOffenders } from './derive/execd';
export { deriveResponses, type ResponseSummary } from './derive/responses';
export { type BlockChange, type BlockChangeStatus, diffBlocks, revertBlock } from './diff/block-diff';
export { diffLines, diffSequences, type LineChange, type LineDiff, splitLines } from './diff/line-diff';
export { formatPatch, type Hunk, type HunkLine, hunkHeader, hunksOf, patchFileName } from './diff/patch';
export { cleanedFile, cleanedPatch } from './migrate/clean';
export {
  countByStatus,
  countsText,
  DEFINITION_REQUEST,
  definitionLine,
  MONITOR_NOTE,
  MONITOR_REQUEST,
  migrationBundle,
  migrationMarkdown,
  migrationTextLines,
  STATUS_LABEL,
} from './migrate/format';
export { MIGRATION_TARGET, type MigrateOptions, migrate } from './migrate/migrate';
export { definitionProblems, monitorProblems } from './migrate/server-rules';
export type {
  DefinitionBody,
  ItemKind,
  MigratedResponse,
  Migration,
  MigrationStatus,
  MonitorBody,
  ReportItem,
} from './migrate/types';
export {
  type AgentGroup,
  addGroupAgent,
  findAgentGroups,
  groupOf,
  parseAgentIds,
  removeGroup,
  removeGroupAgent,
  removeGroupField,
  setGroupField,
  spreadToAgents,
} from './model/agent-group';
export {
  applyOps,
  duplicateBlock,
  EditError,
  type InsertTextOptions,
  insertBlock,
  insertBlocksText,
  moveBlock,
  readAs,
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
export { isConfigRoot, readDocument, readsAsSnippet } from './model/read';
export type {
  Block,
  BlockChild,
  BlockKind,
  BlockSpec,
  ConfigDocument,
  Diagnostic,
  DocumentChange,
  DocumentOp,
  Fix,
  Severity,
  TextEncoding,
} from './model/types';
export {
  decodeShareFragment,
  encodeShareFragment,
  isShareFragment,
  SHARE_LINK_LIMIT,
  type SharedDraft,
  type SharedRead,
} from './share/share-link';
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
export {
  type OsRegexDialect,
  type OsRegexResult,
  osRegexMatch,
  type StepBudget,
  stepBudget,
} from './simulate/os-regex';
export { type SimulatedResponse, type Simulation, type Stage, simulate } from './simulate/simulate';
export { readWhiteList, type WhiteList, type WhiteListEntry } from './simulate/white-list';
export { ROLES, type Role, type RoleOption, resolveRole } from './targets/role';
export type { StockCommand } from './targets/stock';
export { suggestTarget, type TargetSuggestion } from './targets/suggest';
export {
  DEFAULT_TARGET,
  fileResponsesAbsence,
  parseTarget,
  TARGETS,
  type TargetId,
  type TargetProfile,
  targetOrDefault,
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
export { type Checker, createChecker } from './validation/checker';
export { isAccepted, RULES, type ValidateOptions, validate } from './validation/validate';
export { decodeBytes, encodeText } from './xml/encoding';
export { withoutFinalLineBreaks } from './xml/line-breaks';
export { positionAt } from './xml/positions';

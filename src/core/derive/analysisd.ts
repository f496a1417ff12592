/**
 * What analysisd makes of the file's blocks: `ReadActiveCommands()` and `ReadActiveResponses()` walked
 * in document order (reference §3–§5, §13). The daemon stops at its first fatal error; this model goes on
 * so that every block can be explained, and the validator reports each refusal where it sits.
 */

import { fieldsNamed, fieldValue } from '../model/fields';
import { readsAsSnippet } from '../model/read';
import type { Block, ConfigDocument } from '../model/types';
import { type RoleOption, resolveRole } from '../targets/role';
import type { StockCommand } from '../targets/stock';
import type { TargetProfile } from '../targets/target';
import { atoi, isAllDigits } from './c-atoi';

export interface CommandModel {
  /** The `<command>` block, or `undefined` for a stock command a fragment relies on. */
  block?: Block;
  /** The last `<name>`, as the daemon keeps it (never trimmed). */
  name?: string;
  executable?: string;
  /** The last valid `timeout_allowed`; the default is no. */
  timeoutAllowed: boolean;
}

export interface LocationBits {
  server: boolean;
  local: boolean;
  definedAgent: boolean;
  all: boolean;
}

export type ResponseOutcome =
  /** A `disabled` yes in the block: dropped before any other check, no ar.conf line. */
  | 'disabled'
  /** OSSEC 2.8: an earlier block's `disabled` yes is never reset, so this block is skipped too. */
  | 'skipped'
  /** No command or location, but `repeated_offenders`: analysisd lets it pass and ignores it. */
  | 'offenders-only'
  /** Wazuh 4.3+: `defined-agent` with `atoi(agent_id) == 0` is dropped with the warning (1306). */
  | 'dropped'
  /** analysisd refuses the block (the file does not load). */
  | 'refused'
  | 'accepted';

export interface ResponseModel {
  block: Block;
  outcome: ResponseOutcome;
  /** Whether the checks after the element loop run (not disabled, not skipped). */
  checked: boolean;
  /** Command or location absent (or empty, on Wazuh 4.4+). */
  missing: boolean;
  hasOffenders: boolean;
  /** A `disabled` yes in the block (whether or not the element loop refuses it first). */
  disabled: boolean;
  command?: string;
  location?: string;
  bits: LocationBits;
  agentId?: string;
  /** The first definition above the block with its command name (first definition wins). */
  resolved?: CommandModel;
  /** When nothing above defines the name: the first definition below, which the daemon never sees. */
  definedBelow?: CommandModel;
  /** `atoi` of the last `<timeout>` (0 when absent). */
  timeout: number;
  /** The timeout analysisd keeps: 0 when Wazuh 3.7+ resets it for a command without timeout_allowed. */
  effectiveTimeout: number;
  timeoutReset: boolean;
}

export interface AnalysisdModel {
  commands: CommandModel[];
  responses: ResponseModel[];
  /** By block index, for the blocks analysisd reads. */
  byBlock: Map<number, CommandModel | ResponseModel>;
  /** Every definition of each name, in document order: the first is the one every lookup finds. */
  definitions: Map<string, CommandModel[]>;
}

const KNOWN_RESPONSE_ELEMENTS = new Set([
  'command',
  'location',
  'agent_id',
  'rules_id',
  'rules_group',
  'level',
  'timeout',
  'disabled',
  'repeated_offenders',
]);

/**
 * Whether the target's analysisd reads this file's responses: a manager's file (not an agent's, not a
 * centralized agent.conf), on a target whose manager still takes responses from the file (not Wazuh 5.0).
 */
export function analysisdReadsResponses(
  doc: ConfigDocument,
  target: TargetProfile,
  role: RoleOption,
): boolean {
  return (
    doc.shape !== 'agent-config' && resolveRole(doc, role) === 'manager' && target.responsesFrom === 'xml'
  );
}

/** What the searches find in the four locations the documentation names, worked out once. */
const CANONICAL_BITS: Readonly<Record<string, LocationBits>> = Object.assign(
  Object.create(null),
  Object.fromEntries(['local', 'server', 'defined-agent', 'all'].map((name) => [name, searchedBits(name)])),
);

/** The case-insensitive OS_Regex searches of `ReadActiveResponses()` (reference §5.1). */
export function locationBits(location: string): LocationBits {
  const canonical = CANONICAL_BITS[location];
  if (canonical) return { ...canonical };
  return searchedBits(location);
}

function searchedBits(location: string): LocationBits {
  return {
    server: /AS|analysisd|analysis-server|server/i.test(location),
    local: /local/i.test(location),
    definedAgent: /defined-agent/i.test(location),
    all: /all|any/i.test(location),
  };
}

export function anyBit(bits: LocationBits): boolean {
  return bits.server || bits.local || bits.definedAgent || bits.all;
}

/** Whether analysisd knows the element inside `<active-response>` on this target. */
export function isKnownResponseElement(name: string, target: TargetProfile): boolean {
  return KNOWN_RESPONSE_ELEMENTS.has(name) || (name === 'ca_store' && target.caStoreAccepted);
}

/** Whether analysisd knows the element inside `<command>` on this target. */
export function isKnownCommandElement(name: string, target: TargetProfile): boolean {
  return (
    name === 'name' ||
    name === 'executable' ||
    name === 'expect' ||
    name === 'timeout_allowed' ||
    (name === 'extra_args' && target.extraArgs)
  );
}

/** A check inside the element loop fails: the block is refused whatever else it says. */
function responseLoopFails(block: Block, target: TargetProfile): boolean {
  return block.children.some((child) => {
    if (!isKnownResponseElement(child.name, target)) return true;
    if (child.name === 'level') {
      const level = atoi(child.value);
      return !isAllDigits(child.value) || level < 0 || level > 20;
    }
    return child.name === 'disabled' && child.value !== 'yes' && child.value !== 'no';
  });
}

export function toCommand(block: Block): CommandModel {
  const allowed = fieldsNamed(block, 'timeout_allowed').filter((c) => c.value === 'yes' || c.value === 'no');
  return {
    block,
    name: fieldValue(block, 'name'),
    executable: fieldValue(block, 'executable'),
    timeoutAllowed: allowed.at(-1)?.value === 'yes',
  };
}

export function fromStock(stock: StockCommand): CommandModel {
  return { name: stock.name, executable: stock.executable, timeoutAllowed: stock.timeoutAllowed };
}

/** What analysisd's lookup of a response's command finds. */
export interface Lookup {
  resolved?: CommandModel;
  definedBelow?: CommandModel;
}

export function emulateAnalysisd(doc: ConfigDocument, target: TargetProfile): AnalysisdModel {
  const commands: CommandModel[] = [];
  const responses: ResponseModel[] = [];
  const byBlock = new Map<number, CommandModel | ResponseModel>();
  const read = doc.blocks.filter((b) => b.inConfigRoot);
  /** Every definition of each name, in document order, to find one further down. */
  const definitions = new Map<string, CommandModel[]>();
  for (const block of read) {
    if (block.kind !== 'command') continue;
    const command = toCommand(block);
    byBlock.set(block.index, command);
    if (command.name === undefined) continue;
    const list = definitions.get(command.name);
    if (list) list.push(command);
    else definitions.set(command.name, [command]);
  }
  /** The first definition of each name read so far: the one the daemon's lookup stops at. */
  const firstAbove = new Map<string, CommandModel>();
  const lookup = (name: string, at: Block): Lookup => {
    const resolved = firstAbove.get(name);
    if (resolved) return { resolved };
    const definedBelow = definitions.get(name)?.find((c) => c.block && c.block.index > at.index);
    if (definedBelow) return { definedBelow };
    // A fragment is pasted into a file whose stock commands sit above it (the install templates do so).
    const stock = readsAsSnippet(doc) ? target.stockCommands.find((s) => s.name === name) : undefined;
    return stock ? { resolved: fromStock(stock) } : {};
  };
  let disabledForGood = false;

  for (const block of read) {
    if (block.kind === 'command') {
      const command = byBlock.get(block.index) as CommandModel;
      commands.push(command);
      if (command.name !== undefined && !firstAbove.has(command.name)) firstAbove.set(command.name, command);
      continue;
    }
    const response = readResponse(block, target, lookup, disabledForGood);
    if (response.outcome === 'disabled' && target.disabledSkipsLaterBlocks) disabledForGood = true;
    responses.push(response);
    byBlock.set(block.index, response);
  }
  return { commands, responses, byBlock, definitions };
}

/** What a response's own elements say, before any lookup: the same in any document it stands in. */
export interface ResponseFields {
  command?: string;
  location?: string;
  agentId?: string;
  /** `atoi` of the last `<timeout>` (0 when absent). */
  timeout: number;
  hasOffenders: boolean;
  disabled: boolean;
  missing: boolean;
  bits: LocationBits;
  /** A check inside the element loop fails. */
  loopFails: boolean;
}

export function responseFields(block: Block, target: TargetProfile): ResponseFields {
  const command = fieldValue(block, 'command');
  const location = fieldValue(block, 'location');
  const timeoutText = fieldValue(block, 'timeout');
  const empty = (v: string | undefined) =>
    v === undefined || (target.emptyCommandOrLocationMissing && v === '');
  return {
    command,
    location,
    agentId: fieldValue(block, 'agent_id'),
    timeout: timeoutText === undefined ? 0 : atoi(timeoutText),
    hasOffenders: fieldsNamed(block, 'repeated_offenders').length > 0,
    disabled: fieldsNamed(block, 'disabled').some((c) => c.value === 'yes'),
    missing: empty(command) || empty(location),
    bits: locationBits(location ?? ''),
    loopFails: responseLoopFails(block, target),
  };
}

/** The response as analysisd reads it, given its fields, what the lookup of its command found, and the 2.8 flag. */
export function resolveResponse(
  block: Block,
  fields: ResponseFields,
  found: Lookup,
  disabledForGood: boolean,
  target: TargetProfile,
): ResponseModel {
  const { timeout, disabled } = fields;
  const resolved = found.resolved;
  const reset = resolved !== undefined && timeout !== 0 && !resolved.timeoutAllowed;
  const response: ResponseModel = {
    block,
    outcome: 'refused',
    checked: !disabled && !disabledForGood,
    missing: fields.missing,
    hasOffenders: fields.hasOffenders,
    disabled,
    command: fields.command,
    location: fields.location,
    bits: fields.bits,
    agentId: fields.agentId,
    resolved,
    definedBelow: found.definedBelow,
    timeout,
    effectiveTimeout: reset ? 0 : timeout,
    timeoutReset: reset && target.timeoutWithoutAllowed === 'reset',
  };
  response.outcome = outcomeOf(response, target, fields.loopFails, disabled);
  return response;
}

function readResponse(
  block: Block,
  target: TargetProfile,
  lookup: (name: string, at: Block) => Lookup,
  disabledForGood: boolean,
): ResponseModel {
  const fields = responseFields(block, target);
  const found = fields.command === undefined ? {} : lookup(fields.command, block);
  return resolveResponse(block, fields, found, disabledForGood, target);
}

/** The order of `ReadActiveResponses()`: element loop, disabled, missing, location, agent, command, timeout. */
function outcomeOf(
  r: ResponseModel,
  target: TargetProfile,
  loopFails: boolean,
  disabled: boolean,
): ResponseOutcome {
  if (loopFails) return 'refused';
  if (disabled) return 'disabled';
  if (!r.checked) return 'skipped';
  if (r.missing) return r.hasOffenders ? 'offenders-only' : 'refused';
  if (r.bits.definedAgent && r.agentId === undefined) return 'refused';
  if (droppedForAgentZero(r, target)) return 'dropped';
  if (!anyBit(r.bits) || !r.resolved) return 'refused';
  const fatalTimeout =
    r.timeout !== 0 && !r.resolved.timeoutAllowed && target.timeoutWithoutAllowed === 'fatal';
  return fatalTimeout ? 'refused' : 'accepted';
}

/** Wazuh 4.3+ drops `defined-agent` with `atoi(agent_id) == 0` before it looks the command up. */
export function droppedForAgentZero(r: ResponseModel, target: TargetProfile): boolean {
  return r.bits.definedAgent && r.agentId !== undefined && target.agentIdZeroDropped && atoi(r.agentId) === 0;
}

/** The post-loop checks reach the command lookup: not disabled, not incomplete, not dropped. */
export function reachesCommandLookup(r: ResponseModel, target: TargetProfile): boolean {
  return r.checked && !r.missing && !droppedForAgentZero(r, target);
}

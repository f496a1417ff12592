/**
 * Which responses fire for one alert, where, and for how long (DESIGN §5), with the one decisive reason
 * for each that does not: the first check that stops it, in the daemon's own order.
 * 1. start-up (`ReadActiveResponses()`): the block is refused, disabled, skipped or dropped;
 * 2. binding (`Rule_AddAR()`, once when rules load): a rule of level 0 or with `no_ar` gets no response;
 *    otherwise level, rules_group and rules_id (reference §5.2–5.3);
 * 3. the alert (`analysisd.c`, before `OS_Exec()`): the fields the command expects (OSSEC, Wazuh before 4.2)
 *    or the characters of the source IP and user (§5.5); OSSEC 3.2+ then needs execd's queue;
 * 4. `OS_Exec()`: the source IP's white list (§5.9b), then the queue the location needs (§5.8) and the host.
 */

import { emulateAnalysisd, type ResponseModel } from '../derive/analysisd';
import { arConfKey } from '../derive/ar-conf';
import { atoi, isAllDigits } from '../derive/c-atoi';
import { execdView } from '../derive/execd';
import { fieldsNamed, fieldValue } from '../model/fields';
import type { ConfigDocument } from '../model/types';
import { fileResponsesAbsence, type TargetProfile } from '../targets/target';
import { type Alert, agentLabel, fromManager, SRCIP_CHARACTERS, USER_CHARACTERS } from './alert';
import { osRegexMatch, STEPS_PER_MATCH, type StepBudget, stepBudget } from './os-regex';
import { checkWhiteList, readWhiteList, type WhiteListCheck, type WhiteListEntry } from './white-list';

export type { Alert } from './alert';

/** The check that decided, in the daemon's order. */
export type Stage =
  | 'start-up'
  | 'rule'
  | 'binding'
  | 'alert-fields'
  | 'exec-queue'
  | 'white-list'
  | 'queue'
  | 'fires'
  /** The binding could not be decided: the rules_group is too complex to evaluate within the step budget. */
  | 'undecided';

export interface SimulatedResponse {
  blockIndex: number;
  command?: string;
  fires: boolean;
  /** Why it fires, or the first condition that stops it, in a sentence. */
  reason: string;
  stage: Stage;
  /** Where it runs: `the manager`, `agent 001`, `every active agent`. */
  hosts: string[];
  /** Seconds before it is undone; 0 when stateless. */
  timeout: number;
  stateful: boolean;
  /** The ar.conf name that `agent_control -f` takes. */
  arConfName?: string;
  /** Seconds the block lasts for the 1st, 2nd, … offence, when the manager runs it and this file sets repeated offenders. */
  offences?: number[];
  /** The white-list entry that silenced it. */
  whiteListed?: WhiteListEntry;
  /** Whose execd runs it for this alert, fired or not: the manager's, or the agents'; absent when analysisd drops it. */
  runsOn?: 'manager' | 'agents';
}

export interface Simulation {
  /** Firing responses first, each group in document order. */
  responses: SimulatedResponse[];
  /** `2 of 14 responses fire, on agent 001 and the manager.` */
  summary: string;
  /** How the source IP met the white list, when the alert has one. */
  whiteList: (WhiteListCheck & { entries: number }) | null;
  /** The `repeated_offenders` the manager's own execd reads from this file, as written. */
  managerOffenders: string | null;
  notes: string[];
}

const SKIPPED: Record<string, string> = {
  disabled: 'it is disabled',
  skipped: 'an earlier block says disabled yes, and this OSSEC version never re-enables the blocks after it',
  'offenders-only': 'it has no command or location: analysisd keeps only its repeated_offenders for execd',
  dropped: 'Wazuh drops it at start-up: agent_id 0 is not an agent (1306)',
  refused: 'the manager refuses this block, so it does not start with this file',
};

/** `Rule_AddAR()`'s reading of `rules_id`: blanks and extra commas skipped, `atoi` up to the next comma. */
export function ruleIdsOf(value: string): number[] {
  const ids: number[] = [];
  let i = 0;
  while (i < value.length) {
    const ch = value[i];
    if (ch === ' ' || ch === ',') {
      i++;
    } else if (ch >= '0' && ch <= '9') {
      ids.push(atoi(value.slice(i)));
      const comma = value.indexOf(',', i);
      if (comma === -1) break;
      i = comma + 1;
    } else {
      break;
    }
  }
  return ids;
}

/**
 * `OS_Regex(rules_group, rule->group)` as the target runs it (os-regex.ts). A pattern the daemon does not
 * compile matches nothing; one its matcher would take millions of steps on is undecided (`matches` null)
 * rather than left to freeze the page.
 */
function groupMatch(
  pattern: string,
  groups: string,
  target: TargetProfile,
  budget: StepBudget,
  doc: ConfigDocument,
): { matches: boolean | null; problem?: string } {
  const result = osRegexMatch(pattern, groups, target.osRegex, { budget, patternEncoding: doc.encoding });
  switch (result.outcome) {
    case 'match':
      return { matches: true };
    case 'no-match':
      return { matches: false };
    case 'refused':
      return {
        matches: false,
        problem: `the daemon cannot compile ${pattern} (${result.reason}), so it matches no group`,
      };
    case 'too-complex':
      return {
        matches: null,
        problem: `${pattern} is too complex to evaluate against these groups (more than ${STEPS_PER_MATCH.toLocaleString('en-US')} steps of the daemon's matcher)`,
      };
  }
}

/**
 * Whether `Rule_AddAR()` binds the response to the alert's rule, and why, naming only what decided; null
 * when that turns on a rules_group too complex to evaluate.
 */
function binding(
  r: ResponseModel,
  alert: Alert,
  target: TargetProfile,
  budget: StepBudget,
  doc: ConfigDocument,
): { matches: boolean | null; reason: string } {
  const levelText = fieldValue(r.block, 'level');
  const level = levelText !== undefined && isAllDigits(levelText) ? atoi(levelText) : 0;
  const group = fieldValue(r.block, 'rules_group');
  const idsText = fieldValue(r.block, 'rules_id');
  const levelMatches = level > 0 && alert.level >= level;
  // Even an empty <rules_group> reaches OS_Regex, which matches every group string on Wazuh 4.2 and later.
  const groups = group === undefined ? null : groupMatch(group, alert.groups, target, budget, doc);
  const groupMatches = groups?.matches === true;
  const ids = idsText === undefined ? [] : ruleIdsOf(idsText);
  const idMatches = ids.includes(alert.ruleId);
  if (level === 0 && group === undefined && idsText === undefined)
    return { matches: false, reason: 'it has no level, rules_id or rules_group, so it is bound to no rule' };

  const groupClause = (matched: boolean) =>
    groups?.problem ?? (matched ? `the groups match ${group}` : `the groups do not match ${group}`);
  const levelClause = (matched: boolean) =>
    matched ? `level ${alert.level} ≥ ${level}` : `level ${alert.level} is below ${level}`;
  const idClause = (matched: boolean) =>
    matched
      ? `rule ${alert.ruleId} is in its rules_id`
      : `rule ${alert.ruleId} is not in ${ids.join(', ') || 'its rules_id'}`;

  const clauses: Array<{ matched: boolean; text: string }> = [];
  if (level > 0 && group !== undefined && target.levelAndGroup === 'and') {
    const both = levelMatches && groupMatches;
    clauses.push({
      matched: both,
      text: both
        ? `level ${alert.level} ≥ ${level} and the groups match ${group}`
        : `it needs level ${level} or more and a group matching ${group} together: ${
            levelMatches ? groupClause(false) : levelClause(false)
          }`,
    });
  } else {
    if (level > 0) clauses.push({ matched: levelMatches, text: levelClause(levelMatches) });
    if (group !== undefined) clauses.push({ matched: groupMatches, text: groupClause(groupMatches) });
  }
  if (idsText !== undefined) clauses.push({ matched: idMatches, text: idClause(idMatches) });
  const matched = clauses.filter((c) => c.matched);
  if (matched.length > 0) return { matches: true, reason: matched.map((c) => c.text).join(' and ') };
  // Nothing else binds it, and the group could not be decided: neither can the binding, unless the level
  // alone already rules it out where level and group must match together.
  const undecided = groups?.matches === null && !(clauses.length === 1 && level > 0 && !levelMatches);
  return { matches: undecided ? null : false, reason: clauses.map((c) => c.text).join('; ') };
}

interface Expects {
  srcip: boolean;
  user: boolean;
  filename: boolean;
}

/** OSSEC and Wazuh before 4.2 read `<expect>` by substrings once it has 4 characters or more (§5.5). */
function expectsOf(r: ResponseModel, target: TargetProfile): Expects {
  const none = { srcip: false, user: false, filename: false };
  if (target.expect === 'ignored' || !r.resolved) return none;
  const text = r.resolved.block
    ? (fieldValue(r.resolved.block, 'expect') ?? '')
    : (target.stockCommands.find((s) => s.name === r.command)?.expect ?? '');
  if (text.length < 4) return none;
  const lower = text.toLowerCase();
  return {
    srcip: lower.includes('srcip'),
    user: lower.includes('user'),
    filename: lower.includes('filename'),
  };
}

/** The checks of `analysisd.c` before `OS_Exec()`, in its order: user, then source IP, then file name. */
function alertFieldsStop(expects: Expects, alert: Alert, target: TargetProfile): string | null {
  const craftedUser = alert.user !== undefined && !USER_CHARACTERS.test(alert.user);
  const craftedIp = alert.srcip !== undefined && !SRCIP_CHARACTERS.test(alert.srcip);
  if (target.expect === 'ignored') {
    if (craftedUser) return `the user name ${alert.user} has characters analysisd refuses (CRAFTED_USER)`;
    if (craftedIp) return `the source IP ${alert.srcip} has characters analysisd refuses (CRAFTED_IP)`;
    return null;
  }
  if (expects.user && (alert.user === undefined || craftedUser))
    return alert.user === undefined
      ? 'its command expects user and the alert has no user (dstuser)'
      : `its command expects user and ${alert.user} has characters analysisd refuses (CRAFTED_USER)`;
  if (expects.srcip && (alert.srcip === undefined || craftedIp))
    return alert.srcip === undefined
      ? 'its command expects srcip and the alert has no source IP'
      : `its command expects srcip and ${alert.srcip} has characters analysisd refuses (CRAFTED_IP)`;
  if (expects.filename && alert.filename === undefined)
    return 'its command expects filename and the alert has no file name';
  return null;
}

function agentHost(id: string): string {
  return `agent ${String(atoi(id)).padStart(3, '0')}`;
}

/**
 * `OS_Exec()`: the manager when the location says server, or local for an alert of the manager's own;
 * otherwise one target for the agents: every agent for `all`, then the defined agent or the alert's agent in
 * the version's order.
 */
function dispatch(
  r: ResponseModel,
  alert: Alert,
  target: TargetProfile,
): { onManager: boolean; hosts: string[] } {
  if (r.bits.server || (r.bits.local && fromManager(alert)))
    return { onManager: true, hosts: ['the manager'] };
  if (r.bits.all)
    return { onManager: false, hosts: [target.product === 'wazuh' ? 'every active agent' : 'every agent'] };
  const origin = r.bits.local ? agentLabel(alert) : null;
  const defined = r.bits.definedAgent && r.agentId !== undefined ? agentHost(r.agentId) : null;
  // A response accepted at start-up names one of the two: `local`, or `defined-agent` with its agent_id.
  const host = (target.agentBeforeOrigin ? (defined ?? origin) : (origin ?? defined)) as string;
  return { onManager: false, hosts: [host] };
}

/** Hosts named in a summary before the rest are counted: a file with thousands of agents keeps it one line. */
const HOSTS_NAMED = 5;

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length > HOSTS_NAMED + 1) {
    const rest = items.length - HOSTS_NAMED;
    return `${items.slice(0, HOSTS_NAMED).join(', ')} and ${rest.toLocaleString('en')} other hosts`;
  }
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `2 of 14 responses fire, on agent 001 and the manager.` */
export function summarize(responses: SimulatedResponse[]): string {
  const total = responses.length;
  if (total === 0) return 'This file has no active response.';
  const firing = responses.filter((r) => r.fires);
  const undecided = responses.filter((r) => r.stage === 'undecided').length;
  const open = undecided === 0 ? '' : ` ${undecided} could not be decided (too complex to evaluate).`;
  const noun = total === 1 ? 'response' : 'responses';
  if (firing.length === 0 && undecided === 0)
    return total === 1 ? 'The one response does not fire.' : `None of the ${total} responses fires.`;
  if (firing.length === 0)
    return total === 1
      ? 'The one response could not be decided (too complex to evaluate).'
      : `None of the ${total} responses is known to fire.${open}`;
  const hosts = [...new Set(firing.flatMap((r) => r.hosts))];
  return `${firing.length.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun} ${firing.length === 1 ? 'fires' : 'fire'}, on ${joinAnd(hosts)}.${open}`;
}

export function simulate(doc: ConfigDocument, alert: Alert, target: TargetProfile): Simulation {
  const absence = fileResponsesAbsence(target);
  if (absence) return { responses: [], summary: absence, whiteList: null, managerOffenders: null, notes: [] };
  const model = emulateAnalysisd(doc, target);
  const notes: string[] = [];

  // A `disabled` yes block resets the queue flags collected so far (§5.8): only the blocks after the last
  // one open the manager's queue (LOCAL_AR) and the agents' queue (REMOTE_AR).
  // On OSSEC 2.8 the flag is never reset: one such block turns active response off altogether.
  let localQueue = false;
  let remoteQueue = false;
  let switchedOff = false;
  for (const r of model.responses) {
    if (r.outcome === 'disabled') {
      localQueue = false;
      remoteQueue = false;
      switchedOff ||= target.disabledSkipsLaterBlocks;
    }
    if (r.outcome !== 'accepted') continue;
    if (r.bits.server || r.bits.local) localQueue = true;
    if (r.bits.all || r.bits.local || r.bits.definedAgent) remoteQueue = true;
  }
  if (switchedOff) {
    localQueue = false;
    remoteQueue = false;
    notes.push('A disabled yes block turns active response off for the whole manager on this OSSEC version.');
  }

  const list = readWhiteList(doc, target);
  for (const entry of list.refused)
    notes.push(
      `The manager does not start with this file: <${entry.element}>${entry.value}</${entry.element}> gives ${entry.daemonMessage}`,
    );
  const whiteList =
    alert.srcip === undefined
      ? null
      : { ...checkWhiteList(list, alert.srcip, target), entries: list.entries.length };

  const budget = stepBudget();
  const execd = execdView(doc, target).offenders;
  const offenders = execd?.minutes;
  const rule = `rule ${alert.ruleId}`;
  const responses = model.responses.map((r): SimulatedResponse => {
    const stateful =
      r.outcome === 'accepted' && (r.resolved?.timeoutAllowed ?? false) && r.effectiveTimeout > 0;
    const base = {
      blockIndex: r.block.index,
      command: r.command,
      hosts: [] as string[],
      timeout: stateful ? r.effectiveTimeout : 0,
      stateful,
      arConfName:
        r.outcome === 'accepted' && r.command !== undefined
          ? arConfKey(r.command, r.effectiveTimeout)
          : undefined,
      runsOn: undefined as SimulatedResponse['runsOn'],
    };
    const stop = (stage: Stage, reason: string): SimulatedResponse => ({
      ...base,
      fires: false,
      stage,
      reason: `Does not fire: ${reason}.`,
    });
    if (r.outcome !== 'accepted') return stop('start-up', SKIPPED[r.outcome]);
    const { hosts, onManager } = dispatch(r, alert, target);
    base.runsOn = onManager ? 'manager' : 'agents';
    if (alert.level === 0)
      return stop('rule', `${rule} has level 0, and analysisd binds no response to a rule of level 0`);
    if (alert.noAr) return stop('rule', `${rule} has the no_ar option, so analysisd binds no response to it`);
    const bound = binding(r, alert, target, budget, doc);
    if (bound.matches === null)
      return { ...base, fires: false, stage: 'undecided', reason: `Undecided: ${bound.reason}.` };
    if (!bound.matches) return stop('binding', bound.reason);
    const held = (stage: Stage, why: string): SimulatedResponse => ({
      ...base,
      fires: false,
      stage,
      reason: `Bound to ${rule} (${bound.reason}), but not run: ${why}.`,
    });
    const expects = expectsOf(r, target);
    const fieldStop = alertFieldsStop(expects, alert, target);
    if (fieldStop) return held('alert-fields', fieldStop);
    if (target.execQueueGatesAll && !localQueue)
      return held(
        'exec-queue',
        "analysisd never calls OS_Exec: this OSSEC version does so only while it holds execd's queue, which it opens only when some response runs on the manager (server or local), and none does",
      );
    const whiteListed =
      whiteList?.hit && (target.expect === 'ignored' || expects.srcip) ? whiteList.hit : null;
    if (whiteListed) {
      const entry = whiteListed.entry;
      const where = entry ? ` (<${entry.element}> on line ${entry.line})` : '';
      return {
        ...held('white-list', `the source IP is white-listed: ${whiteListed.because}${where}`),
        whiteListed: whiteListed.entry,
      };
    }
    if (!(onManager ? localQueue : remoteQueue))
      return held('queue', `a disabled yes block closed the ${onManager ? "manager's" : "agents'"} queue`);
    const offences =
      stateful && onManager && offenders && offenders.length > 0
        ? [base.timeout, ...offenders.map((minutes) => minutes * 60)]
        : undefined;
    return { ...base, hosts, fires: true, stage: 'fires', reason: `Fires: ${bound.reason}.`, offences };
  });
  if (
    fieldsNamedAnywhere(doc, 'repeated_offenders') &&
    responses.some((r) => r.fires && !r.hosts.includes('the manager'))
  ) {
    notes.push("Repeated offenders on agents come from each agent's own ossec.conf, which this file is not.");
  }
  if (whiteList?.note) notes.push(`${whiteList.note}.`);
  if (responses.some((r) => r.stage === 'undecided')) {
    notes.push(
      'Some rules_group patterns are too complex to evaluate here: the daemon would run its matcher for millions of steps on them. Simplify them, or test them on a manager.',
    );
  }
  const ordered = [...responses.filter((r) => r.fires), ...responses.filter((r) => !r.fires)];
  return {
    responses: ordered,
    summary: summarize(responses),
    whiteList,
    managerOffenders: execd?.child.value ?? null,
    notes,
  };
}

function fieldsNamedAnywhere(doc: ConfigDocument, element: string): boolean {
  return doc.blocks.some((b) => b.inConfigRoot && fieldsNamed(b, element).length > 0);
}

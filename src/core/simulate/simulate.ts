/**
 * Which responses fire for one alert, where, and for how long (DESIGN §5), following the manager: the
 * binding of responses to rules in `Rule_AddAR()` (reference §5.2–5.3), the `expect` gate of OSSEC and
 * Wazuh before 4.2 (§5.5), the dispatch of `OS_Exec()` (§5.1) and the queues that `disabled` yes leaves
 * open (§5.8).
 */

import { emulateAnalysisd, type ResponseModel } from '../derive/analysisd';
import { arConfKey } from '../derive/ar-conf';
import { atoi, isAllDigits } from '../derive/c-atoi';
import { execdView } from '../derive/execd';
import { fieldsNamed, fieldValue } from '../model/fields';
import type { ConfigDocument } from '../model/types';
import { fileResponsesAbsence, type TargetProfile } from '../targets/target';
import { osRegexToRegExp } from './os-regex';

export interface Alert {
  ruleId: number;
  level: number;
  /** The rule's group string as analysisd builds it, e.g. `syslog,sshd,authentication_failed,`. */
  groups: string;
  /** The agent that raised the alert; `000` (or absent) is the manager itself. */
  agentId?: string;
  srcip?: string;
  user?: string;
  filename?: string;
}

export interface SimulatedResponse {
  blockIndex: number;
  command?: string;
  fires: boolean;
  /** Why it fires or not, in a sentence. */
  reason: string;
  /** Where it runs: `the manager`, `agent 001`, `every active agent`. */
  hosts: string[];
  /** Seconds before it is undone; 0 when stateless. */
  timeout: number;
  stateful: boolean;
  /** The ar.conf name that `agent_control -f` takes. */
  arConfName?: string;
  /** Seconds the block lasts for the 1st, 2nd, … offence, when the manager runs it and this file sets repeated offenders. */
  offences?: number[];
}

export interface Simulation {
  responses: SimulatedResponse[];
  notes: string[];
}

const SRCIP_ALLOWED = /^[a-zA-Z.:_0-9-]*$/;
const USER_ALLOWED = /^[a-zA-Z._0-9@?-]*$/;

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

function matchReason(
  r: ResponseModel,
  alert: Alert,
  target: TargetProfile,
): { matches: boolean; reason: string } {
  const levelText = fieldValue(r.block, 'level');
  const level = levelText !== undefined && isAllDigits(levelText) ? atoi(levelText) : 0;
  const group = fieldValue(r.block, 'rules_group');
  const idsText = fieldValue(r.block, 'rules_id');
  const levelMatches = level > 0 && alert.level >= level;
  const groupRegex = group ? osRegexToRegExp(group) : null;
  const groupMatches = groupRegex?.test(alert.groups) === true;
  const ids = idsText === undefined ? [] : ruleIdsOf(idsText);
  const idMatches = ids.includes(alert.ruleId);

  const because: string[] = [];
  let matches: boolean;
  if (level > 0 && group !== undefined && target.levelAndGroup === 'and') {
    matches = levelMatches && groupMatches;
    because.push(
      matches
        ? `level ${alert.level} ≥ ${level} and the groups match ${group}`
        : `it needs both level ≥ ${level} and a group matching ${group}`,
    );
  } else {
    matches = levelMatches || groupMatches;
    if (level > 0)
      because.push(levelMatches ? `level ${alert.level} ≥ ${level}` : `level ${alert.level} < ${level}`);
    if (group !== undefined)
      because.push(groupMatches ? `the groups match ${group}` : `the groups do not match ${group}`);
  }
  if (idsText !== undefined) {
    matches ||= idMatches;
    because.push(
      idMatches
        ? `rule ${alert.ruleId} is listed`
        : `rule ${alert.ruleId} is not in ${ids.join(', ') || 'its rules_id'}`,
    );
  }
  if (because.length === 0)
    return { matches: false, reason: 'it has no level, rules_id or rules_group, so it is bound to no rule' };
  return { matches, reason: because.join('; ') };
}

/** OSSEC and Wazuh before 4.2 run a response only when the alert has the fields its command expects. */
function expectGate(r: ResponseModel, alert: Alert, target: TargetProfile): string | null {
  if (target.expect === 'ignored') {
    if (alert.srcip !== undefined && !SRCIP_ALLOWED.test(alert.srcip))
      return 'the source IP has characters execd refuses';
    if (alert.user !== undefined && !USER_ALLOWED.test(alert.user))
      return 'the user name has characters execd refuses';
    return null;
  }
  const expect = r.resolved?.block ? (fieldValue(r.resolved.block, 'expect') ?? '') : '';
  const wanted = expect.length >= 4 ? expect.toLowerCase() : '';
  if (wanted.includes('srcip') && (alert.srcip === undefined || !SRCIP_ALLOWED.test(alert.srcip))) {
    return 'its command expects srcip and the alert has no usable source IP';
  }
  if (wanted.includes('user') && (alert.user === undefined || !USER_ALLOWED.test(alert.user))) {
    return 'its command expects user and the alert has no usable user name';
  }
  if (wanted.includes('filename') && alert.filename === undefined) {
    return 'its command expects filename and the alert has none';
  }
  return null;
}

function agentName(id: string): string {
  return `agent ${String(atoi(id)).padStart(3, '0')}`;
}

/** `OS_Exec()`: the manager alone, or the agents the location names. */
function hostsOf(r: ResponseModel, alert: Alert): { hosts: string[]; onManager: boolean } {
  const fromManager = alert.agentId === undefined || atoi(alert.agentId) === 0;
  if (r.bits.server || (r.bits.local && fromManager)) return { hosts: ['the manager'], onManager: true };
  const hosts: string[] = [];
  if (r.bits.local && alert.agentId !== undefined) hosts.push(agentName(alert.agentId));
  if (r.bits.definedAgent && r.agentId !== undefined) hosts.push(agentName(r.agentId));
  if (r.bits.all) hosts.push('every active agent');
  return { hosts, onManager: false };
}

const SKIPPED: Record<string, string> = {
  disabled: 'it is disabled',
  skipped: 'an earlier block says disabled yes, and this OSSEC version never re-enables the blocks after it',
  'offenders-only': 'it has no command or location: analysisd keeps only its repeated_offenders for execd',
  dropped: 'Wazuh drops it at start-up: agent_id 0 is not an agent (1306)',
  refused: 'the manager refuses this block, so it does not start with this file',
};

export function simulate(doc: ConfigDocument, alert: Alert, target: TargetProfile): Simulation {
  const absence = fileResponsesAbsence(target);
  if (absence) return { responses: [], notes: [absence] };
  const model = emulateAnalysisd(doc, target);
  const notes: string[] = [];
  if (alert.level === 0) notes.push('A rule of level 0 never triggers an active response.');

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

  const offenders = execdView(doc, target).offenders?.minutes;
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
    };
    if (r.outcome !== 'accepted')
      return { ...base, fires: false, reason: `Does not fire: ${SKIPPED[r.outcome]}.` };
    if (alert.level === 0) return { ...base, fires: false, reason: 'Does not fire: the rule has level 0.' };
    const { matches, reason } = matchReason(r, alert, target);
    if (!matches) return { ...base, fires: false, reason: `Does not fire: ${reason}.` };
    const gate = expectGate(r, alert, target);
    if (gate)
      return { ...base, fires: false, reason: `Bound to the rule (${reason}), but not run: ${gate}.` };
    const { hosts, onManager } = hostsOf(r, alert);
    if (hosts.length === 0)
      return {
        ...base,
        fires: false,
        reason: `Bound to the rule (${reason}), but it names no host for this alert.`,
      };
    const queueOpen = onManager ? localQueue : remoteQueue;
    if (!queueOpen) {
      return {
        ...base,
        fires: false,
        reason: `Bound to the rule (${reason}), but a disabled yes block closed the ${onManager ? "manager's" : "agents'"} queue.`,
      };
    }
    const offences =
      stateful && onManager && offenders && offenders.length > 0
        ? [base.timeout, ...offenders.map((minutes) => minutes * 60)]
        : undefined;
    return { ...base, hosts, fires: true, reason: `Fires: ${reason}.`, offences };
  });
  if (
    fieldsNamedAnywhere(doc, 'repeated_offenders') &&
    responses.some((r) => r.fires && !r.hosts.includes('the manager'))
  ) {
    notes.push("Repeated offenders on agents come from each agent's own ossec.conf, which this file is not.");
  }
  return { responses, notes };
}

function fieldsNamedAnywhere(doc: ConfigDocument, element: string): boolean {
  return doc.blocks.some((b) => b.inConfigRoot && fieldsNamed(b, element).length > 0);
}

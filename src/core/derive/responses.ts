/**
 * Per response: what the manager keeps of it (DESIGN §5): the command it resolves to, whether it is
 * stateful, its effective timeout on the target, its ar.conf line, and one plain-English sentence.
 */

import { fieldValue } from '../model/fields';
import type { ConfigDocument } from '../model/types';
import type { RoleOption } from '../targets/role';
import { type TargetProfile, toProfile } from '../targets/target';
import {
  analysisdReadsResponses,
  emulateAnalysisd,
  type ResponseModel,
  type ResponseOutcome,
} from './analysisd';
import { arConfLine } from './ar-conf';
import { atoi } from './c-atoi';
import { execdView } from './execd';

export interface ResponseSummary {
  blockIndex: number;
  outcome: ResponseOutcome;
  /** The `<command>` value as written. */
  command?: string;
  /** The block of the first definition above (first definition wins); absent for a fragment's stock command. */
  commandBlockIndex?: number;
  executable?: string;
  /** The command allows a timeout and the effective timeout is above 0: execd undoes it (§5.4). */
  stateful: boolean;
  /** Seconds, after `atoi` and the Wazuh 3.7+ reset. */
  effectiveTimeout: number;
  arConfLine?: string;
  /** Minutes for the 2nd, 3rd, … offence, from this file's execd, where it runs the response (§5.6). */
  repeatOffenderMinutes: number[];
  summary: string;
}

function where(r: ResponseModel): string {
  if (r.bits.server) return 'on the manager';
  if (r.bits.local) return 'on the agent that raised the alert';
  const places: string[] = [];
  if (r.bits.definedAgent) places.push(`on agent ${String(atoi(r.agentId ?? '')).padStart(3, '0')}`);
  if (r.bits.all) places.push('on every active agent');
  return places.join(' and ');
}

/** When the response fires, or null when nothing can make it fire. */
function trigger(r: ResponseModel, target: TargetProfile): string | null {
  const levelText = fieldValue(r.block, 'level');
  const level = levelText === undefined ? 0 : atoi(levelText);
  const group = fieldValue(r.block, 'rules_group') || undefined;
  const ids = (fieldValue(r.block, 'rules_id') ?? '').split(/[\s,]+/).filter(Boolean);
  const alternatives: string[] = [];
  if (level > 0 && group && target.levelAndGroup === 'and') {
    alternatives.push(`a rule of level ${level} or more in group ${group}`);
  } else {
    if (level > 0) alternatives.push(`a rule of level ${level} or more`);
    if (group) alternatives.push(`a rule in group ${group}`);
  }
  if (ids.length > 0) alternatives.push(ruleList(ids));
  if (alternatives.length === 0) return null;
  return `when ${alternatives.join(', or ')} fires`;
}

/** Past this many rule IDs the sentence names the first few and counts the rest. */
const LISTED_IDS = 6;

/** One rule fires at a time, so the list reads "rule 1, 2 or 3" and takes a singular verb. */
function ruleList(ids: readonly string[]): string {
  if (ids.length === 1) return `rule ${ids[0]}`;
  if (ids.length > LISTED_IDS) return `one of ${ids.length} rules (${ids.slice(0, 3).join(', ')}, …)`;
  return `rule ${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}`;
}

function undo(r: ResponseModel, stateful: boolean, offenders: number[]): string {
  if (r.timeoutReset)
    return 'never undone: its timeout is reset to 0 because the command lacks timeout_allowed yes';
  if (!stateful) return 'never undone (stateless)';
  const repeat = offenders.length > 0 ? `, then ${offenders.join(', ')} min for repeat offenders` : '';
  return `undone after ${r.effectiveTimeout} s${repeat}`;
}

const NOT_RUN: Record<Exclude<ResponseOutcome, 'accepted'>, string> = {
  disabled: 'Disabled: the manager drops this response.',
  skipped: 'Skipped: an earlier disabled yes turns off every later response on OSSEC 2.8.',
  'offenders-only':
    "Only sets repeat-offender timeouts for this host's execd; the manager ignores it otherwise.",
  dropped: 'Dropped by the manager: agent_id is not a valid agent ID (use location server for the manager).',
  refused: 'Refused: the manager does not start with this response as written.',
};

function summarize(r: ResponseModel, target: TargetProfile, stateful: boolean, offenders: number[]): string {
  if (r.outcome !== 'accepted') return NOT_RUN[r.outcome];
  const when = trigger(r, target);
  if (when === null) {
    return `Never fires: it has no level, rules_id or rules_group (it would run ${r.command} ${where(r)}).`;
  }
  return `Runs ${r.command} ${where(r)} ${when}; ${undo(r, stateful, offenders)}.`;
}

/** One summary per `<active-response>` analysisd reads, in document order (none for an agent's file). */
export function deriveResponses(
  doc: ConfigDocument,
  target: TargetProfile | string,
  role: RoleOption = 'auto',
): ResponseSummary[] {
  const profile = toProfile(target);
  if (!analysisdReadsResponses(doc, profile, role)) return [];
  const model = emulateAnalysisd(doc, profile);
  const offenders = execdView(doc, profile).offenders?.minutes ?? [];
  return model.responses.map((r) => {
    const stateful = r.outcome === 'accepted' && !!r.resolved?.timeoutAllowed && r.effectiveTimeout > 0;
    // The manager's own repeated_offenders only applies where the manager's execd runs the script.
    const applicable = r.bits.server || r.bits.local ? offenders : [];
    return {
      blockIndex: r.block.index,
      outcome: r.outcome,
      command: r.command,
      commandBlockIndex: r.resolved?.block?.index,
      executable: r.resolved?.executable,
      stateful,
      effectiveTimeout: r.outcome === 'accepted' ? r.effectiveTimeout : 0,
      arConfLine: arConfLine(r),
      repeatOffenderMinutes: stateful ? applicable : [],
      summary: summarize(r, profile, stateful, applicable),
    };
  });
}

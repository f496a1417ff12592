/**
 * The alert a simulation plays, and the check of every field the admin types or pastes: each wrong value
 * is named with what the daemon expects instead. An error means no real alert can look like this (a rule
 * ID with letters, level 17); a warning means the daemon meets such a value and treats it specially (a
 * source IP it cannot parse, a user name it refuses to pass to a script).
 */

import type { TargetProfile } from '../targets/target';
import { inetAton, ptonHost } from './ip';

export interface Alert {
  ruleId: number;
  level: number;
  /** The rule's group string as analysisd builds it, e.g. `syslog,sshd,authentication_failures,`. */
  groups: string;
  /** The agent that raised the alert, as the manager prints it (`001`); `000` (or absent) is the manager itself. */
  agentId?: string;
  /** The agent's name, when the alert names the agent but not its ID (OSSEC's alerts.log). */
  agentName?: string;
  srcip?: string;
  /** The alert's `dstuser`, the user name active response passes on. */
  user?: string;
  filename?: string;
  /** The rule has `<options>no_ar</options>`: analysisd binds no response to it. */
  noAr?: boolean;
}

/** An alert as typed or pasted: text, checked before it becomes an {@link Alert}. */
export interface AlertInput {
  ruleId: string;
  level: string;
  groups: string;
  /** An agent ID (`001`), an agent name (`web01`), or empty for the manager. */
  agent: string;
  srcip: string;
  user: string;
  filename: string;
  noAr: boolean;
}

export type AlertField = Exclude<keyof AlertInput, 'noAr'>;

export const ALERT_FIELD_LABELS: Record<AlertField, string> = {
  ruleId: 'Rule ID',
  level: 'Level',
  groups: 'Groups',
  agent: 'Agent',
  srcip: 'Source IP',
  user: 'User',
  filename: 'File name',
};

export interface AlertProblem {
  field: AlertField;
  severity: 'error' | 'warning';
  message: string;
}

export const EMPTY_ALERT_INPUT: AlertInput = {
  ruleId: '',
  level: '',
  groups: '',
  agent: '',
  srcip: '',
  user: '',
  filename: '',
  noAr: false,
};

/** analysisd refuses to run a response for an alert whose source IP or user has other characters (CRAFTED_IP/USER). */
export const SRCIP_CHARACTERS = /^[a-zA-Z.:_0-9-]*$/;
export const USER_CHARACTERS = /^[a-zA-Z._0-9@?-]*$/;

/** `OS_IsValidName()`: what manage_agents and authd accept as an agent name. */
const AGENT_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{1,127}$/;

function checkRuleId(text: string): string | null {
  if (text === '') return 'Give the rule ID, for example 5712.';
  if (!/^[0-9]+$/.test(text)) return `A rule ID is digits only (got '${text}').`;
  if (text.length > 6)
    return `A rule ID has at most 6 digits: analysisd refuses longer ones (got ${text.length}).`;
  return null;
}

function checkLevel(text: string): string | null {
  if (text === '') return 'Give the rule level, from 0 to 16.';
  if (!/^[0-9]+$/.test(text) || Number(text) > 16)
    return `A rule level is a number from 0 to 16 (got '${text}').`;
  return null;
}

function checkAgent(text: string): string | null {
  if (text === '' || /^[0-9]{3,}$/.test(text)) return null;
  if (/^[0-9]+$/.test(text))
    return `Agent IDs are written with at least three digits, as the manager prints them: ${text.padStart(3, '0')}, not ${text}.`;
  if (!AGENT_NAME.test(text))
    return `'${text}' is neither an agent ID (001) nor an agent name (2–128 letters, digits, '-', '_' or '.', not starting with '.').`;
  return null;
}

function checkGroups(text: string): string | null {
  if (text === '') return null;
  if (text.includes('|'))
    return "A rule's groups are separated by commas; '|' separates alternatives in a response's rules_group, not here.";
  if (/\s/.test(text))
    return 'Rule group strings have no blanks (syslog,sshd,); a blank is compared like any other character.';
  if (!text.endsWith(','))
    return `analysisd's group strings end with a comma (${text},): without it a rules_group written as '${text.split(',').at(-1)},' does not match.`;
  return null;
}

/** How the target's analysisd reads a source IP, for the white list. */
function checkSrcip(text: string, target: TargetProfile): string | null {
  if (text === '') return null;
  if (!SRCIP_CHARACTERS.test(text))
    return `analysisd refuses to run a response for a source IP with characters other than letters, digits, '.', ':', '_' and '-' (CRAFTED_IP).`;
  const ip = text.startsWith('::ffff:') ? text.slice(7) : text;
  const reader = target.whiteList.addresses;
  if (reader === 'inet-pton' && !ptonHost(ip))
    return `${target.label} does not read '${ip}' as an IPv4 or IPv6 address (inet_pton), so no white_list address can match it.`;
  if (reader === 'getaddrinfo' && inetAton(ip) === null && !ptonHost(ip) && ip !== 'any')
    return `${target.label} does not read '${ip}' as an address (getaddrinfo), so no white_list address can match it.`;
  if (reader === 'inet-addr' && inetAton(ip) === null)
    return `${target.label} reads source IPs with inet_addr, which cannot read '${ip}' and compares it as 255.255.255.255.`;
  return null;
}

function checkUser(text: string): string | null {
  if (text === '' || USER_CHARACTERS.test(text)) return null;
  return "analysisd refuses to run a response for a user name with characters other than letters, digits, '.', '_', '@', '?' and '-' (CRAFTED_USER).";
}

/** Checks every field; the alert is there when no field has an error. */
export function readAlertInput(
  input: AlertInput,
  target: TargetProfile,
): { alert: Alert | null; problems: AlertProblem[] } {
  const problems: AlertProblem[] = [];
  const add = (field: AlertField, severity: AlertProblem['severity'], message: string | null) => {
    if (message) problems.push({ field, severity, message });
  };
  add('ruleId', 'error', checkRuleId(input.ruleId));
  add('level', 'error', checkLevel(input.level));
  add('groups', 'warning', checkGroups(input.groups));
  add('agent', 'error', checkAgent(input.agent));
  add('srcip', 'warning', checkSrcip(input.srcip, target));
  add('user', 'warning', checkUser(input.user));
  if (problems.some((p) => p.severity === 'error')) return { alert: null, problems };
  const byName = input.agent !== '' && !/^[0-9]+$/.test(input.agent);
  const alert: Alert = {
    ruleId: Number(input.ruleId),
    level: Number(input.level),
    groups: input.groups,
    agentId: input.agent === '' || byName ? undefined : input.agent,
    agentName: byName ? input.agent : undefined,
    srcip: input.srcip === '' ? undefined : input.srcip,
    user: input.user === '' ? undefined : input.user,
    filename: input.filename === '' ? undefined : input.filename,
    noAr: input.noAr,
  };
  return { alert, problems };
}

/** Whether the alert came from the manager itself (agent `000`, or no agent at all). */
export function fromManager(alert: Alert): boolean {
  return alert.agentName === undefined && (alert.agentId === undefined || alert.agentId === '000');
}

/** `agent 001` or `agent web01`. */
export function agentLabel(alert: Alert): string {
  return `agent ${alert.agentName ?? alert.agentId}`;
}

/**
 * A real alert, pasted or read from a file, turned into the fields a simulation needs. Two formats, as the
 * daemons write them:
 * - one line of `alerts.json`: Wazuh's `Eventinfo_to_jsonstr()` (`analysisd/format/to_json.c` and
 *   `json_extended.c`: `rule.id` as text, `rule.groups` plus the compliance lists it splits off,
 *   `agent.id`, `data.srcip`, `data.dstuser`, `syscheck.path`), or OSSEC's (`rule.sidid`, top-level
 *   `srcip`, `dstuser`, `location`, `SyscheckFile.path`); a document copied from the indexer (`_source`)
 *   works too;
 * - one `alerts.log` entry: `OS_Log()` (`analysisd/alerts/log.c`, the same layout in OSSEC and Wazuh):
 *   `** Alert <time>.<id>:[ mail ] - <groups>`, the date and `(agent) ip->location` or `host->location`,
 *   Wazuh's label lines, `Rule: <id> (level <n>) -> '<description>'`, then the optional `Src IP:`,
 *   `Src Location:`, `Src Port:`, `Dst IP:`, `Dst Location:`, `Dst Port:`, `User:` lines and the log.
 */

import { type AlertInput, EMPTY_ALERT_INPUT } from './alert';

export type AlertFormat = 'alerts.json (Wazuh)' | 'alerts.json (OSSEC)' | 'alerts.log';

export type ParsedAlert =
  | { ok: true; format: AlertFormat; input: AlertInput; notes: string[] }
  | { ok: false; message: string };

/** Larger than any alert the daemons write (OS_MAXSTR is 64 KiB of log, plus the JSON around it). */
export const MAX_ALERT_TEXT = 1_000_000;

/** The compliance lists `W_JSON_ParseGroups()` moves out of `rule.groups`, with the prefix it cut off. */
const COMPLIANCE_PREFIXES: Record<string, string> = {
  pci_dss: 'pci_dss_',
  cis: 'cis_',
  gdpr: 'gdpr_',
  gpg13: 'gpg13_',
  hipaa: 'hipaa_',
  nist_800_53: 'nist_800_53_',
  tsc: 'tsc_',
  PCI_DSS: 'pci_dss_',
  CIS: 'cis_',
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `(web01) 10.0.0.21->/var/log/auth.log` → the agent's name; null for the manager's own locations. */
function agentOfLocation(location: string): { name: string } | { agentless: true } | null {
  if (!location.startsWith('(')) return null;
  const close = location.indexOf(') ');
  if (close === -1) return null;
  const name = location.slice(1, close);
  const arrow = location.indexOf('->', close);
  const origin = location.slice(close + 2, arrow === -1 ? undefined : arrow);
  // Agentless monitoring reports `(script) user@host->location` as the manager (agent 000).
  if (origin.includes('@')) return { agentless: true };
  return { name };
}

/** The group string analysisd matched, rebuilt from `rule.groups` and the compliance lists split off it. */
function groupsOf(rule: Json, hasSca: boolean, notes: string[]): string {
  const groups = strings(rule.groups);
  const compliance: string[] = [];
  if (!hasSca) {
    for (const [key, values] of Object.entries(rule)) {
      const prefix = COMPLIANCE_PREFIXES[key];
      if (prefix) compliance.push(...strings(values).map((v) => `${prefix}${v}`));
    }
  }
  if (compliance.length > 0)
    notes.push(
      'Groups rebuilt from rule.groups and the compliance lists split off it (pci_dss, gdpr, …), in the order the JSON gives them.',
    );
  if (hasSca && Object.keys(COMPLIANCE_PREFIXES).some((key) => key in rule))
    notes.push(
      "The compliance lists of an SCA alert come from the check, not from the rule's groups, so they are left out.",
    );
  const all = [...groups, ...compliance];
  return all.length === 0 ? '' : `${all.join(',')},`;
}

function fromJson(root: Json): ParsedAlert {
  const event = isObject(root._source) ? root._source : root;
  const rule = event.rule;
  if (!isObject(rule))
    return {
      ok: false,
      message: 'This JSON has no "rule" object: it is an event (archives.json?), not an alert.',
    };
  const notes: string[] = [];
  const wazuh = 'id' in rule || isObject(event.agent) || isObject(event.data);
  const ruleId = text(wazuh ? rule.id : rule.sidid) ?? text(rule.id) ?? text(rule.sidid) ?? '';
  // Both writers leave `level` out when it is 0.
  const level = text(rule.level) ?? '0';
  if (!('level' in rule)) notes.push('The alert has no rule.level, which the daemons leave out for level 0.');
  const data = isObject(event.data) ? event.data : event;
  const input: AlertInput = {
    ...EMPTY_ALERT_INPUT,
    ruleId,
    level,
    groups: groupsOf(rule, isObject(data.sca), notes),
    srcip: text(data.srcip) ?? '',
    user: text(data.dstuser) ?? '',
  };
  if (input.user === '' && text(data.srcuser))
    notes.push(
      `The alert has a srcuser (${text(data.srcuser)}) but no dstuser; active response passes dstuser only.`,
    );
  if (wazuh) {
    const agent = isObject(event.agent) ? event.agent : null;
    input.agent = text(agent?.id) ?? '';
    if (!agent && isObject(event.agentless)) {
      input.agent = '000';
      notes.push('An agentless alert: it comes from the manager (agent 000).');
    }
    const syscheck = isObject(event.syscheck) ? event.syscheck : null;
    input.filename = text(syscheck?.path) ?? '';
  } else {
    const location = text(event.location) ?? '';
    const agent = agentOfLocation(location);
    input.agent = agent && 'name' in agent ? agent.name : '';
    const syscheck = isObject(event.SyscheckFile) ? event.SyscheckFile : null;
    input.filename = text(syscheck?.path) ?? '';
  }
  return { ok: true, format: wazuh ? 'alerts.json (Wazuh)' : 'alerts.json (OSSEC)', input, notes };
}

const HEADER = '** Alert ';
const FIELD_LINES = [
  'Src IP: ',
  'Src Location: ',
  'Src Port: ',
  'Dst IP: ',
  'Dst Location: ',
  'Dst Port: ',
  'User: ',
];
const DATE_LINE = /^[0-9]{4} [A-Z][a-z]{2} [0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} /;
const RULE_LINE = /^Rule: ([0-9]+) \(level ([0-9]+)\) -> /;
/** The messages of OSSEC's and Wazuh's syscheck decoders, which quote the file name first. */
const FILE_MESSAGE = /^(?:Integrity checksum changed for: |New file |File |Registry Key |Registry Value )'/;

function fromLog(lines: string[], start: number): ParsedAlert {
  const notes: string[] = [];
  const header = lines[start].slice(HEADER.length);
  const colon = header.indexOf(':');
  let rest = colon === -1 ? '' : header.slice(colon + 1);
  if (rest.startsWith(' mail ')) rest = rest.slice(' mail '.length);
  if (colon === -1 || !rest.startsWith(' - '))
    return {
      ok: false,
      message: `The first line does not read as '** Alert <time>.<id>: - <groups>': ${lines[start]}`,
    };
  const groups = rest.slice(3);
  const when = lines[start + 1] ?? '';
  if (!DATE_LINE.test(when))
    return {
      ok: false,
      message: `The second line should be the date and location ('2024 May 14 10:21:33 (web01) 10.0.0.21->/var/log/auth.log'), not: ${when}`,
    };
  const location = when.replace(DATE_LINE, '');
  let i = start + 2;
  // Wazuh writes the agent's labels (`key: value`) before the rule line.
  while (i < lines.length && i < start + 64 && !RULE_LINE.test(lines[i]) && lines[i] !== '') i++;
  const rule = RULE_LINE.exec(lines[i] ?? '');
  if (!rule) return { ok: false, message: "No 'Rule: <id> (level <n>) -> …' line follows the date line." };
  i++;
  const fields = new Map<string, string>();
  let next = 0;
  while (i < lines.length) {
    const at = FIELD_LINES.findIndex((prefix, k) => k >= next && lines[i].startsWith(prefix));
    if (at === -1) break;
    fields.set(FIELD_LINES[at], lines[i].slice(FIELD_LINES[at].length));
    next = at + 1;
    i++;
  }
  const logLine = lines[i] ?? '';
  const agent = agentOfLocation(location);
  const input: AlertInput = {
    ...EMPTY_ALERT_INPUT,
    ruleId: rule[1],
    level: rule[2],
    groups,
    agent: agent && 'name' in agent ? agent.name : '',
    srcip: fields.get('Src IP: ') ?? '',
    user: fields.get('User: ') ?? '',
  };
  if (agent && 'agentless' in agent) notes.push('An agentless alert: it comes from the manager (agent 000).');
  if (agent && 'name' in agent)
    notes.push(`alerts.log names the agent (${agent.name}), not its ID; the simulation uses the name.`);
  const logLocation = location.slice(location.lastIndexOf('->') + 2);
  if (logLocation === 'syscheck' && FILE_MESSAGE.test(logLine)) {
    const first = logLine.indexOf("'");
    const last = logLine.lastIndexOf("'");
    if (last > first) input.filename = logLine.slice(first + 1, last);
  }
  return { ok: true, format: 'alerts.log', input, notes };
}

/** Reads the first alert in `raw`: a JSON alert (one line of alerts.json) or an alerts.log entry. */
export function parseAlert(raw: string): ParsedAlert {
  if (raw.length > MAX_ALERT_TEXT)
    return {
      ok: false,
      message: `That is ${raw.length.toLocaleString('en')} characters; one alert is far less. Paste a single alert.`,
    };
  const trimmed = raw.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, message: 'Paste one line of alerts.json or one alerts.log entry.' };
  if (trimmed.startsWith('{')) {
    const candidates = [trimmed, trimmed.split(/\r?\n/)[0]];
    for (const candidate of candidates) {
      try {
        const value: unknown = JSON.parse(candidate);
        if (isObject(value)) {
          const parsed = fromJson(value);
          if (parsed.ok && candidate !== trimmed)
            parsed.notes.push('Several lines were pasted; the first alert is used.');
          return parsed;
        }
      } catch {
        // Not this candidate; try the next.
      }
    }
    return { ok: false, message: 'This starts like JSON but does not parse as one alerts.json line.' };
  }
  const lines = trimmed.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith(HEADER));
  if (start === -1)
    return {
      ok: false,
      message:
        'Not an alert: paste one line of alerts.json ({"rule":…}) or an alerts.log entry starting with \'** Alert\'.',
    };
  const parsed = fromLog(lines, start);
  const more = lines.slice(start + 1).filter((line) => line.startsWith(HEADER)).length;
  if (parsed.ok && more > 0) parsed.notes.push(`The text holds ${more + 1} alerts; the first one is used.`);
  return parsed;
}

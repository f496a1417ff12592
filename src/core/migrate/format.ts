/**
 * The migration as the CLI prints it and the page downloads it: a compiler-like text report, a Markdown
 * report, and one JSON bundle of every definition and monitor.
 */

import { parseTarget } from '../targets/target';
import { escapeForTerminal } from '../text/invisible-characters';
import { cleanedPatch } from './clean';
import type { MigratedResponse, Migration, MigrationStatus, ReportItem } from './types';

export const STATUS_LABEL: Record<MigrationStatus, string> = {
  exact: 'exact',
  'needs-review': 'needs review',
  'cannot-migrate': 'cannot migrate',
};

export const DEFINITION_REQUEST = 'POST _plugins/_notifications/configs';
export const MONITOR_REQUEST = 'POST _plugins/_alerting/monitors';

/** What every monitor carries, whatever its response's status. */
export const MONITOR_NOTE =
  "Every monitor is created disabled and its query is a suggestion: check it against your findings (GET wazuh-findings-v5-*/_search) before you enable it. Create each definition first: the monitor's action names it by its config_id.";

export function countByStatus(m: Migration): Record<MigrationStatus, number> {
  const counts: Record<MigrationStatus, number> = { exact: 0, 'needs-review': 0, 'cannot-migrate': 0 };
  for (const r of m.responses) counts[r.status]++;
  return counts;
}

export function countsText(m: Migration): string {
  const counts = countByStatus(m);
  const n = m.responses.length;
  if (n === 0) return 'no responses to migrate';
  const parts = (Object.keys(counts) as MigrationStatus[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${STATUS_LABEL[s]}`);
  return `${n} ${n === 1 ? 'response' : 'responses'}: ${parts.join(', ')}`;
}

/** The JSON bundle: every definition, then every monitor, each as the body of its request. */
export function migrationBundle(m: Migration) {
  return {
    version: 1,
    from: m.from,
    to: m.to,
    note: MONITOR_NOTE,
    definitions: {
      request: DEFINITION_REQUEST,
      bodies: m.responses.flatMap((r) => (r.definition ? [r.definition] : [])),
    },
    monitors: {
      request: MONITOR_REQUEST,
      bodies: m.responses.flatMap((r) => (r.monitor ? [r.monitor] : [])),
    },
  };
}

/** What the definition runs, where and for how long, in a few words. */
export function definitionLine(r: MigratedResponse): string {
  const d = r.definition;
  if (!d) return 'no definition';
  const ar = d.config.active_response;
  const where = ar.location === 'defined-agent' ? `agent ${ar.agent_id}` : ar.location;
  const how = ar.type === 'stateful' ? `stateful ${ar.stateful_timeout} s` : 'stateless';
  return `${d.config.name}: ${ar.executable} on ${where}, ${how}${d.config.is_enabled ? '' : ', disabled'}`;
}

const itemLine = (i: ReportItem) => `${i.kind} ${i.subject} [${i.reason}] ${i.text}`;

/** The report as lines for a terminal (FILE:LINE:COL status …); the caller shows control characters. */
export function migrationTextLines(m: Migration, file: string): string[] {
  const from = parseTarget(m.from).label;
  const to = parseTarget(m.to).label;
  const lines = [`${file}: ${from} → ${to} (${m.role}): ${countsText(m)}`];
  for (const r of m.responses) {
    lines.push(
      `${file}:${r.line}:${r.column} ${r.status} ${r.command ?? '(no command)'} → ${definitionLine(r)}`,
    );
    for (const i of r.items) lines.push(`  ${itemLine(i)}`);
    r.checklist.forEach((step, n) => {
      lines.push(`  ${n === 0 ? 'rewrite the script:' : '                   '} ${n + 1}. ${step}`);
    });
  }
  for (const note of m.notes) lines.push(`${file}: note ${itemLine(note)}`);
  if (m.responses.some((r) => r.definition)) {
    lines.push(`${file}: ${MONITOR_NOTE}`);
    lines.push(`${file}: the request bodies: ar-studio migrate --format json ${file}`);
  }
  return lines;
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

function code(text: string, lang: string): string {
  const shown = text.split(/\r?\n/).map(escapeForTerminal).join('\n');
  const f = fence(shown);
  return `${f}${lang}\n${shown.replace(/\n$/, '')}\n${f}`;
}

const cell = (text: string) => escapeForTerminal(text).replaceAll('|', '\\|');

function itemsTable(items: readonly ReportItem[]): string[] {
  return [
    '| | About | What happens | Why |',
    '|---|---|---|---|',
    ...items.map(
      (i) =>
        `| ${i.kind} | ${cell(i.subject)} | ${cell(i.text)} | \`${i.reason}\`${i.source ? ` (${cell(i.source)})` : ''} |`,
    ),
  ];
}

/** The report as Markdown, with both request bodies per response, the agent settings and the diff. */
export function migrationMarkdown(m: Migration, file: string): string {
  const from = parseTarget(m.from).label;
  const to = parseTarget(m.to).label;
  const out: string[] = [
    `# ${cell(file)}: migrating active response to ${to}`,
    '',
    `Written for ${from} · ${m.role} file · ${countsText(m)} · overall: **${STATUS_LABEL[m.status]}**`,
    '',
    'Wazuh 5.0 takes responses from the indexer: each 4.x `<active-response>` becomes a definition (Explore → Active Responses, or the first request) and an Alerting monitor of the Active Response kind that fires it (the second request). Exact: the definition carries every setting over and nothing is lost. Needs review: something is a suggestion, a placeholder, lost, or a script to rewrite. Cannot migrate: 5.0 has no equivalent.',
    '',
    `> ${MONITOR_NOTE}`,
    '',
  ];
  m.responses.forEach((r, n) => {
    out.push(
      `## ${n + 1}. ${cell(r.definition?.config.name ?? r.command ?? '(no command)')}: ${STATUS_LABEL[r.status]}`,
      '',
      `Line ${r.line} · \`<command>${cell(r.command ?? '')}</command>\`${r.summary ? ` · ${cell(r.summary)}` : ''}`,
      '',
      ...itemsTable(r.items),
      '',
    );
    if (r.definition)
      out.push(
        `### Definition: \`${DEFINITION_REQUEST}\``,
        '',
        code(JSON.stringify(r.definition, null, 2), 'json'),
        '',
      );
    if (r.monitor)
      out.push(
        `### Monitor: \`${MONITOR_REQUEST}\``,
        '',
        code(JSON.stringify(r.monitor, null, 2), 'json'),
        '',
      );
    if (r.checklist.length > 0) {
      out.push(
        '### Rewriting the script for 5.0',
        '',
        ...r.checklist.map((step, i) => `${i + 1}. ${cell(step)}`),
        '',
      );
    }
  });
  out.push('## The whole file', '', ...itemsTable(m.notes), '');
  out.push("## Agent settings (each agent's own ossec.conf)", '', code(m.agentSettings, 'xml'), '');
  const diff = cleanedPatch(m.cleaned, file);
  out.push(
    `## Cleaned ${m.role === 'manager' ? 'manager' : 'agent'} file`,
    '',
    diff
      ? `${m.cleaned.removed.length} ${m.cleaned.removed.length === 1 ? 'block' : 'blocks'} removed; every other byte kept.`
      : 'Nothing to remove.',
    '',
  );
  if (diff) out.push(code(diff, 'diff'), '');
  return out.join('\n');
}

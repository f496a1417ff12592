/**
 * 4.x (and OSSEC) responses → Wazuh 5.0 (reference wazuh5 §3): per `<active-response>`, joined with the
 * `<command>` it names, an active response definition, an Alerting monitor skeleton that fires it, and a
 * report of what carried over exactly, as a suggestion, or not at all. Wazuh ships no converter ("manual
 * migration only"); this is the inventory and the first draft of that manual work.
 */

import { agentSettings } from '../deploy/agent-settings';
import { emulateAnalysisd, type ResponseModel } from '../derive/analysisd';
import { atoi } from '../derive/c-atoi';
import { deriveResponses } from '../derive/responses';
import { whiteListEntries } from '../derive/white-list';
import { removeField } from '../model/edit';
import { fieldsNamed, fieldValue } from '../model/fields';
import type { ConfigDocument } from '../model/types';
import { type RoleOption, resolveRole } from '../targets/role';
import { DEFAULT_TARGET, parseTarget, type TargetProfile, toProfile } from '../targets/target';
import { validate } from '../validation/validate';
import { positionAt } from '../xml/positions';
import { cleanedFile } from './clean';
import { EXECUTABLE_SOURCE, mapExecutable } from './executables';
import { monitorOf, triggerOf } from './monitor';
import { scriptChecklist } from './script-contract';
import type {
  ActiveResponseSettings,
  DefinitionBody,
  ItemKind,
  MigratedResponse,
  Migration,
  MigrationStatus,
  ReportItem,
} from './types';

export const MIGRATION_TARGET = 'wazuh@5.0';
const FIELD_TABLE = 'wazuh/wazuh docs/guide/migration/active-response.md@5.0 (Field mapping)';
const NOTIFICATIONS_RULES = 'wazuh/wazuh-indexer-notifications ActiveResponseDestination.kt';

export interface MigrateOptions {
  /** The version the file was written for (`wazuh@4.14` by default); not a 5.x target. */
  from?: TargetProfile | string;
  role?: RoleOption;
}

/** Items that need the admin's decision. A query built from level or groups is checked for every monitor. */
function needsReview(item: ReportItem): boolean {
  if (item.kind === 'suggestion') return item.subject !== 'level' && item.subject !== 'rules_group';
  return item.kind === 'placeholder' || item.kind === 'lost' || item.kind === 'rewrite';
}

export function statusOf(items: readonly ReportItem[]): MigrationStatus {
  if (items.some((i) => i.kind === 'impossible')) return 'cannot-migrate';
  return items.some(needsReview) ? 'needs-review' : 'exact';
}

const WORST: readonly MigrationStatus[] = ['exact', 'needs-review', 'cannot-migrate'];

function worst(statuses: readonly MigrationStatus[]): MigrationStatus {
  return statuses.reduce<MigrationStatus>((a, b) => (WORST.indexOf(b) > WORST.indexOf(a) ? b : a), 'exact');
}

const item = (kind: ItemKind, subject: string, reason: string, text: string, source?: string): ReportItem =>
  source ? { kind, subject, reason, text, source } : { kind, subject, reason, text };

/** Why a response the source version never runs has nothing to carry over. */
function notRun(r: ResponseModel, from: TargetProfile, refusal: string | undefined): ReportItem {
  switch (r.outcome) {
    case 'disabled':
    case 'accepted':
      throw new Error('runnable responses migrate');
    case 'refused':
      return item(
        'impossible',
        'response',
        'refused-by-source',
        `${from.label} refuses this response, so the manager never started with it${refusal ? `: ${refusal}` : ''}. Fix it for ${from.label} first.`,
      );
    case 'dropped':
      return item(
        'impossible',
        'agent_id',
        'dropped-by-source',
        `${from.label} drops this response because its agent_id reads as 0: it never ran.`,
      );
    case 'skipped':
      return item(
        'impossible',
        'disabled',
        'skipped-by-source',
        `An earlier <disabled>yes</disabled> turns this response off on ${from.label}: it never ran.`,
      );
    case 'offenders-only':
      return item(
        'lost',
        'repeated_offenders',
        'offenders-only',
        "This block only set repeated_offenders for the manager's own execd, and a 5.0 manager runs no execd. Agents keep their own setting (see the agent settings).",
      );
  }
}

/** `a-b c` → `a-b-c`: the characters `validateId` accepts for a `config_id`. */
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'response';
}

function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

interface Context {
  doc: ConfigDocument;
  from: TargetProfile;
  summaries: Map<number, string>;
  whiteList: string[];
  names: Set<string>;
  ids: Set<string>;
  /** The first error the source version reports in each block, by block index. */
  refusals: Map<number, string>;
}

/** The summary of a disabled response as if it ran, which is what its definition does once unmuted. */
function enabledSummary(ctx: Context, blockIndex: number): string {
  const enabled = removeField(ctx.doc, blockIndex, 'disabled');
  return (
    deriveResponses(enabled, ctx.from, 'manager').find((s) => s.blockIndex === blockIndex)?.summary ?? ''
  );
}

function migrateResponse(r: ResponseModel, ctx: Context): MigratedResponse {
  const { doc, from } = ctx;
  const { line, column } = positionAt(doc.text, r.block.start);
  const base = { blockIndex: r.block.index, line, column, command: r.command };
  if (r.outcome !== 'accepted' && r.outcome !== 'disabled') {
    const items = [notRun(r, from, ctx.refusals.get(r.block.index))];
    return {
      ...base,
      status: statusOf(items),
      summary: ctx.summaries.get(r.block.index) ?? '',
      items,
      checklist: [],
    };
  }
  const resolved = r.resolved;
  if (!resolved) {
    const items = [
      item(
        'impossible',
        'command',
        'command-not-defined',
        `No <command> named '${r.command ?? ''}' is defined above this response, so ${from.label} would refuse it once enabled.`,
      ),
    ];
    return { ...base, status: 'cannot-migrate', summary: '', items, checklist: [] };
  }
  const items: ReportItem[] = [];
  const summary =
    r.outcome === 'disabled' ? enabledSummary(ctx, r.block.index) : (ctx.summaries.get(r.block.index) ?? '');

  const executable = resolved.executable ?? '';
  const mapped = mapExecutable(executable);
  items.push(item(mapped.kind, 'executable', mapped.reason, mapped.text, EXECUTABLE_SOURCE));

  const { bits } = r;
  const written = r.location ?? '';
  const location: ActiveResponseSettings['location'] | undefined = bits.local
    ? 'local'
    : bits.all
      ? 'all'
      : bits.definedAgent
        ? 'defined-agent'
        : undefined;
  if (bits.server) {
    items.push(
      item(
        location ? 'lost' : 'impossible',
        'location',
        'server-location',
        `${location ? 'The server part of ' : ''}<location>${written}</location> has no 5.x equivalent: a 5.0 manager runs no responses. The migration guide's workaround: install an agent on the manager host and use location defined-agent with that agent's ID.`,
        FIELD_TABLE,
      ),
    );
  }
  if (location) {
    const several = [bits.local, bits.all, bits.definedAgent].filter(Boolean).length > 1;
    if (several) {
      items.push(
        item(
          'suggestion',
          'location',
          'several-locations',
          `<location>${written}</location> names several places; the definition uses ${location}: check that it is the one you meant.`,
        ),
      );
    } else if (written !== location) {
      items.push(
        item(
          'suggestion',
          'location',
          'location-read-as',
          `<location>${written}</location> is read by ${from.label} as ${location} (the daemon matches the word anywhere in the value): the definition says ${location}.`,
        ),
      );
    } else {
      items.push(
        item('exact', 'location', 'same-location', `Location ${location} carries over.`, FIELD_TABLE),
      );
    }
  }
  let agentId: string | undefined;
  if (location === 'defined-agent') {
    const raw = r.agentId ?? '';
    if (/^\d+$/.test(raw)) {
      agentId = raw;
      items.push(item('exact', 'agent_id', 'same-agent-id', `Agent ${raw} carries over.`, FIELD_TABLE));
    } else if (atoi(raw) > 0) {
      agentId = String(atoi(raw)).padStart(3, '0');
      items.push(
        item(
          'suggestion',
          'agent_id',
          'agent-id-read-as',
          `<agent_id>${raw}</agent_id> is read by ${from.label} as agent ${agentId}, and 5.0 takes digits only: the definition says ${agentId}.`,
          NOTIFICATIONS_RULES,
        ),
      );
    } else {
      items.push(
        item(
          'impossible',
          'agent_id',
          'agent-id-not-numeric',
          `<agent_id>${raw}</agent_id> is not an agent ID, and 5.0 takes digits only.`,
          NOTIFICATIONS_RULES,
        ),
      );
    }
  }

  const stateful = resolved.timeoutAllowed && r.effectiveTimeout > 0;
  if (stateful) {
    items.push(
      item(
        'exact',
        'timeout',
        'timeout-to-stateful',
        `<timeout>${r.effectiveTimeout}</timeout> becomes type stateful with stateful_timeout ${r.effectiveTimeout} (seconds, as before).`,
        FIELD_TABLE,
      ),
    );
  } else if (r.timeout !== 0 && !resolved.timeoutAllowed) {
    items.push(
      item(
        'suggestion',
        'timeout',
        'timeout-reset-in-source',
        `${from.label} never applied <timeout>${r.timeout}</timeout> (the command lacks <timeout_allowed>yes</timeout_allowed>), so the definition is stateless, as the response ran: make it stateful if you meant the timeout.`,
      ),
    );
  } else {
    items.push(
      item('exact', 'timeout', 'stateless', 'No timeout: a stateless definition, as before.', FIELD_TABLE),
    );
  }
  const command = resolved.block;
  if (command && fieldsNamed(command, 'timeout_allowed').length > 0) {
    items.push(
      item(
        'dropped',
        'timeout_allowed',
        'timeout-allowed-no-field',
        '<timeout_allowed> has no 5.x field: the type (stateful with a timeout, or stateless) says whether the response is undone.',
        FIELD_TABLE,
      ),
    );
  }
  const expect = command ? fieldValue(command, 'expect') : undefined;
  if (expect !== undefined) {
    items.push(
      item(
        'dropped',
        'expect',
        'expect-no-field',
        '<expect> has no 5.x field: the script receives the whole finding as JSON.',
        FIELD_TABLE,
      ),
    );
  }
  const extraArgs = command && from.extraArgs ? fieldValue(command, 'extra_args') : undefined;
  const sendArgs = extraArgs !== undefined && extraArgs.trim() !== '';
  if (sendArgs) {
    items.push(
      item(
        'exact',
        'extra_args',
        'extra-args',
        `<extra_args> carries over as extra_args; the script reads it from wazuh.active_response.extra_arguments.`,
        FIELD_TABLE,
      ),
    );
  }
  if (r.outcome === 'disabled') {
    items.push(
      item(
        'exact',
        'disabled',
        'disabled-to-is-enabled',
        '<disabled>yes</disabled> becomes is_enabled false (the dashboard shows it as muted; Unmute turns it on).',
        FIELD_TABLE,
      ),
    );
  }
  if (fieldsNamed(r.block, 'repeated_offenders').length > 0) {
    items.push(
      item(
        'lost',
        'repeated_offenders',
        'repeated-offenders',
        "5.x has no escalating timeouts: use two definitions with different stateful timeouts fired by different monitors, or keep repeated_offenders in each agent's own ossec.conf, which a 5.0 agent still reads (undocumented).",
        FIELD_TABLE,
      ),
    );
  }
  if (ctx.whiteList.length > 0) {
    const addresses = ctx.whiteList.join(', ');
    items.push(
      item(
        'lost',
        'white_list',
        'white-list',
        `${from.label} never ran responses for <white_list> ${addresses}; 5.0 has no whitelist. Suggestion: add AND NOT source.ip:(${ctx.whiteList.map((a) => `"${a}"`).join(' OR ')}) to the monitor's query.`,
      ),
    );
  }
  const trigger = triggerOf(r.block, doc.text, from);
  items.push(...trigger.items);

  const status = statusOf(items);
  const checklist =
    mapped.kind === 'rewrite'
      ? scriptChecklist({ executable, stateful, extraArgs: sendArgs ? extraArgs : undefined, expect }, from)
      : [];
  if (status === 'cannot-migrate' || !location || !mapped.executable) {
    return { ...base, status: 'cannot-migrate', summary, items, checklist };
  }
  const name = unique(
    `${resolved.name ?? r.command ?? 'response'}-${location}${agentId ? `-${agentId}` : ''}`,
    ctx.names,
  );
  const configId = unique(`ar-studio-${slug(name)}`, ctx.ids);
  const settings: ActiveResponseSettings = stateful
    ? { type: 'stateful', stateful_timeout: r.effectiveTimeout, executable: mapped.executable, location }
    : { type: 'stateless', executable: mapped.executable, location };
  if (sendArgs) settings.extra_args = extraArgs;
  if (agentId) settings.agent_id = agentId;
  const definition: DefinitionBody = {
    config_id: configId,
    config: {
      name,
      description: summary,
      config_type: 'active_response',
      is_enabled: r.outcome === 'accepted',
      active_response: settings,
    },
  };
  return {
    ...base,
    status,
    summary,
    definition,
    monitor: monitorOf(name, configId, trigger, `the ${from.label} <active-response> at line ${line}`),
    items,
    checklist,
  };
}

function fileNotes(doc: ConfigDocument, role: 'manager' | 'agent', whiteList: number): ReportItem[] {
  const notes: ReportItem[] = [];
  if (role === 'agent') {
    notes.push(
      item(
        'exact',
        'file',
        'agent-file',
        "An agent's file defines no responses. A 5.0 agent refuses <command> (the cleaned file drops them) and still reads disabled and repeated_offenders (the agent settings).",
      ),
    );
    return notes;
  }
  if (doc.topLevel.some((top) => top.name === 'ossec_config')) {
    notes.push(
      item(
        'placeholder',
        'root',
        'rename-root',
        'Rename the root <ossec_config> to <wazuh_config> in /var/wazuh-manager/etc/wazuh-manager.conf: a 5.0 manager refuses any other root. The cleaned file keeps every byte but the removed blocks, so this is left to you.',
        'wazuh/wazuh src/shared/include/defs.h@5.0 (WAZUHCONFIG)',
      ),
    );
  }
  if (whiteList > 0) {
    notes.push(
      item(
        'placeholder',
        'white_list',
        'white-list-refused',
        'Delete <white_list> from <global>: the 5.0 source refuses it (Read_Global in src/config/src/global-config.c accepts only agents_disconnection_time and agents_disconnection_alert_time), although the migration guide says it is ignored.',
        'wazuh/wazuh src/config/src/global-config.c@5.0',
      ),
    );
  }
  notes.push(
    item(
      'lost',
      'api',
      'put-active-response-removed',
      'PUT /active-response is removed with no replacement: a response now runs only when a monitor matches a finding.',
      'wazuh/wazuh docs/guide/migration/active-response.md@5.0 (API change)',
    ),
    item(
      'placeholder',
      'file',
      'rest-of-manager-migration',
      "Only the active-response parts are migrated here; the rest of 5.0's manager changes (<global> options, <alerts>, <ruleset>, <remote>) are in the manager configuration migration guide.",
      'wazuh/wazuh docs/guide/migration/manager-configuration-migration.md@5.0',
    ),
  );
  return notes;
}

/** Everything a 4.x file's responses become on Wazuh 5.0 (beta). */
export function migrate(doc: ConfigDocument, options: MigrateOptions = {}): Migration {
  const from = toProfile(options.from ?? DEFAULT_TARGET);
  if (from.responsesFrom === 'indexer') {
    throw new Error(
      `${from.label} already takes its responses from the indexer: migrate reads a 4.x or OSSEC file.`,
    );
  }
  const to = parseTarget(MIGRATION_TARGET);
  const role = resolveRole(doc, options.role);
  const model = role === 'manager' && doc.shape !== 'agent-config' ? emulateAnalysisd(doc, from) : undefined;
  const whiteList = role === 'manager' ? whiteListEntries(doc, from.roots.manager) : [];
  const ctx: Context = {
    doc,
    from,
    summaries: new Map(deriveResponses(doc, from, role).map((s) => [s.blockIndex, s.summary])),
    whiteList: whiteList.map((e) => e.value),
    names: new Set(),
    ids: new Set(),
    refusals: new Map(),
  };
  for (const d of validate(doc, { target: from, role })) {
    if (d.severity === 'error' && d.blockIndex !== undefined && !ctx.refusals.has(d.blockIndex)) {
      ctx.refusals.set(d.blockIndex, d.message.replace(/\.$/, ''));
    }
  }
  const responses = (model?.responses ?? []).map((r) => migrateResponse(r, ctx));
  return {
    from: from.id,
    to: to.id,
    role,
    status: worst(responses.map((r) => r.status)),
    responses,
    cleaned: cleanedFile(doc, role),
    agentSettings: agentSettings(doc, from, role).file,
    notes: fileNotes(doc, role, whiteList.length),
  };
}

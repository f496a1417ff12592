/**
 * The indexer's own checks, so that every body the migration writes is one the server accepts.
 *
 * Definitions: `ActiveResponseDestination.kt` (wazuh/wazuh-indexer-notifications), the `ActiveResponse`
 * model and `NotificationConfig` (wazuh-indexer-common-utils, opensearch-project/common-utils), and
 * `validateId()` for the `config_id` of `CreateNotificationConfigRequest`. The dashboard's create form
 * (`constructActiveResponseObject`) sends `agent_id` only for `defined-agent`, `stateful_timeout` only for
 * `stateful`, `extra_args` only when not blank; this checks those too.
 *
 * Monitors: `Monitor.kt` (`monitor_type` pattern, trigger type per monitor type; `active_response_monitor`
 * in Wazuh's fork), `DocLevelQuery.kt` (query names 1–256 characters, tags without `[ ]{}()` or spaces),
 * `Action.kt` (mustache templates) and the dashboard's Active Response action (the fixed message template).
 */

import type { DefinitionBody, MonitorBody } from './types';

const INT_MAX = 2 ** 31 - 1;
const ID_CHARS = /^[A-Za-z0-9+/_-]+$/;
const MONITOR_TYPE = /^[a-zA-Z0-9_]{5,25}$/;
const TAG_INVALID = /[ [\]{}()]/;
export const ACTIVE_RESPONSE_MESSAGE = '{{ctx.alerts.0.related_doc_ids}}';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function unknownKeys(object: Record<string, unknown>, known: readonly string[], where: string): string[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => `${where}: unexpected field ${key}`);
}

/** What the indexer (or the dashboard's form) would refuse in a definition body; empty when it accepts it. */
export function definitionProblems(body: DefinitionBody | unknown): string[] {
  if (!isObject(body)) return ['the body is not an object'];
  const problems = unknownKeys(body, ['config_id', 'config'], 'body');
  if (
    body.config_id !== undefined &&
    (typeof body.config_id !== 'string' || !ID_CHARS.test(body.config_id))
  ) {
    problems.push(`Invalid characters in id : ${String(body.config_id)}`);
  }
  const config = body.config;
  if (!isObject(config)) return [...problems, 'config field absent'];
  problems.push(
    ...unknownKeys(config, ['name', 'description', 'config_type', 'is_enabled', 'active_response'], 'config'),
  );
  if (isBlank(config.name)) problems.push('name is null or empty');
  if (typeof config.description !== 'string') problems.push('description is not a string');
  if (config.config_type !== 'active_response') problems.push('config_type must be active_response');
  if (typeof config.is_enabled !== 'boolean') problems.push('is_enabled is not a boolean');
  const ar = config.active_response;
  if (!isObject(ar)) return [...problems, 'active_response field absent'];
  problems.push(
    ...unknownKeys(
      ar,
      ['type', 'stateful_timeout', 'executable', 'extra_args', 'location', 'agent_id'],
      'active_response',
    ),
  );
  if (ar.type !== 'stateful' && ar.type !== 'stateless') {
    problems.push("type must be either 'stateful' or 'stateless'");
  }
  if (isBlank(ar.executable)) problems.push('executable is null or empty');
  if (ar.location !== 'local' && ar.location !== 'defined-agent' && ar.location !== 'all') {
    problems.push("location must be 'local', 'defined-agent', or 'all'");
  }
  if (ar.location === 'defined-agent') {
    if (isBlank(ar.agent_id)) problems.push('agent_id is required when location is defined-agent');
    else if (!/^\d+$/.test(String(ar.agent_id)))
      problems.push('agent_id must contain only numeric characters');
  } else if (ar.agent_id !== undefined) {
    problems.push('agent_id is sent only when location is defined-agent');
  }
  if (ar.type === 'stateful') {
    const timeout = ar.stateful_timeout;
    if (timeout === undefined) problems.push('stateful_timeout is required for stateful type');
    else if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout > INT_MAX) {
      problems.push('stateful_timeout is not an integer');
    } else if (timeout <= 0) problems.push('stateful_timeout must be greater than 0 for stateful type');
  } else if (ar.stateful_timeout !== undefined) {
    problems.push('stateful_timeout is sent only for stateful type');
  }
  if (ar.extra_args !== undefined && isBlank(ar.extra_args)) {
    problems.push('extra_args is sent only when not blank');
  }
  return problems;
}

/**
 * What the Alerting plugin would refuse in a monitor body, or what would keep it from firing the definition
 * `definitionId` the Active Response way; empty when both hold.
 */
export function monitorProblems(body: MonitorBody | unknown, definitionId: string): string[] {
  if (!isObject(body)) return ['the body is not an object'];
  const problems: string[] = [];
  if (body.type !== 'monitor') problems.push('type must be monitor');
  if (typeof body.monitor_type !== 'string' || !MONITOR_TYPE.test(body.monitor_type)) {
    problems.push(`Monitor type should follow pattern ${MONITOR_TYPE.source}`);
  }
  if (body.monitor_type !== 'active_response_monitor') {
    problems.push('only an active_response_monitor offers the Active Response action');
  }
  if (isBlank(body.name)) problems.push('Monitor name is null');
  if (typeof body.enabled !== 'boolean') problems.push('enabled is not a boolean');
  const period = isObject(body.schedule) && isObject(body.schedule.period) ? body.schedule.period : undefined;
  if (!period || !Number.isInteger(period.interval) || (period.interval as number) <= 0) {
    problems.push('Monitor schedule is null or its interval is not a positive integer');
  }
  const inputs = Array.isArray(body.inputs) ? body.inputs : [];
  if (inputs.length !== 1) problems.push('Monitors can only have 1 search input.');
  const queryNames = new Set<string>();
  for (const input of inputs) {
    const doc = isObject(input) && isObject(input.doc_level_input) ? input.doc_level_input : undefined;
    if (!doc) {
      problems.push('an Active Response monitor reads a doc_level_input');
      continue;
    }
    if (!Array.isArray(doc.indices) || doc.indices.length === 0)
      problems.push('doc_level_input has no indices');
    for (const query of Array.isArray(doc.queries) ? doc.queries : []) {
      if (!isObject(query)) continue;
      const name = String(query.name ?? '');
      if (name.length < 1 || name.length > 256) {
        problems.push(`The query name, ${name}, should be between 1 - 256 characters.`);
      }
      queryNames.add(name);
      if (isBlank(query.query)) problems.push(`query ${name} is empty`);
      for (const tag of Array.isArray(query.tags) ? query.tags : []) {
        if (typeof tag === 'string' && TAG_INVALID.test(tag) && !tag.includes('{{')) {
          problems.push(
            `The query tag, ${tag}, contains an invalid character: [' ','[',']','{','}','(',')']`,
          );
        }
      }
    }
  }
  const triggers = Array.isArray(body.triggers) ? body.triggers : [];
  if (triggers.length === 0) problems.push('the monitor has no trigger, so nothing fires');
  for (const entry of triggers) {
    const trigger = isObject(entry) ? entry.document_level_trigger : undefined;
    if (!isObject(trigger)) {
      problems.push('Incompatible trigger for monitor type [active_response_monitor]');
      continue;
    }
    if (isBlank(trigger.name)) problems.push('Trigger name is null');
    if (isBlank(trigger.severity)) problems.push('Trigger severity is null');
    const script = isObject(trigger.condition) ? trigger.condition.script : undefined;
    if (!isObject(script) || script.lang !== 'painless') {
      problems.push('Invalid script language. Allowed languages are [painless]');
    } else {
      const named = /^query\[name=([^\]]+)\]$/.exec(String(script.source));
      if (named && !queryNames.has(named[1])) problems.push(`the trigger names an unknown query ${named[1]}`);
    }
    const actions = Array.isArray(trigger.actions) ? trigger.actions : [];
    if (actions.length === 0) problems.push('the trigger has no action, so nothing fires');
    for (const action of actions) {
      if (!isObject(action)) continue;
      if (isBlank(action.name)) problems.push('Action name is null');
      if (action.destination_id !== definitionId) {
        problems.push(
          `the action points at ${String(action.destination_id)}, not at the definition ${definitionId}`,
        );
      }
      const message = isObject(action.message_template) ? action.message_template : undefined;
      if (!message || (message.lang !== undefined && message.lang !== 'mustache')) {
        problems.push('message_template must be a mustache script');
      } else if (message.source !== ACTIVE_RESPONSE_MESSAGE) {
        problems.push(`an Active Response action sends ${ACTIVE_RESPONSE_MESSAGE} as its message`);
      }
      const policy = isObject(action.action_execution_policy) ? action.action_execution_policy : undefined;
      const scope =
        policy && isObject(policy.action_execution_scope) ? policy.action_execution_scope : undefined;
      const perAlert = scope && isObject(scope.per_alert) ? scope.per_alert : undefined;
      if (!perAlert || !Array.isArray(perAlert.actionable_alerts)) {
        problems.push('an Active Response action runs per alert (action_execution_scope.per_alert)');
      }
    }
  }
  return problems;
}

/**
 * The Alerting monitor that fires a definition: an `active_response_monitor` (Wazuh's Alerting fork, the
 * only type whose triggers offer "Add active response") over the findings indices, whose trigger action
 * points at the definition with the fixed message the indexer expects (`document_id|index_name`, read by
 * `SendMessageActionHelper.kt`). Its query replaces `<level>`, `<rules_id>` and `<rules_group>`, and that
 * is where the migration is lossy (reference wazuh5 §3.2).
 */

import { atoi } from '../derive/c-atoi';
import { lastField } from '../model/fields';
import type { Block } from '../model/types';
import type { TargetProfile } from '../targets/target';
import { ACTIVE_RESPONSE_MESSAGE } from './server-rules';
import type { MonitorBody, ReportItem } from './types';

export const FINDINGS_INDICES = 'wazuh-findings-v5-*';
const GUIDE = 'wazuh/wazuh docs/guide/migration/active-response.md@5.0 (Triggering model)';
const CHECK = 'check against your findings (GET wazuh-findings-v5-*/_search)';

/** A value inside a query_string phrase: only `"` and `\` are special there. */
function phrase(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function anyOf(field: string, values: string[]): string {
  return values.length === 1
    ? `${field}:${phrase(values[0])}`
    : `${field}:(${values.map(phrase).join(' OR ')})`;
}

export interface Trigger {
  query: string;
  /** The 4.x elements it replaces, as the file writes them. */
  quoted: string;
  items: ReportItem[];
  /** The query holds a placeholder to replace before the monitor can fire. */
  placeholder: boolean;
}

/** The monitor's query for a response's level, rules_id and rules_group, as 4.x combined them. */
export function triggerOf(block: Block, text: string, from: TargetProfile): Trigger {
  const items: ReportItem[] = [];
  const quoted = block.children
    .filter((c) => c.name === 'level' || c.name === 'rules_id' || c.name === 'rules_group')
    .map((c) => text.slice(c.start, c.end))
    .join(' ');
  const levelText = lastField(block, 'level')?.value;
  const level = levelText === undefined ? 0 : atoi(levelText);
  const groups = (lastField(block, 'rules_group')?.value ?? '').split('|').filter((g) => g !== '');
  const ids = (lastField(block, 'rules_id')?.value ?? '').split(/[\s,]+/).filter(Boolean);

  const levelClause = level > 0 ? `wazuh.rule.level:>=${level}` : undefined;
  if (levelClause) {
    items.push({
      kind: 'suggestion',
      subject: 'level',
      reason: 'level-query',
      text: `<level>${levelText}</level> becomes ${levelClause}, the migration guide's mapping; ${CHECK}. Other 5.0 guides describe wazuh.rule.level as a word (informational, low, medium, high, critical): a range on words compares text and matches almost every finding, so name the levels you mean instead.`,
      source: GUIDE,
    });
  }
  const groupClause = groups.length > 0 ? anyOf('wazuh.rule.groups', groups) : undefined;
  if (groupClause) {
    const regex = groups.some((g) => /[\\^$.*+?()[\]{}]/.test(g));
    items.push({
      kind: 'suggestion',
      subject: 'rules_group',
      reason: 'rules-group-query',
      text: `<rules_group> becomes ${groupClause}, the migration guide's mapping; ${CHECK}: 4.x matched the pattern anywhere in the rule's group list${regex ? ' as a regular expression' : ''}, the query matches whole values, and 5.x findings also carry wazuh.rule.tags.`,
      source: GUIDE,
    });
  }
  const placeholderIds = ids.map((id) => `REPLACE with the 5.x wazuh.rule.title of 4.x rule ${id}`);
  const idsClause = ids.length > 0 ? anyOf('wazuh.rule.title', placeholderIds) : undefined;
  if (idsClause) {
    items.push({
      kind: 'placeholder',
      subject: 'rules_id',
      reason: 'rules-id-placeholder',
      text: `4.x rule IDs have no 5.x mapping (5.x rule ids are Sigma UUIDs): find the rule that detects the same thing in your findings and put its wazuh.rule.title in place of the placeholder for ${ids.join(', ')}.`,
      source: GUIDE,
    });
  }
  const both = from.levelAndGroup === 'and' ? ' AND ' : ' OR ';
  const levelAndGroup = [levelClause, groupClause].filter((c) => c !== undefined);
  const levelGroupClause =
    levelAndGroup.length === 2 && idsClause ? `(${levelAndGroup.join(both)})` : levelAndGroup.join(both);
  const clauses = [idsClause, levelGroupClause].filter((c): c is string => !!c);
  if (clauses.length === 0) {
    items.push({
      kind: 'placeholder',
      subject: 'trigger',
      reason: 'no-trigger',
      text: 'The response has no level, rules_id or rules_group, so it never fired in 4.x: write the query that should fire it.',
    });
    return {
      query: `wazuh.rule.title:${phrase('REPLACE with the findings that should fire this response')}`,
      quoted,
      items,
      placeholder: true,
    };
  }
  return { query: clauses.join(' OR '), quoted, items, placeholder: ids.length > 0 };
}

/**
 * The monitor body. It is created disabled: its query is at best a suggestion, and a wrong one would fire the
 * response on findings it was never meant for.
 */
export function monitorOf(name: string, definitionId: string, trigger: Trigger, origin: string): MonitorBody {
  const queryName = `${definitionId}-query`.slice(0, 256);
  return {
    type: 'monitor',
    monitor_type: 'active_response_monitor',
    name,
    enabled: false,
    schedule: { period: { interval: 1, unit: 'MINUTES' } },
    inputs: [
      {
        doc_level_input: {
          description: `Migrated from ${origin}${trigger.quoted ? `: ${trigger.quoted}` : ''}`,
          indices: [FINDINGS_INDICES],
          queries: [{ id: queryName, name: queryName, fields: [], query: trigger.query, tags: [] }],
        },
      },
    ],
    triggers: [
      {
        document_level_trigger: {
          name: `${name} trigger`,
          severity: '1',
          condition: { script: { source: `query[name=${queryName}]`, lang: 'painless' } },
          actions: [
            {
              name: `${name} action`,
              destination_id: definitionId,
              subject_template: { source: 'Alerting Active Response action', lang: 'mustache' },
              message_template: { source: ACTIVE_RESPONSE_MESSAGE, lang: 'mustache' },
              throttle_enabled: false,
              action_execution_policy: { action_execution_scope: { per_alert: { actionable_alerts: [] } } },
            },
          ],
        },
      },
    ],
  };
}

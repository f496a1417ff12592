/**
 * What a 4.x response becomes in Wazuh 5.0 (reference wazuh5 §3): an active response definition (a
 * Notifications config of type `active_response`) and an Alerting monitor of the Active Response kind that
 * fires it, with a report of what carried over.
 */

import type { Hunk } from '../diff/patch';

import type { TargetId } from '../targets/target';

/** The `active_response` object of a definition, as `ActiveResponseDestination.kt` accepts it. */
export interface ActiveResponseSettings {
  type: 'stateful' | 'stateless';
  /** Seconds; sent only for `stateful`, and then greater than 0. */
  stateful_timeout?: number;
  executable: string;
  /** Sent only when not blank, as the dashboard's create form does. */
  extra_args?: string;
  location: 'local' | 'defined-agent' | 'all';
  /** Digits; sent only for `defined-agent`. */
  agent_id?: string;
}

/** The body of `POST _plugins/_notifications/configs`. */
export interface DefinitionBody {
  /** Chosen here so that the monitor's action can name the definition before it exists. */
  config_id: string;
  config: {
    name: string;
    description: string;
    config_type: 'active_response';
    is_enabled: boolean;
    active_response: ActiveResponseSettings;
  };
}

interface MustacheTemplate {
  source: string;
  lang: 'mustache';
}

/** The body of `POST _plugins/_alerting/monitors` for an Active Response monitor. */
export interface MonitorBody {
  type: 'monitor';
  monitor_type: 'active_response_monitor';
  name: string;
  enabled: boolean;
  schedule: { period: { interval: number; unit: 'MINUTES' } };
  inputs: Array<{
    doc_level_input: {
      description: string;
      indices: string[];
      queries: Array<{ id: string; name: string; fields: string[]; query: string; tags: string[] }>;
    };
  }>;
  triggers: Array<{
    document_level_trigger: {
      name: string;
      severity: string;
      condition: { script: { source: string; lang: 'painless' } };
      actions: Array<{
        name: string;
        destination_id: string;
        subject_template: MustacheTemplate;
        message_template: MustacheTemplate;
        throttle_enabled: boolean;
        action_execution_policy: { action_execution_scope: { per_alert: { actionable_alerts: string[] } } };
      }>;
    };
  }>;
}

/**
 * How one 4.x setting carries over. `exact`: unchanged. `dropped`: no 5.x field, and nothing changes.
 * `suggestion`: carried over in a form to check. `placeholder`: to fill in by hand. `lost`: no 5.x
 * equivalent, behaviour changes. `rewrite`: the script must be rewritten. `impossible`: cannot migrate.
 */
export type ItemKind = 'exact' | 'dropped' | 'suggestion' | 'placeholder' | 'lost' | 'rewrite' | 'impossible';

/** What the migration did with one part of a response, and why. */
export interface ReportItem {
  kind: ItemKind;
  /** The 4.x element or concept it is about (`executable`, `location`, `rules_id`, …). */
  subject: string;
  /** A stable code naming the reason (`folded-into-block-ip`, `server-location`, …). */
  reason: string;
  /** One or two sentences for the admin. */
  text: string;
  /** Where the item's claim comes from: a source file, a document, or a suggestion of ours. */
  source?: string;
}

export type MigrationStatus = 'exact' | 'needs-review' | 'cannot-migrate';

export interface MigratedResponse {
  blockIndex: number;
  line: number;
  column: number;
  /** The `<command>` value the response names. */
  command?: string;
  status: MigrationStatus;
  /** The response's one-sentence summary on the source version. */
  summary: string;
  definition?: DefinitionBody;
  monitor?: MonitorBody;
  items: ReportItem[];
  /** For an executable 5.0 does not ship: how to rewrite the script for the 5.x standard input. */
  checklist: string[];
}

export interface CleanedFile {
  /** The file without the blocks 5.0 refuses or ignores; every other byte as it was. */
  text: string;
  /** Ranges of the original text that were removed, in order. */
  removed: Array<{ start: number; end: number }>;
  /** The change from the original, as `diff -u` hunks whose lines keep their line endings. */
  hunks: Hunk[];
}

export interface Migration {
  /** The version the file was written for. */
  from: TargetId;
  to: TargetId;
  role: 'manager' | 'agent';
  status: MigrationStatus;
  responses: MigratedResponse[];
  cleaned: CleanedFile;
  /** The `<active-response>` settings each 5.0 agent reads from its own ossec.conf. */
  agentSettings: string;
  /** Things about the whole file: its root, white_list, what the migration does not touch. */
  notes: ReportItem[];
}

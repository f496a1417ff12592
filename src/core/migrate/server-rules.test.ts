import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { command, conf, response } from '../validation/testing';
import { migrate } from './migrate';
import { definitionProblems, monitorProblems } from './server-rules';
import type { DefinitionBody, MonitorBody } from './types';

const migrated = migrate(
  readDocument(
    conf(
      command({ name: 'fw', executable: 'firewall-drop', timeout_allowed: 'yes' }),
      response({ command: 'fw', location: 'local', level: '10', timeout: '600' }),
    ),
  ),
).responses[0];
const definition = migrated.definition as DefinitionBody;
const monitor = migrated.monitor as MonitorBody;

const withAr = (ar: object) => ({ ...definition, config: { ...definition.config, active_response: ar } });
const AR = definition.config.active_response;

describe('definitionProblems (ActiveResponseDestination.kt and the dashboard form)', () => {
  it('accepts a generated definition', () => {
    expect(definitionProblems(definition)).toEqual([]);
  });

  it("gives the server's own reasons for the enums, the agent ID, the timeout and the executable", () => {
    expect(definitionProblems(withAr({ ...AR, type: 'sometimes' }))).toContain(
      "type must be either 'stateful' or 'stateless'",
    );
    expect(definitionProblems(withAr({ ...AR, location: 'server' }))).toContain(
      "location must be 'local', 'defined-agent', or 'all'",
    );
    expect(definitionProblems(withAr({ ...AR, location: 'defined-agent' }))).toContain(
      'agent_id is required when location is defined-agent',
    );
    expect(definitionProblems(withAr({ ...AR, location: 'defined-agent', agent_id: '00a' }))).toContain(
      'agent_id must contain only numeric characters',
    );
    expect(definitionProblems(withAr({ ...AR, agent_id: '001' }))).toContain(
      'agent_id is sent only when location is defined-agent',
    );
    expect(definitionProblems(withAr({ ...AR, stateful_timeout: 0 }))).toContain(
      'stateful_timeout must be greater than 0 for stateful type',
    );
    expect(definitionProblems(withAr({ ...AR, stateful_timeout: undefined }))).toContain(
      'stateful_timeout is required for stateful type',
    );
    expect(definitionProblems(withAr({ ...AR, type: 'stateless' }))).toContain(
      'stateful_timeout is sent only for stateful type',
    );
    expect(definitionProblems(withAr({ ...AR, executable: '  ' }))).toContain('executable is null or empty');
    expect(definitionProblems(withAr({ ...AR, extra_args: ' ' }))).toContain(
      'extra_args is sent only when not blank',
    );
    expect(definitionProblems(withAr({ ...AR, timeout: 5 }))).toContain(
      'active_response: unexpected field timeout',
    );
  });

  it('checks the name, the type of config and the config_id characters', () => {
    expect(definitionProblems({ ...definition, config_id: 'a b' })).toEqual([
      'Invalid characters in id : a b',
    ]);
    expect(definitionProblems({ ...definition, config: { ...definition.config, name: '' } })).toEqual([
      'name is null or empty',
    ]);
    expect(definitionProblems({ config_id: 'x' })).toEqual(['config field absent']);
    expect(definitionProblems(null)).toEqual(['the body is not an object']);
  });
});

describe('monitorProblems (Monitor.kt, DocLevelQuery.kt, Action.kt, the Active Response action)', () => {
  const trigger = monitor.triggers[0].document_level_trigger;
  const action = trigger.actions[0];
  const withAction = (changes: object) => ({
    ...monitor,
    triggers: [{ document_level_trigger: { ...trigger, actions: [{ ...action, ...changes }] } }],
  });

  it('accepts a generated monitor that fires its definition', () => {
    expect(monitorProblems(monitor, definition.config_id)).toEqual([]);
  });

  it('refuses a monitor of another kind, a wrong destination, message or scope', () => {
    expect(monitorProblems({ ...monitor, monitor_type: 'doc_level_monitor' }, definition.config_id)).toEqual([
      'only an active_response_monitor offers the Active Response action',
    ]);
    expect(monitorProblems(withAction({ destination_id: 'other' }), definition.config_id)).toEqual([
      `the action points at other, not at the definition ${definition.config_id}`,
    ]);
    expect(
      monitorProblems(
        withAction({ message_template: { source: 'hi', lang: 'mustache' } }),
        definition.config_id,
      ),
    ).toEqual(['an Active Response action sends {{ctx.alerts.0.related_doc_ids}} as its message']);
    expect(monitorProblems(withAction({ action_execution_policy: {} }), definition.config_id)).toEqual([
      'an Active Response action runs per alert (action_execution_scope.per_alert)',
    ]);
  });

  it('checks query names, tags and the trigger condition', () => {
    const input = monitor.inputs[0].doc_level_input;
    const query = input.queries[0];
    const withQuery = (changes: object) => ({
      ...monitor,
      inputs: [{ doc_level_input: { ...input, queries: [{ ...query, ...changes }] } }],
    });
    expect(monitorProblems(withQuery({ name: 'x'.repeat(257) }), definition.config_id)).toContain(
      `The query name, ${'x'.repeat(257)}, should be between 1 - 256 characters.`,
    );
    expect(monitorProblems(withQuery({ tags: ['a b'] }), definition.config_id)).toEqual([
      "The query tag, a b, contains an invalid character: [' ','[',']','{','}','(',')']",
    ]);
    expect(monitorProblems(withQuery({ name: 'other' }), definition.config_id)).toContain(
      `the trigger names an unknown query ${query.name}`,
    );
  });
});
